/**
 * Billing counts calendar months in UTC (the rule, as Waldur's invoices do): `2024-02` runs
 * from 2024-02-01T00:00:00Z up to, not including, 2024-03-01T00:00:00Z.
 */
export interface BillingMonth {
  /** `YYYY-MM`. */
  period: string;
  /** Its first instant, in milliseconds since the epoch. */
  start: number;
  /** The first instant of the next month (exclusive end), in milliseconds. */
  end: number;
  /** Seconds in it: 2,419,200 (28 days) to 2,678,400 (31 days). */
  seconds: number;
}

/** The API's form of a month, as a JSON Schema pattern. */
const PERIOD_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

export const PERIOD = {
  type: 'string',
  pattern: PERIOD_PATTERN,
  description: 'A calendar month in UTC, `YYYY-MM`.',
} as const;

/** The first instant of a month (0-based; 12 is the next year's January), in milliseconds; any year (Date.UTC reads 0-99 as 1900-1999). */
function firstInstant(year: number, monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, 1);
  return date.getTime();
}

/** The month of a `YYYY-MM` period; throws on another form (routes check the pattern first). */
export function billingMonth(period: string): BillingMonth {
  if (!new RegExp(PERIOD_PATTERN).test(period)) throw new Error(`not a YYYY-MM period: ${period}`);
  const [year, month] = period.split('-').map(Number);
  const start = firstInstant(year, month - 1);
  const end = firstInstant(year, month);
  return { period, start, end, seconds: (end - start) / 1000 };
}

/** The period an instant (milliseconds, or an ISO timestamp) falls in. */
export function periodOf(instant: number | string): string {
  return new Date(instant).toISOString().slice(0, 7);
}
