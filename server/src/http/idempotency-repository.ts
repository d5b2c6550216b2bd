import type { Db } from '../db/database';
import type { IdempotencyKeyRow } from '../db/tables';

/** The SQL of Idempotency-Keys kept for replay (http/idempotency.ts); orders keep theirs on the order row. */

/** Whether the user placed an order with the key. */
export async function isOrderKey(db: Db, userId: string, key: string) {
  return (
    (await db
      .selectFrom('orders')
      .select('id')
      .where('created_by', '=', userId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst()) !== undefined
  );
}

/** The user's key as kept, with the request it was first used for and, once answered, the answer. */
export function findKey(db: Db, userId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Claims the key for a request; fails with a unique violation when the user already holds it. */
export async function claimKey(db: Db, claim: IdempotencyKeyRow) {
  await db.insertInto('idempotency_keys').values(claim).execute();
}

/** Keeps the answer to replay to the key's retries. */
export async function storeAnswer(db: Db, userId: string, key: string, status: number, body: string) {
  await db
    .updateTable('idempotency_keys')
    .set({ status, body })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/** Frees the key; with `unansweredOnly`, only while no answer is kept (an abandoned claim). */
export async function releaseKey(db: Db, userId: string, key: string, unansweredOnly = false) {
  let query = db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key);
  if (unansweredOnly) query = query.where('status', '=', 0);
  await query.execute();
}
