import { recordEvent } from '../audit/record';
import { isUniqueViolation, type Db } from '../db/database';
import type { BillingPeriodRow } from '../db/tables';
import { conflict } from '../http/problem';
import { billingMonth, type BillingMonth } from './billing-month';
import { findClosedPeriod, lockAllOrganizations } from './billing-periods';
import { billingDataOf } from './invoice-data';
import type { InvoiceTotal } from './invoice-item';
import { invoiceFigures, totalsOf } from './invoices';
import { closedMonthSummary, insertFinalInvoices } from './invoices-repository';

/** What closing a month answers: the close itself, how many final invoices it wrote and their totals over all. */
export type PeriodClose = {
  period: string;
  closed_at: string;
  closed_by: string | null;
  invoices: number;
  totals: InvoiceTotal[];
};

const summary = (row: BillingPeriodRow, invoices: number, totals: InvoiceTotal[]): PeriodClose => ({
  ...row,
  invoices,
  totals: totalsOf(totals),
});

/**
 * Closes a month (staff): writes every organization's final invoice from the same figures the
 * pending ones show, in one transaction with the `billing_periods` row and the audit event.
 * `created: false` when the month was closed already (by an earlier or a concurrent close): nothing
 * is written and the answer is what the first close wrote. Throws 409 naming `period` for a month
 * not ended at `at` (milliseconds).
 */
export async function closePeriod(
  db: Db,
  period: string,
  actorId: string,
  at = Date.now(),
): Promise<{ created: boolean; close: PeriodClose }> {
  const month = billingMonth(period);
  if (at < month.end)
    throw conflict(
      `the month ${period} has not ended yet (it ends at ${new Date(month.end).toISOString()}); close it after that`,
      'period',
    );
  try {
    return await closeOnce(db, month, actorId, at);
  } catch (error) {
    // With no organization row to lock, two closes can both get to the insert; the loser reads the winner's.
    if (isUniqueViolation(error)) return closeOnce(db, month, actorId, at);
    throw error;
  }
}

function closeOnce(db: Db, month: BillingMonth, actorId: string, at: number) {
  const { period } = month;
  return db.transaction().execute(async (trx): Promise<{ created: boolean; close: PeriodClose }> => {
    // Before reading anything: a concurrent close waits here, then sees the row this one wrote.
    await lockAllOrganizations(trx);
    const earlier = await findClosedPeriod(trx, period);
    if (earlier) {
      const { count, totals } = await closedMonthSummary(trx, period);
      return { created: false, close: summary(earlier, count, totals) };
    }
    const row: BillingPeriodRow = { period, closed_at: new Date(at).toISOString(), closed_by: actorId };
    await trx.insertInto('billing_periods').values(row).execute();
    const figures = invoiceFigures(await billingDataOf(trx, month, {}), month);
    await insertFinalInvoices(trx, figures, row.closed_at);
    const close = summary(
      row,
      figures.length,
      figures.flatMap((f) => f.totals),
    );
    await recordEvent(trx, {
      actorId,
      action: 'billing.period_closed',
      objectType: 'billing_period',
      objectId: period,
      changes: { invoices: close.invoices, totals: close.totals },
    });
    return { created: true, close };
  });
}
