import type { Db } from '../db/database';
import type { QuotaRow } from '../db/tables';
import { OPEN_STATES } from '../orders/order-model';

/** The SQL of quotas and of what they count. `db` may be a transaction. */

/**
 * Quotas of organizations (undefined: of all) and their projects; with `projectId`, only the
 * organization-wide ones and that project's.
 */
export function quotasOf(db: Db, organizationIds: string[] | undefined, projectId?: string) {
  if (organizationIds?.length === 0) return Promise.resolve([] as QuotaRow[]);
  let query = db.selectFrom('quotas').selectAll();
  if (organizationIds) query = query.where('organization_id', 'in', organizationIds);
  if (projectId !== undefined) query = query.where('project_id', 'in', ['', projectId]);
  return query.orderBy('id').execute();
}

export function findQuota(db: Db, id: string) {
  return db.selectFrom('quotas').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertQuota(db: Db, row: QuotaRow) {
  await db.insertInto('quotas').values(row).execute();
}

export async function updateQuota(db: Db, id: string, changes: Pick<QuotaRow, 'limit' | 'updated_at'>) {
  await db.updateTable('quotas').set(changes).where('id', '=', id).execute();
}

export async function deleteQuota(db: Db, id: string) {
  await db.deleteFrom('quotas').where('id', '=', id).execute();
}

/**
 * Takes the organization's row lock until the transaction ends: orders counted against its
 * quotas (and its projects') are checked one after the other. On PostgreSQL a second transaction
 * waits here and, at READ COMMITTED, its next statements see what the first one committed. On
 * SQLite transactions already run one at a time on the single connection.
 */
export async function lockOrganization(trx: Db, id: string) {
  await trx
    .updateTable('organizations')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', id)
    .execute();
}

/** The resources not terminated of an organization's projects, with their limits (JSON). */
export function liveResourcesOf(db: Db, organizationId: string) {
  return db
    .selectFrom('resources')
    .innerJoin('projects', 'projects.id', 'resources.project_id')
    .select(['resources.id', 'resources.project_id', 'resources.offering_id', 'resources.limits'])
    .where('projects.organization_id', '=', organizationId)
    .where('resources.state', '!=', 'Terminated')
    .execute();
}

/** The limits (JSON) open update orders of an organization's resources would give them. */
export function openLimitOrdersOf(db: Db, organizationId: string) {
  return db
    .selectFrom('orders')
    .innerJoin('projects', 'projects.id', 'orders.project_id')
    .select(['orders.resource_id', 'orders.limits'])
    .where('projects.organization_id', '=', organizationId)
    .where('orders.type', '=', 'update')
    .where('orders.state', 'in', OPEN_STATES)
    .execute();
}
