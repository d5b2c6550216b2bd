import type { Db } from '../db/database';
import type { OrderRow } from '../db/tables';

/**
 * The SQL of provisioning jobs. The job state lives in the order row (`job_state`: queued,
 * running with the claiming worker, waiting for an outside completion); each worker keeps a
 * heartbeat row in `workers`.
 */

/** Records that the worker is alive at `at`. */
export async function recordHeartbeat(db: Db, workerId: string, at: string) {
  const updated = await db
    .updateTable('workers')
    .set({ heartbeat_at: at })
    .where('id', '=', workerId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db.insertInto('workers').values({ id: workerId, heartbeat_at: at }).execute();
}

export async function removeWorker(db: Db, workerId: string) {
  await db.deleteFrom('workers').where('id', '=', workerId).execute();
}

/**
 * Claims up to `limit` queued orders for the worker, oldest first, in one conditional update
 * that returns them: an order another worker claimed meanwhile no longer has `job_state =
 * 'queued'` when the update reaches it, so it is skipped, and no order is claimed twice.
 */
export async function claimQueued(db: Db, workerId: string, limit: number): Promise<OrderRow[]> {
  const oldest = db.selectFrom('orders').select('id').where('job_state', '=', 'queued').orderBy('id').limit(limit);
  const claimed = await db
    .updateTable('orders')
    .set((eb) => ({ job_state: 'running', claimed_by: workerId, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', oldest)
    .where('job_state', '=', 'queued')
    .returningAll()
    .execute();
  return claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Forgets the workers silent since `deadline` and queues again the jobs no live worker holds: the
 * running ones, and the ones handed over whose worker died while telling the outside system
 * (still claimed); how many were queued.
 */
export async function requeueJobsOfDeadWorkers(db: Db, deadline: string): Promise<number> {
  await db.deleteFrom('workers').where('heartbeat_at', '<', deadline).execute();
  const running = await db
    .updateTable('orders')
    .set({ job_state: 'queued', claimed_by: null })
    .where('job_state', '=', 'running')
    .where((eb) =>
      eb.or([eb('claimed_by', 'is', null), eb('claimed_by', 'not in', eb.selectFrom('workers').select('id'))]),
    )
    .executeTakeFirst();
  const handedOver = await db
    .updateTable('orders')
    .set({ job_state: 'queued', claimed_by: null })
    .where('job_state', '=', 'waiting')
    .where('claimed_by', 'is not', null)
    .where('claimed_by', 'not in', db.selectFrom('workers').select('id'))
    .executeTakeFirst();
  return Number(running.numUpdatedRows) + Number(handedOver.numUpdatedRows);
}

/**
 * The job the worker holds waits for someone outside to complete it through the API from now
 * on; the worker keeps its claim until its plugin returns (see ProvisioningPlugin.provision).
 */
export async function handOver(db: Db, workerId: string, orderId: string) {
  await db
    .updateTable('orders')
    .set({ job_state: 'waiting' })
    .where('id', '=', orderId)
    .where('claimed_by', '=', workerId)
    .where('job_state', '=', 'running')
    .execute();
}

/** The job the worker holds now waits for someone outside to complete it through the API; the worker lets it go. */
export async function markWaiting(db: Db, workerId: string, orderId: string) {
  await db
    .updateTable('orders')
    .set({ job_state: 'waiting', claimed_by: null })
    .where('id', '=', orderId)
    .where('claimed_by', '=', workerId)
    .execute();
}

/** The offerings of these plugin types that have orders waiting for an outside completion. */
export function offeringsWithWaitingOrders(db: Db, types: string[]) {
  return db
    .selectFrom('offerings')
    .select(['id', 'type', 'plugin_options'])
    .where('type', 'in', types)
    .where('id', 'in', db.selectFrom('orders').select('offering_id').where('job_state', '=', 'waiting'))
    .execute();
}

/** The offering's orders waiting for an outside completion that started executing before `deadline`. */
export function ordersWaitingSince(db: Db, offeringId: string, deadline: string) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('offering_id', '=', offeringId)
    .where('state', '=', 'executing')
    .where('job_state', '=', 'waiting')
    .where('updated_at', '<', deadline)
    .execute();
}

/** What a plugin is given of an order's resource and offering, in one round trip. */
export function jobSubject(db: Db, order: Pick<OrderRow, 'resource_id' | 'offering_id'>) {
  return db
    .selectFrom('resources')
    .innerJoin('offerings', (join) => join.on('offerings.id', '=', order.offering_id))
    .select([
      'resources.id',
      'resources.name',
      'resources.backend_id',
      'resources.attributes',
      'resources.secret_attributes',
      'resources.limits',
      'resources.outputs',
      'resources.backend_state',
      'resources.state',
      'offerings.id as offering_id',
      'offerings.slug',
      'offerings.type',
      'offerings.plugin_options',
      'offerings.secret_options',
    ])
    .where('resources.id', '=', order.resource_id)
    .executeTakeFirstOrThrow();
}
