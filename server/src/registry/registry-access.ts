/**
 * Who may do what in the Terraform registry. A namespace is an organization, by its slug; its
 * modules and providers are published by its owners and service managers (the people who
 * publish its offerings), and its private ones are read by anyone with a role in it or in one of
 * its projects. Public ones are read by anyone, with no token at all.
 */
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { canSeeOrganization, managesOfferingsOf } from '../auth/access';
import type { Db } from '../db/database';
import type { OrganizationRow } from '../db/tables';
import { findLiveOrganizationBySlug } from '../structure/organizations-repository';

/** The signed-in caller of a registry protocol request, or undefined for an anonymous one (no token sent). */
export function registryCaller(request: FastifyRequest): Principal | undefined {
  return request.principal ?? undefined;
}

/** The organization whose slug is the namespace, if one that is not deleted has it. */
export function organizationBySlug(db: Db, slug: string): Promise<OrganizationRow | undefined> {
  return findLiveOrganizationBySlug(db, slug);
}

/** Staff, or an owner or service manager of the organization. */
export function mayPublish(principal: Principal | undefined, organizationId: string): boolean {
  return principal !== undefined && managesOfferingsOf(principal, organizationId);
}

/** Staff, or anyone with a role in the organization or one of its projects. */
export function mayReadPrivate(principal: Principal | undefined, organizationId: string): boolean {
  return principal !== undefined && canSeeOrganization(principal, organizationId);
}
