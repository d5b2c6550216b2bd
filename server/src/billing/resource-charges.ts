import type { Component } from '../catalog/offering-model';
import type { BillingMonth } from './billing-month';
import type { Currency } from './currencies';
import type { InvoiceItem } from './invoice-item';
import { decimalText, Money, roundToMinorUnit } from './money';
import type { TimelineSegment } from './resource-timeline';

/** A plan as billing reads it: prices exact, by component type. */
export interface BilledPlan {
  id: string;
  name: string;
  /** `month`, `day`, `hour` or `one-time`. */
  unit: string;
  prices: Record<string, Money>;
  currency: Currency;
}

/** A resource with what its bill depends on (billing/invoice-data.ts reads them from the database). */
export interface BilledResource {
  id: string;
  name: string;
  project_id: string;
  project_name: string;
  offering_id: string;
  offering_name: string;
  provider_organization_id: string;
  components: Component[];
  /** Whether paused time is charged like active time (the offering's `bill_paused`). */
  bill_paused: boolean;
  timeline: TimelineSegment[];
  /** The month's reported usage, summed over its reports, by component type. */
  usage: Record<string, Money>;
}

/** A segment cut to the month; start and end in milliseconds. */
type Stretch = { start: number; end: number; plan_id: string; limits: Record<string, number>; paused: boolean };

const SECONDS_PER_UNIT: Record<string, number> = { day: 86_400, hour: 3_600 };

const iso = (ms: number) => new Date(ms).toISOString();

function stretchesIn(timeline: TimelineSegment[], month: BillingMonth): Stretch[] {
  return timeline
    .map((s) => ({ ...s, start: Math.max(s.start, month.start), end: Math.min(s.end ?? month.end, month.end) }))
    .filter((s) => s.end > s.start);
}

/** Units of a component held in a stretch: 1 for fixed, the limit for limit-billed ones (0 when none). */
const quantityIn = (component: Component, stretch: Stretch) =>
  new Money(component.billing_type === 'limit' ? String(stretch.limits[component.type] ?? 0) : 1);

/** Adjacent stretches holding the same plan and quantity of a component make one run: one invoice item. */
function runsOf(component: Component, stretches: Stretch[]) {
  const runs: { start: number; end: number; plan_id: string; quantity: Money; seconds: number }[] = [];
  for (const s of stretches) {
    const quantity = quantityIn(component, s);
    const last = runs.at(-1);
    const seconds = (s.end - s.start) / 1000;
    if (last && last.end === s.start && last.plan_id === s.plan_id && last.quantity.equals(quantity)) {
      last.end = s.end;
      last.seconds += seconds;
    } else runs.push({ start: s.start, end: s.end, plan_id: s.plan_id, quantity, seconds });
  }
  return runs;
}

type ItemParts = Pick<InvoiceItem, 'period_start' | 'period_end' | 'billed_seconds'> & {
  component: Component;
  plan: BilledPlan;
  quantity: Money;
  exact: Money;
};

function item(resource: BilledResource, parts: ItemParts): InvoiceItem {
  const { component, plan, quantity, exact } = parts;
  return {
    resource_id: resource.id,
    resource_name: resource.name,
    project_id: resource.project_id,
    project_name: resource.project_name,
    offering_id: resource.offering_id,
    offering_name: resource.offering_name,
    provider_organization_id: resource.provider_organization_id,
    plan_id: plan.id,
    plan_name: plan.name,
    plan_unit: plan.unit,
    component: component.type,
    component_name: component.name,
    billing_type: component.billing_type,
    measured_unit: component.measured_unit ?? '',
    quantity: decimalText(quantity),
    unit_price: decimalText(priceOf(plan, component)),
    currency: plan.currency.code,
    period_start: parts.period_start,
    period_end: parts.period_end,
    billed_seconds: parts.billed_seconds,
    amount: roundToMinorUnit(exact, plan.currency),
  };
}

const priceOf = (plan: BilledPlan, component: Component) => plan.prices[component.type] ?? new Money(0);

/** Time-billed items: fixed and limit components of plans priced per month, day or hour. */
function timeCharges(
  resource: BilledResource,
  component: Component,
  billed: Stretch[],
  month: BillingMonth,
  plans: Map<string, BilledPlan>,
) {
  return runsOf(component, billed).flatMap((run) => {
    const plan = plans.get(run.plan_id)!;
    if (plan.unit === 'one-time' || run.quantity.isZero()) return [];
    const unitSeconds = SECONDS_PER_UNIT[plan.unit] ?? month.seconds;
    const exact = run.quantity.times(priceOf(plan, component)).times(run.seconds).dividedBy(unitSeconds);
    return [
      item(resource, {
        component,
        plan,
        quantity: run.quantity,
        exact,
        period_start: iso(run.start),
        period_end: iso(run.end),
        billed_seconds: run.seconds,
      }),
    ];
  });
}

/** Charged once, in the month the resource was created, at the plan it was created with. */
function oneTimeCharge(
  resource: BilledResource,
  component: Component,
  month: BillingMonth,
  plans: Map<string, BilledPlan>,
) {
  const created = resource.timeline[0];
  if (!created || created.start < month.start || created.start >= month.end) return [];
  const plan = plans.get(created.plan_id)!;
  if (component.billing_type !== 'one-time' && plan.unit !== 'one-time') return [];
  const quantity = quantityIn(component, { ...created, end: created.start });
  if (quantity.isZero()) return [];
  const at = iso(created.start);
  const exact = quantity.times(priceOf(plan, component));
  return [item(resource, { component, plan, quantity, exact, period_start: at, period_end: at, billed_seconds: 0 })];
}

/** The month's reported usage at the price of the plan held last in the month. */
function usageCharge(resource: BilledResource, component: Component, lived: Stretch[], plans: Map<string, BilledPlan>) {
  const used = resource.usage[component.type];
  if (!used || used.isZero() || !lived.length) return [];
  const plan = plans.get(lived.at(-1)!.plan_id)!;
  return [
    item(resource, {
      component,
      plan,
      quantity: used,
      exact: used.times(priceOf(plan, component)),
      period_start: iso(lived[0].start),
      period_end: iso(lived.at(-1)!.end),
      billed_seconds: 0,
    }),
  ];
}

/**
 * A resource's invoice items in a month, by Waldur's billing types (issue 13's rules), in the order
 * of the offering's components, then time:
 * - `fixed` and `limit`: the time billed (active, and paused unless the offering leaves it free),
 *   one item per stretch with the same plan and quantity: a plan switch or a limit change splits the
 *   month; a limit of 0 or none is not charged;
 * - `one-time`: once, in the creation month (with a `one-time` plan, every component is);
 * - `usage`: the month's reports, summed, at the price of the plan held last in the month.
 * Items of a component the plan prices not come out with amount 0 (the plan gave no price).
 * Every plan the timeline names must be in `plans`.
 */
export function chargesOf(
  resource: BilledResource,
  plans: Map<string, BilledPlan>,
  month: BillingMonth,
): InvoiceItem[] {
  const lived = stretchesIn(resource.timeline, month);
  const billed = resource.bill_paused ? lived : lived.filter((s) => !s.paused);
  return resource.components.flatMap((component) => {
    if (component.billing_type === 'usage') return usageCharge(resource, component, lived, plans);
    if (component.billing_type === 'one-time') return oneTimeCharge(resource, component, month, plans);
    return [
      ...oneTimeCharge(resource, component, month, plans),
      ...timeCharges(resource, component, billed, month, plans),
    ];
  });
}
