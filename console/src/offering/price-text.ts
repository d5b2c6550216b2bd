import type { Offering, Plan } from '../api/types';

type Component = NonNullable<Offering['components']>[number];

/**
 * One price of a plan as a person reads it: by the component's name and what it is priced by. The
 * billing (server/src/billing/cost-estimate.ts) multiplies a `limit` price by the limit chosen and
 * the plan's unit, a `usage` price by the quantity reported (not by time), takes a `fixed` one per
 * plan unit and a `one-time` one once; "memory: 12 EUR per month" said none of that.
 */
export function priceText(plan: Plan, type: string, price: string, components: Component[]): string {
  const component = components.find((c) => c.type === type);
  const amount = `${price} ${plan.currency}`;
  if (!component) return `${type}: ${amount} per ${plan.unit}`;
  const unit = component.measured_unit;
  const priced =
    component.billing_type === 'one-time' || plan.unit === 'one-time'
      ? 'once'
      : component.billing_type === 'usage'
        ? `per ${unit} used`
        : component.billing_type === 'limit'
          ? `per ${unit} per ${plan.unit}`
          : `per ${plan.unit}`;
  return `${component.name}: ${amount} ${priced}`;
}
