import type { Db } from '../db/database';
import type { BillingPeriodRow } from '../db/tables';
import { conflict } from '../http/problem';
import { lockOrganization } from '../quotas/quotas-repository';

/**
 * Closed months (`billing_periods`): once staff close a month its invoices are final and it takes
 * no usage report. Closing and usage reports serialize on organization row locks: the close locks
 * every organization, a report locks its own (assertPeriodOpen), so a report either commits before
 * the close reads the month or sees it closed.
 */

/** The closed month `period`, or undefined while it is open. */
export function findClosedPeriod(db: Db, period: string): Promise<BillingPeriodRow | undefined> {
  return db.selectFrom('billing_periods').selectAll().where('period', '=', period).executeTakeFirst();
}

/** The closed months among `periods`, by period. */
export async function closedPeriodsAmong(db: Db, periods: string[]): Promise<Map<string, BillingPeriodRow>> {
  if (!periods.length) return new Map();
  const rows = await db.selectFrom('billing_periods').selectAll().where('period', 'in', periods).execute();
  return new Map(rows.map((r) => [r.period, r]));
}

/**
 * Takes every organization's row lock until the transaction ends (the quotas' trick, for all rows):
 * usage reports and other closes running now finish first; those that come later wait, then see the
 * month closed. On SQLite transactions already run one at a time.
 */
export async function lockAllOrganizations(trx: Db): Promise<void> {
  await trx
    .updateTable('organizations')
    .set((eb) => ({ name: eb.ref('name') }))
    .execute();
}

/**
 * For writers of a month's figures (usage reports): locks the organization's row, then throws a 409
 * problem naming `period` when the month is closed. Call it inside the transaction that writes, before
 * writing; the lock holds until it ends, so a concurrent close waits for the write or comes first.
 */
export async function assertPeriodOpen(trx: Db, organizationId: string, period: string): Promise<void> {
  await lockOrganization(trx, organizationId);
  const closed = await findClosedPeriod(trx, period);
  if (closed)
    throw conflict(
      `the month ${period} was closed at ${closed.closed_at}: its invoices are final and take no more usage`,
      'period',
    );
}
