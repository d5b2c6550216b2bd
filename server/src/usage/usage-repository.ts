import type { Db } from '../db/database';
import type { UsageReportRow } from '../db/tables';
import { newId } from '../ids';

/** The SQL of usage reports: amounts of `usage` components per resource, month and report. `db` may be a transaction. */

/** What names one report: reporting again with the same key replaces its amount. */
export type UsageReportKey = Pick<UsageReportRow, 'resource_id' | 'component' | 'period' | 'report_id'>;

/** The stored report of a key; undefined before the first. */
export function findUsageReport(db: Db, key: UsageReportKey) {
  return db
    .selectFrom('usage_reports')
    .selectAll()
    .where('resource_id', '=', key.resource_id)
    .where('component', '=', key.component)
    .where('period', '=', key.period)
    .where('report_id', '=', key.report_id)
    .executeTakeFirst();
}

/**
 * Sets the amount of a report (resource, component, month, report id), replacing what it said
 * before (an insert racing another of the same key becomes its update); returns the stored row.
 */
export function upsertUsage(
  db: Db,
  report: UsageReportKey & { amount: string },
  reportedBy: string | null,
  at: string,
): Promise<UsageReportRow> {
  return db
    .insertInto('usage_reports')
    .values({ id: newId(), ...report, reported_by: reportedBy, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc
        .columns(['resource_id', 'component', 'period', 'report_id'])
        .doUpdateSet({ amount: report.amount, reported_by: reportedBy, updated_at: at }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Each report of a resource in a month (`YYYY-MM`), by component and report id. */
export function usageOf(db: Db, resourceId: string, period: string) {
  return db
    .selectFrom('usage_reports')
    .select(['component', 'amount', 'report_id', 'updated_at'])
    .where('resource_id', '=', resourceId)
    .where('period', '=', period)
    .orderBy('component')
    .orderBy('report_id')
    .execute();
}

/** When the resource's `create` and `terminate` orders were done (ISO timestamps); undefined for one not done. */
export async function lifeOrders(db: Db, resourceId: string) {
  const rows = await db
    .selectFrom('orders')
    .select(['type', 'completed_at'])
    .where('resource_id', '=', resourceId)
    .where('state', '=', 'done')
    .where('type', 'in', ['create', 'terminate'])
    .execute();
  const doneAt = (type: string) => rows.find((r) => r.type === type && r.completed_at)?.completed_at ?? undefined;
  return { created: doneAt('create'), terminated: doneAt('terminate') };
}
