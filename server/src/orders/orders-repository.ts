import type { Db } from '../db/database';
import type { OrderRow, ResourceRow } from '../db/tables';
import type { Page } from '../http/route-context';
import { inLiveProjectAndOffering } from '../db/deleted-parents';
import type { RowScope } from '../auth/scope';
import { OPEN_STATES } from './order-model';

/** The SQL of orders. `db` may be a transaction. */

export function findOrderById(db: Db, id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The order a user placed with an Idempotency-Key. */
export function findOrderByKey(db: Db, userId: string, key: string) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('created_by', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

type OrderFilters = Partial<Record<'project_id' | 'offering_id' | 'resource_id', string>> &
  Partial<Pick<OrderRow, 'state' | 'type'>> & { include_deleted?: boolean; awaiting?: 'provider' };

/** One page of orders by id, with the filters given, within `scope` (undefined: all); one row more than the limit tells there is a next page. */
export function listOrders(db: Db, page: Page, filters: OrderFilters, scope?: RowScope) {
  let query = db
    .selectFrom('orders')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  for (const column of ['project_id', 'offering_id', 'resource_id', 'state', 'type'] as const) {
    if (filters[column]) query = query.where(column, '=', filters[column]!);
  }
  // Handed to the provider: executing, its job waiting for an outside completion.
  if (filters.awaiting === 'provider')
    query = query.where('state', '=', 'executing').where('job_state', '=', 'waiting');
  if (!filters.include_deleted) query = query.where(inLiveProjectAndOffering);
  if (scope) query = query.where(scope);
  return query.execute();
}

/** The resource's order that is still open (pending or executing), if any. */
export function findOpenOrderOf(db: Db, resourceId: string) {
  return db
    .selectFrom('orders')
    .select('id')
    .where('resource_id', '=', resourceId)
    .where('state', 'in', OPEN_STATES)
    .executeTakeFirst();
}

/** A new resource and the create order that makes it. */
export async function insertResourceWithOrder(trx: Db, resource: ResourceRow, order: OrderRow) {
  await trx.insertInto('resources').values(resource).execute();
  await trx.insertInto('orders').values(order).execute();
}

/**
 * Moves the resource to `state` and adds its order, when the resource is still in one of
 * `allowedStates`; false when it changed meanwhile.
 */
export async function claimResourceForOrder(
  trx: Db,
  order: OrderRow,
  state: string,
  allowedStates: string[],
  at: string,
): Promise<boolean> {
  const claimed = await trx
    .updateTable('resources')
    .set({ state, updated_at: at })
    .where('id', '=', order.resource_id)
    .where('state', 'in', allowedStates)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  await trx.insertInto('orders').values(order).execute();
  return true;
}

/**
 * Sets `changes` on the order when it is still in the state it was read in and, with `claimedBy`
 * given, still held by that worker (null: waiting for an outside completion); false when it
 * changed meanwhile.
 */
export async function updateOrderIfUnchanged(
  trx: Db,
  order: Pick<OrderRow, 'id' | 'state'>,
  changes: Partial<OrderRow>,
  claimedBy?: string | null,
): Promise<boolean> {
  let update = trx.updateTable('orders').set(changes).where('id', '=', order.id).where('state', '=', order.state);
  if (claimedBy !== undefined)
    update =
      claimedBy === null ? update.where('job_state', '=', 'waiting') : update.where('claimed_by', '=', claimedBy);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The consumer and provider organizations of an order, for its audit events. */
export function orderOrganizations(db: Db, order: Pick<OrderRow, 'project_id' | 'offering_id'>) {
  return db
    .selectFrom('projects')
    .innerJoin('offerings', (join) => join.on('offerings.id', '=', order.offering_id))
    .select(['projects.organization_id as organization_id', 'offerings.organization_id as provider_organization_id'])
    .where('projects.id', '=', order.project_id)
    .executeTakeFirstOrThrow();
}
