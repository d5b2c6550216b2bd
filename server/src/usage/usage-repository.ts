import type { Db } from '../db/database';
import { newId } from '../ids';

/** The SQL of usage reports: amounts of `usage` components per resource, month and report. */

/** Sets the amount of a report (resource, component, month, report id), replacing what it said before. */
export async function upsertUsage(
  db: Db,
  report: { resource_id: string; component: string; period: string; report_id: string; amount: string },
  reportedBy: string | null,
  at: string,
) {
  await db
    .insertInto('usage_reports')
    .values({ id: newId(), ...report, reported_by: reportedBy, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc
        .columns(['resource_id', 'component', 'period', 'report_id'])
        .doUpdateSet({ amount: report.amount, reported_by: reportedBy, updated_at: at }),
    )
    .execute();
}

/** Each report of a resource in a month (`YYYY-MM`), by component. */
export function usageOf(db: Db, resourceId: string, period: string) {
  return db
    .selectFrom('usage_reports')
    .select(['component', 'amount', 'report_id', 'updated_at'])
    .where('resource_id', '=', resourceId)
    .where('period', '=', period)
    .orderBy('component')
    .execute();
}
