import { regexMatches, withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { OBJECT_ID, PERIOD } from '../api-contract';

/**
 * One item of an invoice as the server answers it (server/src/billing/invoice-item.ts): money and
 * quantities are decimal strings, times ISO timestamps (UTC), `billed_seconds` a whole number.
 */
const ITEM = {
  resource_id: 'string',
  resource_name: 'string',
  project_id: 'string',
  project_name: 'string',
  offering_id: 'string',
  offering_name: 'string',
  provider_organization_id: 'string',
  plan_id: 'string',
  plan_name: 'string',
  plan_unit: 'string',
  component: 'string',
  component_name: 'string',
  billing_type: 'string',
  measured_unit: 'string',
  quantity: 'string',
  unit_price: 'string',
  currency: 'string',
  period_start: 'string',
  period_end: 'string',
  billed_seconds: 'number',
  amount: 'string',
} as const;

/** The invoice as `GET /api/v1/invoices/{organization_id}/{period}` answers it. */
interface RemoteInvoice {
  id: string | null;
  state: 'pending' | 'final';
  totals: { currency: string; amount: string }[];
  items: { [K in keyof typeof ITEM]: (typeof ITEM)[K] extends 'number' ? number : string }[];
  closed_at: string | null;
}

export const invoiceData = withClient<MercatoClient>().defineDataSource({
  name: 'invoice',
  description:
    "An organization's invoice of a calendar month (UTC): `pending` while the month is open (computed when read: resources still active billed to the month's end), `final` once staff closed it. Readable by the organization's owners and staff. Amounts are decimal strings rounded once per item, half-up, to the currency's minor unit.",
  attributes: {
    organization_id: {
      type: 'string',
      required: true,
      validators: [regexMatches(OBJECT_ID.pattern, 'an organization id')],
      description: 'The organization billed.',
    },
    period: {
      type: 'string',
      required: true,
      validators: [regexMatches(PERIOD.pattern, 'a calendar month written YYYY-MM')],
      description: 'The month, `YYYY-MM` (UTC), e.g. `"2026-11"`.',
    },
    id: {
      type: 'string',
      computed: true,
      description:
        "The final invoice's id; null while pending, and for a closed month the organization owed nothing in.",
    },
    state: { type: 'string', computed: true, description: '`pending` while the month is open, `final` once closed.' },
    closed_at: {
      type: 'string',
      computed: true,
      description: 'When the month was closed (RFC 3339); null while pending.',
    },
    totals: {
      type: ['list', ['object', { currency: 'string', amount: 'string' }]],
      computed: true,
      description: "Per currency (ISO 4217 code, in code order): `amount`, the sum of the items' amounts.",
    },
    items: {
      type: ['list', ['object', ITEM]],
      computed: true,
      description:
        'One per resource, component and stretch of the month in which its plan and quantity held: the resource, project, offering, provider organization and plan (ids and names), `plan_unit`, `component` (type) and `component_name`, `billing_type`, `measured_unit`, `quantity` and `unit_price` (decimal strings), `currency`, `period_start` and `period_end` (the stretch covered, end exclusive; equal for a one-time charge), `billed_seconds` and `amount`.',
    },
  },
  async read(ctx, config) {
    const path = `/invoices/${encodeURIComponent(config.organization_id)}/${config.period}`;
    const invoice = await ctx.client.get<RemoteInvoice>(path);
    return {
      organization_id: config.organization_id,
      period: config.period,
      id: invoice.id,
      state: invoice.state,
      closed_at: invoice.closed_at,
      totals: invoice.totals,
      items: invoice.items,
    };
  },
});
