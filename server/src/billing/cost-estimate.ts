import type { Component } from '../catalog/offering-model';
import type { Currency } from './currencies';
import { decimalText, money, Money, roundToMinorUnit } from './money';

/**
 * A monthly cost estimate of a plan with chosen limits, by Waldur's billing types of the
 * offering's components:
 * - `fixed`: the plan's price, per month (quantity 1);
 * - `limit`: the price per unit times the chosen limit, per month (no limit chosen: 0);
 * - `usage`: billed on the usage the provider reports, so not estimable in advance: amount 0, with a note;
 * - `one-time`: the price, charged once when the resource is created: in `one_time_total`, not the monthly one.
 * A plan priced by `day` or `hour` is estimated over a 30-day month (720 hours); a plan whose unit
 * is `one-time` charges every component once. A component the plan gives no price costs 0.
 * Each component's amount is rounded once, half-up, to the currency's minor unit; totals add the
 * rounded amounts, as an invoice adds its items.
 */
export type CostEstimate = {
  currency: string;
  /** Amounts each month, with the currency's minor unit: `"12.30"`. */
  monthly_total: string;
  /** Charged once, at creation. */
  one_time_total: string;
  components: ComponentEstimate[];
};

// A type, not an interface: the route's response type (an object with an index signature) takes it.
export type ComponentEstimate = {
  type: string;
  name: string;
  billing_type: string;
  measured_unit: string;
  /** Units billed each month (or once): 1 for fixed and one-time, the limit for limit, 0 for usage. */
  quantity: string;
  /** The plan's price, as a decimal string; "0" when the plan prices the component not. */
  unit_price: string;
  /** quantity × unit_price per month (once, for one-time), rounded to the minor unit. */
  amount: string;
  /** `monthly` or `one-time`: which total the amount is in. */
  charged: 'monthly' | 'one-time';
  note: string;
};

/** Months an amount priced per plan unit is multiplied by to make a month's. */
const PER_MONTH: Record<string, number> = { month: 1, day: 30, hour: 720, 'one-time': 1 };

const USAGE_NOTE = 'billed on reported usage: not estimable in advance, counted as 0';

/** What a limit quantity is, as a decimal: an API number (exact by the number rule). */
const quantityOf = (limits: Record<string, number>, type: string) => money(limits[type] ?? 0);

function componentEstimate(
  component: Component,
  planUnit: string,
  price: Money,
  limits: Record<string, number>,
  currency: Currency,
): ComponentEstimate {
  const once = component.billing_type === 'one-time' || planUnit === 'one-time';
  const quantity =
    component.billing_type === 'limit'
      ? quantityOf(limits, component.type)
      : component.billing_type === 'usage'
        ? new Money(0)
        : new Money(1);
  const periods = once ? 1 : (PER_MONTH[planUnit] ?? 1);
  return {
    type: component.type,
    name: component.name,
    billing_type: component.billing_type,
    measured_unit: component.measured_unit ?? '',
    quantity: decimalText(quantity),
    unit_price: decimalText(price),
    amount: roundToMinorUnit(quantity.times(price).times(periods), currency),
    charged: once ? 'one-time' : 'monthly',
    note: component.billing_type === 'usage' ? USAGE_NOTE : '',
  };
}

const sum = (items: ComponentEstimate[], charged: ComponentEstimate['charged'], currency: Currency) =>
  roundToMinorUnit(
    items.filter((i) => i.charged === charged).reduce((total, i) => total.plus(i.amount), new Money(0)),
    currency,
  );

/** The estimate of a plan (its unit, prices and currency) with the chosen limits of the offering's components. */
export function estimateCost(
  components: Component[],
  plan: { unit: string; prices: Record<string, Money> },
  limits: Record<string, number>,
  currency: Currency,
): CostEstimate {
  const items = components.map((c) =>
    componentEstimate(c, plan.unit, plan.prices[c.type] ?? new Money(0), limits, currency),
  );
  return {
    currency: currency.code,
    monthly_total: sum(items, 'monthly', currency),
    one_time_total: sum(items, 'one-time', currency),
    components: items,
  };
}
