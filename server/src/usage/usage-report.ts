import { recordEvent } from '../audit/record';
import { assertPeriodOpen } from '../billing/billing-periods';
import { DECIMAL_PATTERN } from '../billing/prices';
import { decimalText, money } from '../billing/money';
import type { Component } from '../catalog/offering-model';
import { loadOfferingRow } from '../catalog/offerings-repository';
import type { Db } from '../db/database';
import type { ResourceRow, UsageReportRow } from '../db/tables';
import { invalidFields, Problem, type FieldError } from '../http/problem';
import { json } from '../http/route-context';
import { orderOrganizations } from '../orders/orders-repository';
import { findResourceById } from '../resources/resources-repository';
import { findUsageReport, lifeOrders, upsertUsage } from './usage-repository';

/**
 * One way usage enters Mercato, for `POST /usage-reports` (a provider) and for the puller (an
 * offering's plugin): an amount of a `usage` component a resource used in a month. The same report
 * id replaces the amount it gave before (never adds); different report ids add up (invoices sum a
 * month's reports).
 */

/** The report id of a report given without one: one report per resource, component and month. */
export const DEFAULT_REPORT_ID = 'default';
/** The report id of what a plugin's pull reported; the API keeps it for plugins. */
export const PULL_REPORT_ID = 'pull';

export interface UsageReportInput {
  resource_id: string;
  /** A `usage` component's type of the resource's offering. */
  component: string;
  /** The calendar month in UTC, `YYYY-MM`. */
  period: string;
  /** A non-negative decimal: a JSON number (exact by the API's number rule) or a decimal string. */
  amount: number | string;
  /** DEFAULT_REPORT_ID when not given. */
  report_id?: string;
}

export interface UsageReportResult {
  report: UsageReportRow;
  /** True for a new report (201), false when it replaced or repeated one (200). */
  created: boolean;
}

/**
 * Checks and stores a usage report in one transaction, with its `usage.reported` audit event
 * (`reporter` is the user, null for a plugin). Refused with a Problem: 404 naming `resource_id`
 * for a resource that does not exist; 422 naming each bad field (`component` not a usage component
 * of the offering, `amount` negative or malformed, `period` outside the resource's life); 409
 * naming `period` for a month staff closed. A report repeating its stored amount changes nothing
 * (no write, no event), so a plugin pulling the same usage every minute leaves no trail.
 */
export async function reportUsage(
  db: Db,
  input: UsageReportInput,
  reporter: string | null,
  at = new Date().toISOString(),
): Promise<UsageReportResult> {
  return db.transaction().execute(async (trx) => {
    const resource = await findResourceById(trx, input.resource_id);
    if (!resource)
      throw new Problem(404, 'Not Found', `resource ${input.resource_id} was not found`, [
        { field: 'resource_id', message: 'is not a resource you provide' },
      ]);
    const errors = [
      ...(await componentProblems(trx, resource, input.component)),
      ...amountProblems(input.amount),
      ...(await periodProblems(trx, resource, input.period, at)),
    ];
    if (errors.length) throw invalidFields(errors);
    const scope = await orderOrganizations(trx, resource);
    // Locks the consumer organization's row: a concurrent close of the month waits for this report or comes first.
    await assertPeriodOpen(trx, scope.organization_id, input.period);

    const key = { ...input, report_id: input.report_id ?? DEFAULT_REPORT_ID };
    const amount = decimalText(money(input.amount));
    const before = await findUsageReport(trx, key);
    if (before?.amount === amount) return { report: before, created: false };
    const report = await upsertUsage(
      trx,
      { resource_id: key.resource_id, component: key.component, period: key.period, report_id: key.report_id, amount },
      reporter,
      at,
    );
    await recordEvent(trx, {
      actorId: reporter,
      action: 'usage.reported',
      objectType: 'resource',
      objectId: resource.id,
      organizationId: scope.organization_id,
      projectId: resource.project_id,
      providerOrganizationId: scope.provider_organization_id,
      changes: {
        component: key.component,
        period: key.period,
        report_id: key.report_id,
        amount: { from: before?.amount ?? null, to: amount },
      },
    });
    return { report, created: !before };
  });
}

/** The offering's `usage` components, by type: only they are billed on reported usage. */
async function componentProblems(db: Db, resource: ResourceRow, component: string): Promise<FieldError[]> {
  const offering = await loadOfferingRow(db, resource.offering_id);
  const usage = json<Component[]>(offering?.components ?? '', [])
    .filter((c) => c.billing_type === 'usage')
    .map((c) => c.type);
  if (usage.includes(component)) return [];
  const known = usage.length ? `one of its usage components: ${usage.join(', ')}` : 'none: it has no usage component';
  return [{ field: 'component', message: `is not a usage component of offering ${offering?.slug ?? ''}; ${known}` }];
}

const DECIMAL = new RegExp(DECIMAL_PATTERN);

/** A non-negative decimal: the route's schema says so too, the puller's numbers are checked only here. */
function amountProblems(amount: number | string): FieldError[] {
  const negative = typeof amount === 'number' ? amount < 0 : amount.trim().startsWith('-');
  if (negative) return [{ field: 'amount', message: 'must not be negative' }];
  const valid = typeof amount === 'number' ? Number.isFinite(amount) : DECIMAL.test(amount);
  return valid ? [] : [{ field: 'amount', message: 'must be a decimal number such as 12 or "0.5"' }];
}

/**
 * A resource lives from the month its create order was done to the month its terminate order was
 * done (or this month, while it lives): usage of another month cannot be its own.
 */
async function periodProblems(db: Db, resource: ResourceRow, period: string, at: string): Promise<FieldError[]> {
  const { created, terminated } = await lifeOrders(db, resource.id);
  if (!created) return [{ field: 'period', message: 'the resource has no life yet: its create order is not done' }];
  const first = created.slice(0, 7);
  const last = (terminated ?? at).slice(0, 7);
  if (period < first) return [{ field: 'period', message: `is before ${first}, when the resource was created` }];
  if (period > last)
    return [
      {
        field: 'period',
        message: terminated
          ? `is after ${last}, when the resource was terminated`
          : `is after ${last}, the current month`,
      },
    ];
  return [];
}
