import type { Db } from '../db/database';
import type { ResourceRow } from '../db/tables';
import { json } from '../http/route-context';
import { loadOfferingRow } from '../catalog/offerings-repository';
import { findPlanOf } from '../catalog/plans-repository';
import { COST_ESTIMATE, estimatePlan } from './plan-estimate';
import type { CostEstimate } from './cost-estimate';

/**
 * What a resource costs each month now: its plan's current unit, prices and currency with its
 * current limits (billing/plan-estimate.ts), so that a provider's price change shows at the next
 * read. Orders keep the estimate made when they were placed; this one is never stored. An
 * archived plan or a deleted offering still estimates (the resource is still billed by them);
 * null only when the resource has no plan the database still holds.
 */
export async function estimateResource(
  db: Db,
  resource: Pick<ResourceRow, 'offering_id' | 'plan_id' | 'limits'>,
): Promise<CostEstimate | null> {
  if (!resource.plan_id) return null;
  const [offering, plan] = await Promise.all([
    loadOfferingRow(db, resource.offering_id),
    findPlanOf(db, resource.offering_id, resource.plan_id),
  ]);
  if (!offering || !plan) return null;
  return estimatePlan(offering, plan, json<Record<string, number>>(resource.limits, {}));
}

/** A resource's `cost_estimate` as the API's schema describes it. */
export const RESOURCE_COST_ESTIMATE = {
  ...COST_ESTIMATE,
  type: ['object', 'null'],
  description:
    "What the resource costs each month with its plan's current prices and its current limits (unlike an order's `cost_estimate`, the estimate when it was placed); null when it has no plan.",
} as const;
