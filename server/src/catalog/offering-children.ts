import type { Principal } from '../auth/principal';
import {
  canSeeOffering,
  managesOfferingsOf,
  memberOrganizationIds,
  memberProjectIds,
  ownedOrganizationIds,
  providerOrganizationIds,
} from '../auth/access';
import type { Db } from '../db/database';
import { forbidden, invalid, notFound } from '../http/problem';
import { findParentOffering } from './offerings-repository';
import { audienceOf } from './offering-audience-repository';
import { consumesOffering, findChildWithOffering } from './offering-children-repository';
import type { Viewer } from './search-index';

/**
 * Versions and plans live under an offering: seen by whoever sees it (and by those who have
 * resources of it), changed by its provider.
 */

/** The caller as the catalog's visibility rules (search, SQL lists) need it. */
export const viewerOf = (p: Principal): Viewer => ({
  isStaff: p.isStaff,
  providerOrganizationIds: providerOrganizationIds(p),
  memberOrganizationIds: memberOrganizationIds(p),
  projectIds: memberProjectIds(p),
  ownedOrganizationIds: ownedOrganizationIds(p),
});

/** The offering a new version or plan goes under; 422 naming `field` when the caller may not see it. */
export async function offeringForChild(db: Db, p: Principal, offeringId: string, field = 'offering_id') {
  const row = await findParentOffering(db, offeringId);
  const offering = row && { ...row, audience: await audienceOf(db, row) };
  if (!offering || !canSeeOffering(p, offering)) throw invalid(field, `no offering ${offeringId}`);
  return offering;
}

export function assertProvider(p: Principal, offering: { organization_id: string }) {
  if (!managesOfferingsOf(p, offering.organization_id))
    throw forbidden("only the offering's provider (owner or service manager) does this");
}

/**
 * Loads a version or plan by id with its offering, 404 when the caller may not see the offering
 * and has no resource of it.
 */
export async function findChild<T extends 'offering_versions' | 'plans'>(db: Db, p: Principal, table: T, id: string) {
  const found = await findChildWithOffering(db, table, id);
  if (!found || !(canSeeOffering(p, found.offering) || (await consumesOffering(db, viewerOf(p), found.offering.id))))
    throw notFound(table === 'plans' ? 'plan' : 'offering version', id);
  return found;
}
