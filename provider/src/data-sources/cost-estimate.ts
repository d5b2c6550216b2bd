import { exactNumbers } from '../resources/json-arguments';
import { withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';

/** The server's CostEstimate (server/src/billing/cost-estimate.ts): amounts are decimal strings. */
export interface RemoteCostEstimate {
  currency: string;
  monthly_total: string;
  one_time_total: string;
  components: {
    type: string;
    name: string;
    billing_type: string;
    measured_unit: string;
    quantity: string;
    unit_price: string;
    amount: string;
    charged: string;
    note: string;
  }[];
}

/** Asks the server what a plan with these limits costs each month (`POST /api/v1/cost-estimates`). */
function estimateCost(
  client: MercatoClient,
  choice: { offering_id: string; plan_id: string; limits?: Record<string, unknown> | null },
): Promise<RemoteCostEstimate> {
  return client.action<RemoteCostEstimate>('/cost-estimates', {
    offering_id: choice.offering_id,
    plan_id: choice.plan_id,
    limits: choice.limits ?? {},
  });
}

const COMPONENT = {
  type: 'string',
  name: 'string',
  billing_type: 'string',
  measured_unit: 'string',
  quantity: 'string',
  unit_price: 'string',
  amount: 'string',
  charged: 'string',
  note: 'string',
} as const;

export const costEstimateData = withClient<MercatoClient>().defineDataSource({
  name: 'cost_estimate',
  description:
    'What a plan of an offering with chosen limits costs each month, before ordering, in the plan\'s currency. Amounts are decimal strings (`"42.50"`) rounded once, half-up, to the currency\'s minor unit.',
  attributes: {
    offering_id: { type: 'string', required: true, description: 'The offering to order from.' },
    plan_id: { type: 'string', required: true, description: 'Its plan.' },
    limits: {
      type: ['map', 'number'],
      optional: true,
      validators: [exactNumbers],
      description: 'Chosen limits of its `limit` components, by component type, as on `mercato_resource`.',
    },
    currency: { type: 'string', computed: true, description: "ISO 4217 code of the plan's currency." },
    monthly_total: {
      type: 'string',
      computed: true,
      description: 'Each month: `fixed` components plus `limit` ones (price × limit); `usage` ones count 0.',
    },
    one_time_total: {
      type: 'string',
      computed: true,
      description: 'Charged once when the resource is created (`one-time` components); not in `monthly_total`.',
    },
    components: {
      type: ['list', ['object', COMPONENT]],
      computed: true,
      description:
        'Per component: `quantity`, `unit_price`, `amount`, `charged` (`monthly` or `one-time`) and a `note` (for `usage`: not estimable in advance).',
    },
  },
  async read(ctx, config) {
    const estimate = await estimateCost(ctx.client, config);
    return { ...config, ...estimate };
  },
});
