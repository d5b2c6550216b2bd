import type { OrderRow } from '../db/tables';
import { json } from '../http/route-context';
import { ID, TIMESTAMP, object } from '../http/schemas';
import type { CostEstimate } from '../billing/cost-estimate';
import { COST_ESTIMATE } from '../billing/plan-estimate';
import { SECRET_ATTRIBUTE_PATHS, secretPathsOf } from './secret-attributes';

import { ORDER_STATES, ORDER_TYPES, type OrderState, type OrderType } from './order-states';

export const PENDING_STATES: OrderState[] = ['pending-consumer', 'pending-provider'];
export const OPEN_STATES: OrderState[] = ['pending-consumer', 'pending-provider', 'executing'];

/** The resource's state while an order of each type is open. */
export const RESOURCE_STATE_WHILE: Record<OrderType, string> = {
  create: 'Creating',
  update: 'Updating',
  terminate: 'Terminating',
  pause: 'Updating',
  resume: 'Updating',
  restart: 'Updating',
};

/** The states a resource must be in for an order of each type other than create to be placed. */
export const RESOURCE_STATES_FOR: Record<Exclude<OrderType, 'create'>, string[]> = {
  update: ['OK', 'Paused'],
  terminate: ['OK', 'Paused', 'Erred'],
  pause: ['OK'],
  resume: ['Paused'],
  restart: ['OK'],
};

/** What carrying out an order would change (provisioning/plugin.ts PlanSummary), as Terraform's plan says it. */
const PLAN_SUMMARY = {
  type: 'object',
  properties: {
    add: { type: 'integer', description: 'Resource instances to create (a replacement counts here and in `destroy`).' },
    change: { type: 'integer', description: 'Resource instances to update in place.' },
    destroy: { type: 'integer', description: 'Resource instances to destroy.' },
    resource_changes: {
      type: 'array',
      description: 'Each resource instance the plan touches, by address, with its actions.',
      items: {
        type: 'object',
        properties: {
          address: { type: 'string' },
          actions: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Terraform\'s actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`.',
          },
        },
      },
    },
    output_changes: { type: 'array', items: { type: 'string' }, description: 'Outputs whose value would change.' },
  },
} as const;

/** The internal preview states as shown: queued and planning are both "not ready yet". */
const PLAN_STATES = ['planning', 'planned', 'failed', 'stopped'] as const;

const ORDER_PLAN = {
  type: ['object', 'null'],
  description:
    'The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first.',
  properties: {
    // No `enum`: @mercato/api names enumerations by field, and an order's `state` is another set.
    state: { type: 'string', description: `One of ${PLAN_STATES.map((state) => `\`${state}\``).join(', ')}.` },
    summary: {
      ...PLAN_SUMMARY,
      type: ['object', 'null'],
      description: 'What the order would change; null unless `planned`.',
    },
    error: { type: 'string', description: 'Why the plan failed; empty unless `failed`.' },
    planned_at: { type: ['string', 'null'], description: 'When the plan was ready or failed.' },
  },
} as const;

export const ORDER = object({
  id: ID,
  type: { type: 'string', enum: ORDER_TYPES },
  state: { type: 'string', enum: ORDER_STATES },
  project_id: ID,
  offering_id: ID,
  resource_id: ID,
  plan_id: { type: 'string' },
  version: { type: 'string' },
  attributes: {
    type: 'object',
    additionalProperties: true,
    description: 'The configuration the order leads to, without its secret properties.',
  },
  secret_attribute_paths: SECRET_ATTRIBUTE_PATHS,
  limits: { type: 'object', additionalProperties: { type: 'number' } },
  changes: { type: 'array', items: { type: 'string' }, description: 'What an update order changes.' },
  cost_estimate: {
    ...COST_ESTIMATE,
    type: ['object', 'null'],
    description:
      'What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`.',
  },
  created_by: ID,
  consumer_approved_by: { type: ['string', 'null'] },
  provider_approved_by: { type: ['string', 'null'] },
  awaiting: { type: ['string', 'null'], description: 'Who must act next, in words.' },
  reason: { type: 'string', description: 'Why the order was rejected, canceled or erred.' },
  attempts: { type: 'integer' },
  plan: ORDER_PLAN,
  applied_plan: {
    ...PLAN_SUMMARY,
    type: ['object', 'null'],
    description: 'The plan its last run carried out, as its plugin reported it; null: none reported.',
  },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
  completed_at: { type: ['string', 'null'] },
});

function awaiting(row: OrderRow): string | null {
  switch (row.state) {
    case 'pending-consumer':
      return `consumer approval: a manager of project ${row.project_id} or an owner of its organization`;
    case 'pending-provider':
      return `provider approval: an owner or service manager of the organization providing offering ${row.offering_id}`;
    case 'executing':
      return row.job_state === 'waiting'
        ? 'the service provider to complete the order (its staff or its site agent)'
        : 'provisioning';
    default:
      return null;
  }
}

export function presentOrder(row: OrderRow) {
  const {
    idempotency_key: _key,
    idempotency_fingerprint: _fingerprint,
    job_state: _job,
    claimed_by: _claim,
    prior_resource_state: _prior,
    plan_state: _planState,
    plan_claimed_by: _planClaim,
    plan_summary: _summary,
    plan_error: _planError,
    planned_at: _plannedAt,
    log_bytes: _logBytes,
    secret_attributes,
    cost_estimate: _estimate,
    ...rest
  } = row;
  return {
    ...rest,
    attributes: json<Record<string, unknown>>(row.attributes, {}),
    secret_attribute_paths: secretPathsOf(secret_attributes),
    limits: json<Record<string, number>>(row.limits, {}),
    changes: json<string[]>(row.changes, []),
    cost_estimate: row.cost_estimate ? json<CostEstimate>(row.cost_estimate, {} as CostEstimate) : null,
    awaiting: awaiting(row),
    plan: previewOf(row),
    applied_plan: row.applied_plan ? json<Record<string, unknown>>(row.applied_plan, {}) : null,
  };
}

/** The plan preview as the API shows it; null for an order that has none. */
function previewOf(row: OrderRow) {
  if (!row.plan_state) return null;
  return {
    state: (row.plan_state === 'queued' ? 'planning' : row.plan_state) as (typeof PLAN_STATES)[number],
    summary: row.plan_summary ? json<Record<string, unknown>>(row.plan_summary, {}) : null,
    error: row.plan_error ?? '',
    planned_at: row.planned_at ?? null,
  };
}
