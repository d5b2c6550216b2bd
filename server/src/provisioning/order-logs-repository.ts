import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { OrderLogRow } from '../db/tables';
import type { Page } from '../http/route-context';

/** The SQL of orders' run logs: entries in `order_logs`, their bytes counted on the order (`log_bytes`). */

/**
 * Counts `bytes` more of the order's log, if they stay within `limit` (bytes): a conditional
 * update, so writers on several servers never pass the cap together; false when they would.
 */
export async function reserveLogBytes(db: Db, orderId: string, bytes: number, limit: number): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ log_bytes: sql<number>`log_bytes + ${bytes}` })
    .where('id', '=', orderId)
    .where(sql<boolean>`log_bytes + ${bytes} <= ${limit}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many bytes the order's log holds; over the limit once it was cut. */
export async function logBytes(db: Db, orderId: string): Promise<number> {
  const row = await db.selectFrom('orders').select('log_bytes').where('id', '=', orderId).executeTakeFirst();
  return Number(row?.log_bytes ?? 0);
}

/**
 * Marks the order's log as cut (its count past `limit`), if it still counts `seen` bytes: of
 * writers racing to cut it, one wins and says so in the log; false for the others.
 */
export async function markLogCut(db: Db, orderId: string, seen: number, limit: number): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ log_bytes: limit + 1 })
    .where('id', '=', orderId)
    .where('log_bytes', '=', seen)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertLogEntry(db: Db, entry: OrderLogRow) {
  await db.insertInto('order_logs').values(entry).execute();
}

/** One page of an order's log in the order it was written, optionally of one attempt; one row more than the limit tells there is a next page. */
export function listLogEntries(db: Db, orderId: string, page: Page, attempt?: number) {
  let query = db
    .selectFrom('order_logs')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  if (attempt !== undefined) query = query.where('attempt', '=', attempt);
  return query.execute();
}
