import type { Db } from '../db/database';
import type { QuotaRow } from '../db/tables';
import { json } from '../http/route-context';
import { money, Money } from '../billing/money';
import { liveResourcesOf, openLimitOrdersOf } from './quotas-repository';

/**
 * What a resource holds against quotas: its project and offering, and per limit component the
 * larger of its limit and the one an open update order asks for (an order counts from when it
 * is placed, so that orders waiting for approval cannot together pass a quota).
 */
export interface Holding {
  resourceId: string;
  projectId: string;
  offeringId: string;
  limits: Record<string, number>;
}

/** The holdings of an organization's live resources. */
export async function holdingsOf(db: Db, organizationId: string): Promise<Holding[]> {
  const [resources, orders] = await Promise.all([
    liveResourcesOf(db, organizationId),
    openLimitOrdersOf(db, organizationId),
  ]);
  const ordered = new Map(orders.map((o) => [o.resource_id, json<Record<string, number>>(o.limits, {})]));
  return resources.map((r) => {
    const limits = { ...json<Record<string, number>>(r.limits, {}) };
    for (const [type, value] of Object.entries(ordered.get(r.id) ?? {}))
      limits[type] = Math.max(limits[type] ?? 0, value);
    return { resourceId: r.id, projectId: r.project_id, offeringId: r.offering_id, limits };
  });
}

/**
 * A quota's usage, an exact decimal: the total of its component's limits, or the number of its
 * offering's resources, in its scope. Limits are summed as decimals (billing/money.ts), not
 * doubles: 0.1 + 0.2 is 0.3, so that a quota of 0.3 admits them.
 */
export function usageOf(quota: QuotaRow, holdings: Holding[]): Money {
  const inScope = holdings.filter((h) => !quota.project_id || h.projectId === quota.project_id);
  if (quota.offering_id) return new Money(inScope.filter((h) => h.offeringId === quota.offering_id).length);
  return inScope.reduce((total, h) => total.plus(money(h.limits[quota.component] ?? 0)), new Money(0));
}
