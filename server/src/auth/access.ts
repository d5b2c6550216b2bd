import type { Principal } from './principal';

/**
 * Who may do what. Every route asks these questions; an object the caller may not see is
 * answered 404, an action on a visible object the caller may not take is answered 403.
 */

export const isOwnerOf = (p: Principal, organizationId: string) =>
  p.isStaff || p.organizationRoles.get(organizationId) === 'owner';

/** Owners and service managers run the organization's offerings when it acts as a service provider. */
export const managesOfferingsOf = (p: Principal, organizationId: string) =>
  p.isStaff || p.organizationRoles.has(organizationId);

export const canSeeOrganization = (p: Principal, organizationId: string) =>
  p.isStaff ||
  p.organizationRoles.has(organizationId) ||
  [...p.projectRoles.values()].some((r) => r.organizationId === organizationId);

export interface ProjectRef {
  id: string;
  organization_id: string;
}

export const canSeeProject = (p: Principal, project: ProjectRef) =>
  isOwnerOf(p, project.organization_id) || p.projectRoles.has(project.id);

export const managesProject = (p: Principal, project: ProjectRef) =>
  isOwnerOf(p, project.organization_id) || p.projectRoles.get(project.id)?.role === 'manager';

/** Consumer approval of an order: the project's manager or its organization's owner. */
export const approvesForConsumer = (p: Principal, project: ProjectRef) => managesProject(p, project);

export const approvesForProvider = (p: Principal, organizationId: string) => managesOfferingsOf(p, organizationId);

export interface OfferingRef {
  organization_id: string;
  status: string;
}

/** Drafts are seen only by their provider and staff; everything else in the catalog is public to signed-in users. */
export const canSeeOffering = (p: Principal, offering: OfferingRef) =>
  offering.status !== 'draft' || managesOfferingsOf(p, offering.organization_id);

/** Organizations whose projects the caller sees in full. */
export const ownedOrganizationIds = (p: Principal) =>
  [...p.organizationRoles].filter(([, role]) => role === 'owner').map(([id]) => id);

export const providerOrganizationIds = (p: Principal) => [...p.organizationRoles.keys()];

export const memberProjectIds = (p: Principal) => [...p.projectRoles.keys()];
