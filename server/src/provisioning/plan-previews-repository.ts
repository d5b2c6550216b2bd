import type { Db } from '../db/database';
import type { OrderRow } from '../db/tables';
import { PENDING_STATES } from '../orders/order-model';

/**
 * The SQL of plan previews. The preview's state lives in the order row (`plan_state`: queued,
 * planning by the worker in `plan_claimed_by`, planned, failed, stopped), so it survives restarts
 * and is shared by every server; claims and results are conditional updates, as for jobs.
 */

/** What a plan preview ended with, as kept on the order. */
export type PlanResult = { state: 'planned'; summary: string } | { state: 'failed'; error: string };

/**
 * Claims up to `limit` queued previews of orders still waiting for approval, oldest first, in one
 * conditional update that returns them: one another worker claimed meanwhile is skipped.
 */
export async function claimQueuedPlans(db: Db, workerId: string, limit: number): Promise<OrderRow[]> {
  const oldest = db
    .selectFrom('orders')
    .select('id')
    .where('plan_state', '=', 'queued')
    .where('state', 'in', PENDING_STATES)
    .orderBy('id')
    .limit(limit);
  const claimed = await db
    .updateTable('orders')
    .set({ plan_state: 'planning', plan_claimed_by: workerId })
    .where('id', 'in', oldest)
    .where('plan_state', '=', 'queued')
    .where('state', 'in', PENDING_STATES)
    .returningAll()
    .execute();
  return claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Keeps the result of a preview the worker still holds, of an order still waiting for approval;
 * false when it is no longer its to keep (the order moved on, or another worker took it over).
 */
export async function storePlan(db: Db, workerId: string, orderId: string, result: PlanResult, at: string) {
  const updated = await db
    .updateTable('orders')
    .set({
      plan_state: result.state,
      plan_claimed_by: null,
      plan_summary: result.state === 'planned' ? result.summary : '',
      plan_error: result.state === 'failed' ? result.error : '',
      planned_at: at,
    })
    .where('id', '=', orderId)
    .where('plan_state', '=', 'planning')
    .where('plan_claimed_by', '=', workerId)
    .where('state', 'in', PENDING_STATES)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Of the previews the worker runs, the ids it no longer holds (the order left approval, or another worker took them over). */
export async function plansNoLongerHeld(db: Db, workerId: string, orderIds: string[]): Promise<string[]> {
  if (!orderIds.length) return [];
  const held = await db
    .selectFrom('orders')
    .select('id')
    .where('id', 'in', orderIds)
    .where('plan_state', '=', 'planning')
    .where('plan_claimed_by', '=', workerId)
    .where('state', 'in', PENDING_STATES)
    .execute();
  const still = new Set(held.map((row) => row.id));
  return orderIds.filter((id) => !still.has(id));
}

/**
 * Queues again the previews no live worker holds (their worker stopped or died while planning;
 * the `workers` rows are the heartbeats the job sweep keeps), so another worker plans them; how many.
 */
export async function requeuePlansOfDeadWorkers(db: Db): Promise<number> {
  const result = await db
    .updateTable('orders')
    .set({ plan_state: 'queued', plan_claimed_by: null })
    .where('plan_state', '=', 'planning')
    .where((eb) =>
      eb.or([
        eb('plan_claimed_by', 'is', null),
        eb('plan_claimed_by', 'not in', eb.selectFrom('workers').select('id')),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Lets another worker take the previews this one holds (it is stopping). */
export async function releasePlans(db: Db, workerId: string) {
  await db
    .updateTable('orders')
    .set({ plan_state: 'queued', plan_claimed_by: null })
    .where('plan_state', '=', 'planning')
    .where('plan_claimed_by', '=', workerId)
    .execute();
}

/** The order left approval: a preview not yet done is stopped (a worker running it lets it go); whether there was one. */
export async function stopPlan(db: Db, orderId: string): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ plan_state: 'stopped', plan_claimed_by: null })
    .where('id', '=', orderId)
    .where('plan_state', 'in', ['queued', 'planning'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
