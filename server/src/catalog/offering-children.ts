import type { FastifyInstance } from 'fastify';
import type { SelectQueryBuilder } from 'kysely';
import type { Principal } from '../auth/principal';
import { canSeeOffering, managesOfferingsOf, providerOrganizationIds } from '../auth/access';
import type { Tables } from '../db/tables';
import { forbidden, invalid, notFound } from '../http/problem';

/** Versions and plans live under an offering: seen by whoever sees it, changed by its provider. */

export async function offeringForChild(app: FastifyInstance, p: Principal, offeringId: string, field = 'offering_id') {
  const offering = await app.db.selectFrom('offerings').select(['id', 'organization_id', 'status', 'components']).where('id', '=', offeringId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!offering || !canSeeOffering(p, offering)) throw invalid(field, `no offering ${offeringId}`);
  return offering;
}

export function assertProvider(p: Principal, offering: { organization_id: string }) {
  if (!managesOfferingsOf(p, offering.organization_id)) throw forbidden("only the offering's provider (owner or service manager) does this");
}

/** Loads a version or plan by id with its offering, 404 when the caller may not see the offering. */
export async function findChild<T extends 'offering_versions' | 'plans'>(app: FastifyInstance, p: Principal, table: T, id: string) {
  const row = await app.db
    .selectFrom(table as 'plans')
    .innerJoin('offerings', 'offerings.id', `${table as 'plans'}.offering_id`)
    .selectAll(table as 'plans')
    .select(['offerings.organization_id as offering_organization_id', 'offerings.status as offering_status'])
    .where(`${table as 'plans'}.id`, '=', id)
    .where('offerings.deleted_at', 'is', null)
    .executeTakeFirst();
  const kind = table === 'plans' ? 'plan' : 'offering version';
  if (!row || !canSeeOffering(p, { organization_id: row.offering_organization_id, status: row.offering_status })) throw notFound(kind, id);
  const { offering_organization_id, offering_status, ...child } = row;
  return { child: child as unknown as Tables[T], offering: { id: child.offering_id, organization_id: offering_organization_id, status: offering_status } };
}

/** Restricts a list of versions or plans to offerings in the catalog (not deleted) the caller may see. */
export function visibleChildren<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, p: Principal) {
  const q = (query as unknown as SelectQueryBuilder<Tables, 'offerings', O>).where('offerings.deleted_at', 'is', null);
  if (p.isStaff) return q as unknown as SelectQueryBuilder<DB, TB, O>;
  const providers = providerOrganizationIds(p);
  return q.where((eb) =>
    eb.or([eb('offerings.status', '!=', 'draft'), ...(providers.length ? [eb('offerings.organization_id', 'in', providers)] : [])]),
  ) as unknown as SelectQueryBuilder<DB, TB, O>;
}
