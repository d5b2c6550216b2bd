import type { Db } from '../db/database';
import type { QuotaRow } from '../db/tables';
import { Problem, type FieldError } from '../http/problem';
import { holdingsOf, usageOf, type Holding } from './quota-usage';
import { lockOrganization, quotasOf } from './quotas-repository';
import { money } from '../billing/money';

/** What an order asks to hold: a new resource (create) or new limits of one (update). */
export interface QuotaClaim {
  organizationId: string;
  projectId: string;
  offeringId: string;
  resourceId: string;
  limits: Record<string, number>;
}

/** Whether a quota counts the claim at all: its offering's resources, or a limit it sets. */
const concerns = (quota: QuotaRow, claim: QuotaClaim) =>
  quota.offering_id ? quota.offering_id === claim.offeringId : claim.limits[quota.component] !== undefined;

/**
 * Refuses (409, one error per quota passed, naming `limits.<component>` or `offering_id`) an order
 * that would take a quota of its project or organization above its limit; call it in the
 * transaction that places the order. Lowering a limit while over a quota is allowed: only a claim
 * that raises a quota's usage above its limit is refused. The organization's row is locked first,
 * so that concurrent orders are counted one after the other on both databases.
 */
export async function assertWithinQuotas(trx: Db, claim: QuotaClaim): Promise<void> {
  const first = await quotasOf(trx, [claim.organizationId], claim.projectId);
  if (!first.some((q) => concerns(q, claim))) return;
  await lockOrganization(trx, claim.organizationId);
  const quotas = (await quotasOf(trx, [claim.organizationId], claim.projectId)).filter((q) => concerns(q, claim));
  const holdings = await holdingsOf(trx, claim.organizationId);
  const after: Holding[] = [
    ...holdings.filter((h) => h.resourceId !== claim.resourceId),
    { resourceId: claim.resourceId, projectId: claim.projectId, offeringId: claim.offeringId, limits: claim.limits },
  ];
  const errors: FieldError[] = quotas.flatMap((quota) => {
    const before = usageOf(quota, holdings);
    const wanted = usageOf(quota, after);
    if (wanted.lte(money(quota.limit)) || wanted.lte(before)) return [];
    const scope = quota.project_id ? 'project' : 'organization';
    return [
      quota.offering_id
        ? {
            field: 'offering_id',
            message: `the ${scope}'s quota allows ${quota.limit} resources of this offering; ${before} exist or are ordered`,
          }
        : {
            field: `limits.${quota.component}`,
            message: `the ${scope}'s quota of ${quota.component} is ${quota.limit}; ${before} is in use or ordered, this order would make it ${wanted}`,
          },
    ];
  });
  if (errors.length)
    throw new Problem(
      409,
      'Conflict',
      `quota exceeded: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      errors,
    );
}
