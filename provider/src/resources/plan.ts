import {
  regexMatches,
  atLeast,
  eachValue,
  lengthBetween,
  oneOf,
  requiresReplace,
  useStateForUnknown,
  withClient,
} from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { exactNumbers } from './json-arguments';
import { MINIMUM_PRICE, NAME_LENGTH, PLAN_UNITS } from '../api-contract';

interface Remote {
  id: string;
  offering_id: string;
  name: string;
  description: string;
  unit: string;
  /** Decimal strings: the server keeps prices exactly. */
  prices: Record<string, string>;
  limits: Record<string, LimitRange>;
  currency: string;
  archived: boolean;
}

/** A plan's range for one limit component, as the API gives it: a bound left out is absent. */
interface LimitRange {
  minimum?: number;
  maximum?: number;
  default?: number;
}

const RANGE_FIELDS = ['minimum', 'maximum', 'default'] as const;

/** The ranges as the API takes them: bounds left null in the configuration are left out. */
const rangesForApi = (limits: Record<string, Record<(typeof RANGE_FIELDS)[number], unknown>> | null) =>
  Object.fromEntries(
    Object.entries(limits ?? {}).map(([type, range]) => [
      type,
      Object.fromEntries(RANGE_FIELDS.filter((f) => range[f] !== null).map((f) => [f, range[f]])),
    ]),
  );

/** The ranges as the state holds them: every bound, null when the plan has none. */
const rangesFromApi = (limits: Record<string, LimitRange> | undefined) =>
  Object.fromEntries(
    Object.entries(limits ?? {}).map(([type, range]) => [
      type,
      Object.fromEntries(RANGE_FIELDS.map((f) => [f, range[f] ?? null])) as Record<
        (typeof RANGE_FIELDS)[number],
        number | null
      >,
    ]),
  );

const api = collection<Record<string, unknown>, Remote>('plans', 'plan');

export const plan = withClient<MercatoClient>().defineResource({
  name: 'plan',
  description:
    'A plan of an offering: a billing unit and a price per component. Archive a plan to stop new orders while existing resources keep it.',
  attributes: {
    id: {
      type: 'string',
      computed: true,
      planModifiers: [useStateForUnknown()],
      description: 'Server ID of the plan.',
    },
    offering_id: { type: 'string', required: true, planModifiers: [requiresReplace()], description: 'The offering.' },
    name: {
      type: 'string',
      required: true,
      validators: [lengthBetween(NAME_LENGTH.min, NAME_LENGTH.max)],
      description: 'Name, e.g. `small`.',
    },
    description: { type: 'string', optional: true, default: '', description: 'What the plan gives.' },
    unit: {
      type: 'string',
      optional: true,
      default: 'month',
      validators: [oneOf(...PLAN_UNITS)],
      description: 'Billing unit: the period the prices are for.',
    },
    prices: {
      type: ['map', 'number'],
      optional: true,
      default: {},
      validators: [exactNumbers, eachValue(atLeast(MINIMUM_PRICE))],
      description: "Price per unit of each component, keyed by the offering's component `type`.",
    },
    limits: {
      // All three named (null for none): CDKTF's bindings cannot take object types with optional attributes.
      type: ['map', ['object', { minimum: 'number', maximum: 'number', default: 'number' }]],
      optional: true,
      default: {},
      description:
        "Per limit-billed component of the offering (keyed by its `type`), the range an order's `limits` may choose: `minimum` (0 when null), `maximum` (none when null), `default` (taken by an order that leaves the limit out; the minimum when null); give all three, null for none, e.g. `{ cpu = { minimum = 1, maximum = 64, default = 2 } }`. An order outside the range is refused.",
    },
    currency: {
      type: 'string',
      optional: true,
      default: 'EUR',
      validators: [regexMatches('^[A-Z]{3}$', 'an ISO 4217 code: three capital letters')],
      description:
        "ISO 4217 code of the prices' currency, e.g. `EUR`, `USD`, `JPY`; the server checks it against ISO 4217. Default: `EUR`.",
    },
    archived: { type: 'bool', optional: true, default: false, description: 'An archived plan takes no new orders.' },
  },
  async create(ctx, plan) {
    const body = {
      offering_id: plan.offering_id,
      name: plan.name,
      description: plan.description,
      unit: plan.unit,
      prices: plan.prices ?? {},
      limits: rangesForApi(plan.limits),
      currency: plan.currency,
      archived: plan.archived,
    };
    const created = await reportingFieldErrors(ctx, 'Invalid plan', () => api.create(ctx.client, body));
    return created ? { id: created.id } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id);
    if (!remote) return null;
    return {
      id: remote.id,
      offering_id: remote.offering_id,
      name: remote.name,
      description: remote.description,
      unit: remote.unit,
      // Decimal strings on the server; numbers the provider sent come back as the same numbers.
      prices: Object.fromEntries(Object.entries(remote.prices).map(([type, price]) => [type, Number(price)])),
      limits: rangesFromApi(remote.limits),
      currency: remote.currency,
      archived: remote.archived,
    };
  },
  async update(ctx, plan, prior) {
    const body = {
      name: plan.name,
      description: plan.description,
      unit: plan.unit,
      prices: plan.prices ?? {},
      limits: rangesForApi(plan.limits),
      currency: plan.currency,
      archived: plan.archived,
    };
    await reportingFieldErrors(ctx, 'Invalid plan', () => api.update(ctx.client, prior.id, body));
    return {};
  },
  delete: (ctx, state) => api.delete(ctx, state.id),
});
