import type { Principal } from '../auth/principal';
import { canSeeOffering, managesOfferingsOf } from '../auth/access';
import type { Db } from '../db/database';
import { forbidden, invalid, notFound } from '../http/problem';
import { findParentOffering } from './offerings-repository';
import { findChildWithOffering } from './offering-children-repository';

/** Versions and plans live under an offering: seen by whoever sees it, changed by its provider. */

export async function offeringForChild(db: Db, p: Principal, offeringId: string, field = 'offering_id') {
  const offering = await findParentOffering(db, offeringId);
  if (!offering || !canSeeOffering(p, offering)) throw invalid(field, `no offering ${offeringId}`);
  return offering;
}

export function assertProvider(p: Principal, offering: { organization_id: string }) {
  if (!managesOfferingsOf(p, offering.organization_id))
    throw forbidden("only the offering's provider (owner or service manager) does this");
}

/** Loads a version or plan by id with its offering, 404 when the caller may not see the offering. */
export async function findChild<T extends 'offering_versions' | 'plans'>(db: Db, p: Principal, table: T, id: string) {
  const found = await findChildWithOffering(db, table, id);
  if (!found || !canSeeOffering(p, found.offering)) throw notFound(table === 'plans' ? 'plan' : 'offering version', id);
  return found;
}
