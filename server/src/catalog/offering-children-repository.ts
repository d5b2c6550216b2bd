import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database';
import type { Tables } from '../db/tables';
import type { Viewer } from './search-index';

/** The SQL versions and plans share: each hangs under an offering, which says who sees it. */

/** A version or plan by id, with the provider and status of its offering, when that is not deleted. */
export async function findChildWithOffering<T extends 'offering_versions' | 'plans'>(db: Db, table: T, id: string) {
  const row = await db
    .selectFrom(table as 'plans')
    .innerJoin('offerings', 'offerings.id', `${table as 'plans'}.offering_id`)
    .selectAll(table as 'plans')
    .select(['offerings.organization_id as offering_organization_id', 'offerings.status as offering_status'])
    .where(`${table as 'plans'}.id`, '=', id)
    .where('offerings.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { offering_organization_id, offering_status, ...child } = row;
  return {
    child: child as unknown as Tables[T],
    offering: { id: child.offering_id, organization_id: offering_organization_id, status: offering_status },
  };
}

/** Restricts a query of versions or plans joined to their offering to offerings in the catalog (not deleted) the viewer sees. */
export function onlyVisibleOfferings<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, viewer: Viewer) {
  const q = (query as unknown as SelectQueryBuilder<Tables, 'offerings', O>).where('offerings.deleted_at', 'is', null);
  if (viewer.isStaff) return q as unknown as SelectQueryBuilder<DB, TB, O>;
  const providers = viewer.providerOrganizationIds;
  return q.where((eb) =>
    eb.or([
      eb('offerings.status', '!=', 'draft'),
      ...(providers.length ? [eb('offerings.organization_id', 'in', providers)] : []),
    ]),
  ) as unknown as SelectQueryBuilder<DB, TB, O>;
}
