/** Billing months are calendar months in UTC, written `YYYY-MM` (as the API's `period`). */

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string | null): text is string {
  return !!text && PERIOD.test(text);
}

/** The current month in UTC: the server bills by UTC months, whatever the browser's time zone. */
export function currentPeriod(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/** `2026-12` as people read it: "December 2026" (the month named in UTC, as billed). */
export function periodLabel(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
