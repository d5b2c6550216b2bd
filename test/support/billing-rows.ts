import { randomUUID } from 'node:crypto';
import type { Database, Tables } from '@mercato/server';

/**
 * Minimal valid rows of what invoices are made of (organizations, projects, a category,
 * offerings, plans, resources, their done orders, usage reports), written straight into a
 * database: for tests of the billing queries and for benchmarks that need thousands of resources
 * without placing thousands of orders. Columns the billing reads get the values given; the rest
 * the simplest valid value. Times are ISO timestamps.
 */

type Db = Database['db'];
type Row<T extends keyof Tables> = Tables[T];

const EPOCH = '2020-01-01T00:00:00.000Z';
const stamps = { created_at: EPOCH, updated_at: EPOCH };

export const organizationRow = (name: string, id = randomUUID()): Row<'organizations'> => ({
  id,
  name,
  slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id.slice(0, 8)}`,
  description: '',
  ...stamps,
});

export const projectRow = (organization_id: string, name: string, id = randomUUID()): Row<'projects'> => ({
  id,
  organization_id,
  name,
  description: '',
  ...stamps,
});

export const categoryRow = (id = randomUUID()): Row<'categories'> => ({
  id,
  title: `Category ${id.slice(0, 8)}`,
  description: '',
  ...stamps,
});

/** A component as an offering lists it (catalog/offering-model.ts). */
export type ComponentRow = { type: string; name: string; billing_type: string; measured_unit?: string };

export function offeringRow(
  provider: string,
  category_id: string,
  components: ComponentRow[],
  options: { name?: string; bill_paused?: boolean; id?: string } = {},
): Row<'offerings'> {
  const id = options.id ?? randomUUID();
  const name = options.name ?? `Offering ${id.slice(0, 8)}`;
  return {
    id,
    organization_id: provider,
    category_id,
    name,
    slug: `offering-${id}`,
    description: '',
    type: 'allocation',
    platform: 'other',
    tags: '[]',
    status: 'active',
    requested_status: 'active',
    status_reason: '',
    visibility: 'public',
    auto_approve: 1,
    plugin_options: '{}',
    secret_options: '{}',
    documentation_url: '',
    requirements: '',
    components: JSON.stringify(components),
    bill_paused: options.bill_paused === false ? 0 : 1,
    ...stamps,
  };
}

/** A plan: `prices` decimal strings by component type, `unit` month/day/hour/one-time, an ISO 4217 currency. */
export const planRow = (
  offering_id: string,
  name: string,
  unit: string,
  prices: Record<string, string>,
  currency = 'EUR',
  id = randomUUID(),
): Row<'plans'> => ({
  id,
  offering_id,
  name,
  description: '',
  unit,
  prices: JSON.stringify(prices),
  limits: '{}',
  currency,
  archived: 0,
  ...stamps,
});

export function resourceRow(
  parts: { project_id: string; offering_id: string; plan_id: string; name: string; created_at: string },
  id = randomUUID(),
): Row<'resources'> {
  return {
    id,
    ...parts,
    version: '1.0.0',
    attributes: '{}',
    secret_attributes: '[]',
    limits: '{}',
    state: 'OK',
    backend_id: '',
    outputs: '{}',
    secret_outputs: '{}',
    backend_state: '{}',
    pulled_at: '',
    error_message: '',
    updated_at: parts.created_at,
  };
}

/** An order of a resource, `done` at `completed_at` unless another state is given. */
export function orderRow(
  resource: Pick<Row<'resources'>, 'id' | 'project_id' | 'offering_id' | 'plan_id'>,
  order: {
    type: Row<'orders'>['type'];
    completed_at: string;
    plan_id?: string;
    limits?: Record<string, number>;
    changes?: string[];
    state?: Row<'orders'>['state'];
  },
  id = randomUUID(),
): Row<'orders'> {
  const done = (order.state ?? 'done') === 'done';
  return {
    id,
    type: order.type,
    state: order.state ?? 'done',
    project_id: resource.project_id,
    offering_id: resource.offering_id,
    resource_id: resource.id,
    plan_id: order.plan_id ?? resource.plan_id,
    version: '1.0.0',
    attributes: '{}',
    secret_attributes: '[]',
    limits: JSON.stringify(order.limits ?? {}),
    changes: JSON.stringify(order.changes ?? []),
    created_by: 'bench',
    consumer_approved_by: null,
    provider_approved_by: null,
    reason: '',
    idempotency_key: null,
    idempotency_fingerprint: null,
    job_state: null,
    claimed_by: null,
    prior_resource_state: '',
    attempts: 1,
    created_at: order.completed_at,
    updated_at: order.completed_at,
    completed_at: done ? order.completed_at : null,
  };
}

export const usageReportRow = (
  resource_id: string,
  component: string,
  period: string,
  amount: string,
  report_id = randomUUID(),
): Row<'usage_reports'> => ({
  id: randomUUID(),
  resource_id,
  component,
  period,
  report_id,
  amount,
  reported_by: null,
  ...stamps,
});

/** SQLite takes at most 32,766 parameters in one statement (PostgreSQL 65,535): rows per INSERT stay under. */
const PARAMETERS_PER_INSERT = 30_000;

/**
 * Writes rows in multi-row INSERTs of as many rows as the parameter limit allows, in one
 * transaction (SQLite then writes its journal once, not once per statement).
 */
export async function insertRows<T extends keyof Tables & string>(db: Db, table: T, rows: Row<T>[]): Promise<void> {
  if (!rows.length) return;
  const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / Object.keys(rows[0]).length));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += perInsert)
      // The row type is Tables[T]; Kysely cannot follow a generic table name to its columns.
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + perInsert) as never)
        .execute();
  });
}
