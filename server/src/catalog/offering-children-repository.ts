import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database';
import type { Tables } from '../db/tables';
import type { Viewer } from './search-index';
import { audienceOf } from './offering-audience-repository';

/** The SQL versions and plans share: each hangs under an offering, which says who sees it. */

/** A version or plan by id, with the provider, status and visibility of its offering, when that is not deleted. */
export async function findChildWithOffering<T extends 'offering_versions' | 'plans'>(db: Db, table: T, id: string) {
  let query = db
    .selectFrom(table as 'plans')
    .innerJoin('offerings', 'offerings.id', `${table as 'plans'}.offering_id`)
    .selectAll(table as 'plans')
    .select([
      'offerings.organization_id as offering_organization_id',
      'offerings.status as offering_status',
      'offerings.visibility as offering_visibility',
    ])
    .where(`${table as 'plans'}.id`, '=', id)
    .where('offerings.deleted_at', 'is', null);
  // A deleted plan is kept for invoices, not found (versions are not deleted).
  if (table === 'plans') query = query.where('plans.deleted_at', 'is', null);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const { offering_organization_id, offering_status, offering_visibility, ...child } = row;
  const offering = { id: child.offering_id, visibility: offering_visibility };
  return {
    child: child as unknown as Tables[T],
    offering: {
      ...offering,
      organization_id: offering_organization_id,
      status: offering_status,
      audience: await audienceOf(db, offering),
    },
  };
}

/**
 * The SQL condition of auth/access.ts canSeeOffering, on a query joined to `offerings`: the
 * viewer's provider organizations' offerings, and the others that are not drafts and are public
 * or list one of the viewer's organizations or projects.
 */
function seenOffering(eb: ExpressionBuilder<Tables, 'offerings'>, viewer: Viewer) {
  const { providerOrganizationIds: providers, memberOrganizationIds: members, projectIds: projects } = viewer;
  const owned = viewer.ownedOrganizationIds;
  const listsViewer = members.length || projects.length || owned.length;
  const inAudience = listsViewer
    ? [
        eb.exists(
          eb
            .selectFrom('offering_audience as a')
            .select('a.offering_id')
            .whereRef('a.offering_id', '=', 'offerings.id')
            .where((ab) =>
              ab.or([
                ...(members.length
                  ? [ab.and([ab('a.project_id', '=', ''), ab('a.organization_id', 'in', members)])]
                  : []),
                ...(projects.length ? [ab('a.project_id', 'in', projects)] : []),
                ...(owned.length ? [ab.and([ab('a.project_id', '!=', ''), ab('a.organization_id', 'in', owned)])] : []),
              ]),
            ),
        ),
      ]
    : [];
  return eb.or([
    eb.and([eb('offerings.status', '!=', 'draft'), eb.or([eb('offerings.visibility', '=', 'public'), ...inAudience])]),
    ...(providers.length ? [eb('offerings.organization_id', 'in', providers)] : []),
  ]);
}

/**
 * The SQL condition "the viewer has a resource not terminated of this offering in a project it
 * sees": its consumers keep reading the versions and plans their resources were made from after
 * the offering has left their catalog (restricted to others, or back to draft).
 */
function consumedOffering(eb: ExpressionBuilder<Tables, 'offerings'>, viewer: Viewer) {
  const { projectIds: projects, ownedOrganizationIds: owned } = viewer;
  if (!projects.length && !owned.length) return undefined;
  return eb(
    'offerings.id',
    'in',
    eb
      .selectFrom('resources')
      .select('resources.offering_id')
      .where('resources.state', '!=', 'Terminated')
      .where((rb) =>
        rb.or([
          ...(projects.length ? [rb('resources.project_id', 'in', projects)] : []),
          ...(owned.length
            ? [
                rb(
                  'resources.project_id',
                  'in',
                  rb.selectFrom('projects').select('projects.id').where('projects.organization_id', 'in', owned),
                ),
              ]
            : []),
        ]),
      ),
  );
}

/**
 * Restricts a query of versions or plans joined to their offering to offerings in the catalog
 * (not deleted) the viewer sees, or whose resources it has.
 */
export function onlyVisibleOfferings<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, viewer: Viewer) {
  const q = (query as unknown as SelectQueryBuilder<Tables, 'offerings', O>).where('offerings.deleted_at', 'is', null);
  if (viewer.isStaff) return q as unknown as SelectQueryBuilder<DB, TB, O>;
  return q.where((eb) => {
    const consumed = consumedOffering(eb, viewer);
    return consumed ? eb.or([seenOffering(eb, viewer), consumed]) : seenOffering(eb, viewer);
  }) as unknown as SelectQueryBuilder<DB, TB, O>;
}

/** Whether the viewer has a resource not terminated of the offering in a project it sees (see consumedOffering). */
export async function consumesOffering(db: Db, viewer: Viewer, offeringId: string): Promise<boolean> {
  if (!viewer.projectIds.length && !viewer.ownedOrganizationIds.length) return false;
  const row = await db
    .selectFrom('offerings')
    .select('offerings.id')
    .where('offerings.id', '=', offeringId)
    .where((eb) => consumedOffering(eb, viewer)!)
    .executeTakeFirst();
  return row !== undefined;
}
