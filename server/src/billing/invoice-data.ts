import type { Component } from '../catalog/offering-model';
import type { Db } from '../db/database';
import { json } from '../http/route-context';
import type { BillingMonth } from './billing-month';
import { currencyOf, DEFAULT_CURRENCY } from './currencies';
import { Money } from './money';
import { pricesOf } from './prices';
import type { BilledPlan, BilledResource } from './resource-charges';
import { timelineOf, type HistoryOrder } from './resource-timeline';

/** What a month's invoices are made of: the consumer organization of each resource, and the plans. */
export interface BillingData {
  resources: (BilledResource & { organization_id: string })[];
  plans: Map<string, BilledPlan>;
}

/**
 * Whose resources: one consumer organization's, one provider organization's offerings' (its
 * earnings), or, with neither, every organization's (closing a month).
 */
export type BillingScope = { organizationId?: string; providerOrganizationId?: string };

/** The offerings of the scope's provider, as a subquery. */
const offeringsOf = (db: Db, providerId: string) =>
  db.selectFrom('offerings').select('offerings.id').where('offerings.organization_id', '=', providerId);

const DONE_ORDER_TYPES = ['create', 'update', 'pause', 'resume', 'terminate'] as const;

/** The done orders that shaped resources' lives up to the month's end, by resource, oldest first. */
async function historiesUpTo(db: Db, month: BillingMonth, scope: BillingScope) {
  let query = db
    .selectFrom('orders')
    .innerJoin('projects', 'projects.id', 'orders.project_id')
    .select([
      'orders.resource_id',
      'orders.type',
      'orders.plan_id',
      'orders.limits',
      'orders.changes',
      'orders.completed_at',
    ])
    .where('orders.state', '=', 'done')
    .where('orders.type', 'in', [...DONE_ORDER_TYPES])
    .where('orders.completed_at', '<', new Date(month.end).toISOString())
    .orderBy('orders.resource_id')
    .orderBy('orders.completed_at')
    .orderBy('orders.id');
  if (scope.organizationId) query = query.where('projects.organization_id', '=', scope.organizationId);
  if (scope.providerOrganizationId)
    query = query.where('orders.offering_id', 'in', offeringsOf(db, scope.providerOrganizationId));
  const histories = new Map<string, HistoryOrder[]>();
  for (const row of await query.execute()) {
    const history = histories.get(row.resource_id) ?? [];
    history.push({ ...row, completed_at: row.completed_at! });
    histories.set(row.resource_id, history);
  }
  return histories;
}

/** The resources of the scope with a create order done before the month's end. */
function resourcesOf(db: Db, month: BillingMonth, scope: BillingScope) {
  let query = db
    .selectFrom('resources')
    .innerJoin('projects', 'projects.id', 'resources.project_id')
    .innerJoin('offerings', 'offerings.id', 'resources.offering_id')
    .select([
      'resources.id',
      'resources.name',
      'resources.project_id',
      'projects.name as project_name',
      'projects.organization_id',
      'resources.offering_id',
      'offerings.name as offering_name',
      'offerings.organization_id as provider_organization_id',
      'offerings.components',
      'offerings.bill_paused',
    ])
    .where('resources.created_at', '<', new Date(month.end).toISOString());
  if (scope.organizationId) query = query.where('projects.organization_id', '=', scope.organizationId);
  if (scope.providerOrganizationId) query = query.where('offerings.organization_id', '=', scope.providerOrganizationId);
  return query.execute();
}

/** The month's usage reports of the scope, summed per resource and component. */
async function usageIn(db: Db, month: BillingMonth, scope: BillingScope) {
  let query = db
    .selectFrom('usage_reports')
    .select(['usage_reports.resource_id', 'usage_reports.component', 'usage_reports.amount'])
    .where('usage_reports.period', '=', month.period);
  if (scope.organizationId)
    query = query
      .innerJoin('resources', 'resources.id', 'usage_reports.resource_id')
      .innerJoin('projects', 'projects.id', 'resources.project_id')
      .where('projects.organization_id', '=', scope.organizationId);
  if (scope.providerOrganizationId) {
    const provided = db
      .selectFrom('resources')
      .select('resources.id')
      .where('resources.offering_id', 'in', offeringsOf(db, scope.providerOrganizationId));
    query = query.where('usage_reports.resource_id', 'in', provided);
  }
  const usage = new Map<string, Record<string, Money>>();
  for (const row of await query.execute()) {
    const sums = usage.get(row.resource_id) ?? {};
    sums[row.component] = (sums[row.component] ?? new Money(0)).plus(row.amount);
    usage.set(row.resource_id, sums);
  }
  return usage;
}

async function plansNamed(db: Db, ids: Set<string>): Promise<Map<string, BilledPlan>> {
  const plans = new Map<string, BilledPlan>();
  const all = [...ids];
  // In slices: SQLite takes at most 32,766 parameters in one statement.
  for (let i = 0; i < all.length; i += 10_000) {
    const rows = await db
      .selectFrom('plans')
      .select(['id', 'name', 'unit', 'prices', 'currency'])
      .where('id', 'in', all.slice(i, i + 10_000))
      .execute();
    for (const row of rows)
      plans.set(row.id, {
        id: row.id,
        name: row.name,
        unit: row.unit,
        prices: pricesOf(row.prices),
        // Stored currencies were checked when set; an unknown one could only come from outside the API.
        currency: currencyOf(row.currency) ?? currencyOf(DEFAULT_CURRENCY)!,
      });
  }
  return plans;
}

/**
 * Everything a month's invoices of the scope are computed from, in a few queries (no query per
 * resource: closing a month of 10,000 resources reads four result sets): the resources alive at some
 * time in the month with their timelines and usage, and every plan their timelines name.
 */
export async function billingDataOf(db: Db, month: BillingMonth, scope: BillingScope): Promise<BillingData> {
  const [histories, rows, usage] = await Promise.all([
    historiesUpTo(db, month, scope),
    resourcesOf(db, month, scope),
    usageIn(db, month, scope),
  ]);
  const resources: BillingData['resources'] = [];
  const planIds = new Set<string>();
  for (const row of rows) {
    const timeline = timelineOf(histories.get(row.id) ?? []);
    const last = timeline.at(-1);
    if (!last || (last.end !== null && last.end <= month.start)) continue;
    timeline.forEach((s) => planIds.add(s.plan_id));
    resources.push({
      ...row,
      components: json<Component[]>(row.components, []),
      bill_paused: row.bill_paused !== 0,
      timeline,
      usage: usage.get(row.id) ?? {},
    });
  }
  return { resources, plans: await plansNamed(db, planIds) };
}
