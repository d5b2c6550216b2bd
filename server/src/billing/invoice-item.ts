import { ID } from '../http/schemas';

/**
 * One charge of an invoice: a component of a resource over a stretch of the month in which its
 * plan and quantity held. Money and quantities are decimal strings; times ISO timestamps (UTC).
 *
 * How `amount` follows from the other fields (billing/resource-charges.ts), rounded once, half-up,
 * to the currency's minor unit:
 * - `fixed` and `limit`: quantity × unit_price × billed_seconds ÷ the seconds of one `plan_unit`
 *   (`month`: the seconds of this calendar month; `day`: 86,400; `hour`: 3,600);
 * - `usage`: quantity (the month's reported usage) × unit_price;
 * - `one-time` (and every component of a plan whose unit is `one-time`): quantity × unit_price,
 *   once, in the month the resource was created.
 */
export type InvoiceItem = {
  resource_id: string;
  resource_name: string;
  project_id: string;
  project_name: string;
  offering_id: string;
  offering_name: string;
  /** The service provider: the offering's organization. */
  provider_organization_id: string;
  plan_id: string;
  plan_name: string;
  /** What the plan prices per: `month`, `day`, `hour` or `one-time`. */
  plan_unit: string;
  /** The component's type, e.g. `cpu`. */
  component: string;
  component_name: string;
  billing_type: string;
  measured_unit: string;
  /** 1 (fixed, one-time), the limit held (limit), the usage reported (usage). */
  quantity: string;
  unit_price: string;
  /** ISO 4217 code of the plan. */
  currency: string;
  /** The stretch the item covers (end exclusive; equal to start for a one-time charge). */
  period_start: string;
  period_end: string;
  /** Seconds billed in that stretch (fixed and limit); 0 for usage and one-time charges. */
  billed_seconds: number;
  amount: string;
};

/** The total of an invoice in one currency: the sum of its items' rounded amounts. */
export type InvoiceTotal = { currency: string; amount: string };

const text = (description: string) => ({ type: 'string', description }) as const;

export const INVOICE_ITEM = {
  type: 'object',
  properties: {
    resource_id: ID,
    resource_name: text('The resource as named when billed.'),
    project_id: ID,
    project_name: text(''),
    offering_id: ID,
    offering_name: text(''),
    provider_organization_id: { ...ID, description: "The service provider: the offering's organization." },
    plan_id: ID,
    plan_name: text(''),
    plan_unit: text('What the plan prices per: `month`, `day`, `hour` or `one-time`.'),
    component: text("The component's type, e.g. `cpu`."),
    component_name: text(''),
    billing_type: text('`fixed`, `limit`, `usage` or `one-time`.'),
    measured_unit: text(''),
    quantity: text(
      'Units charged, a decimal string: 1 (fixed, one-time), the limit held (limit), the usage reported (usage).',
    ),
    unit_price: text("The plan's price per unit and plan unit, a decimal string."),
    currency: text('ISO 4217 code.'),
    period_start: { type: 'string', format: 'date-time', description: 'Start of the stretch the item covers.' },
    period_end: {
      type: 'string',
      format: 'date-time',
      description: 'End of the stretch (exclusive); equal to the start for one-time charges.',
    },
    billed_seconds: {
      type: 'integer',
      description: 'Seconds billed (fixed, limit): active time, and paused time unless the offering leaves it free.',
    },
    amount: text(
      "fixed/limit: quantity × unit_price × billed_seconds ÷ seconds of one plan unit (a `month` is this month's); usage and one-time: quantity × unit_price; rounded once, half-up, to the currency's minor unit.",
    ),
  },
} as const;

export const INVOICE_TOTALS = {
  type: 'array',
  description: "Per currency (in code order): the sum of the items' amounts.",
  items: { type: 'object', properties: { currency: { type: 'string' }, amount: { type: 'string' } } },
} as const;
