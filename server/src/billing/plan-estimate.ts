import type { Component } from '../catalog/offering-model';
import type { OfferingRow, PlanRow } from '../db/tables';
import { json } from '../http/route-context';
import { currencyOf, DEFAULT_CURRENCY } from './currencies';
import { estimateCost, type CostEstimate } from './cost-estimate';
import { pricesOf } from './prices';

/** The monthly estimate of a plan of an offering with chosen limits (billing/cost-estimate.ts). */
export function estimatePlan(
  offering: Pick<OfferingRow, 'components'>,
  plan: Pick<PlanRow, 'unit' | 'prices' | 'currency'>,
  limits: Record<string, number>,
): CostEstimate {
  // Stored currencies were checked when set; an unknown one could only come from outside the API.
  const currency = currencyOf(plan.currency) ?? currencyOf(DEFAULT_CURRENCY)!;
  return estimateCost(
    json<Component[]>(offering.components, []),
    { unit: plan.unit, prices: pricesOf(plan.prices) },
    limits,
    currency,
  );
}

/** A CostEstimate as the API's schemas describe it (cost-estimates and orders). */
export const COST_ESTIMATE = {
  type: 'object',
  required: ['currency', 'monthly_total', 'one_time_total', 'components'],
  properties: {
    currency: { type: 'string', description: "ISO 4217 code: the plan's currency." },
    monthly_total: {
      type: 'string',
      description:
        'Each month\'s amount of the components charged monthly, a decimal string with the currency\'s minor unit (`"42.50"`).',
    },
    one_time_total: {
      type: 'string',
      description: 'Charged once, when the resource is created; not in `monthly_total`.',
    },
    components: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          name: { type: 'string' },
          billing_type: { type: 'string', description: '`fixed`, `limit`, `usage` or `one-time`.' },
          measured_unit: { type: 'string' },
          quantity: {
            type: 'string',
            description: 'Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage).',
          },
          unit_price: { type: 'string', description: "The plan's price of the component, a decimal string." },
          amount: {
            type: 'string',
            description: "quantity × unit_price, rounded once, half-up, to the currency's minor unit.",
          },
          charged: { type: 'string', description: '`monthly` or `one-time`: which total has the amount.' },
          note: {
            type: 'string',
            description: 'Why an amount is not what it will be (usage: not estimable in advance).',
          },
        },
      },
    },
  },
} as const;
