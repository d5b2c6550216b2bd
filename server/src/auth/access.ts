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

/**
 * Who sees a restricted offering besides its provider and staff (its `offering_audience` rows):
 * listed organizations, and listed projects with the organization each belongs to.
 */
export interface Audience {
  restricted: boolean;
  organizationIds: string[];
  projects: ProjectRef[];
}

export interface OfferingRef {
  organization_id: string;
  status: string;
  audience: Audience;
}

/**
 * Whether an offering's audience includes the caller: a public offering's includes everyone; a
 * restricted one's, whoever holds a role in a listed organization or in one of its projects, and
 * whoever may order into a listed project (its members, its organization's owners).
 */
const inAudience = (p: Principal, audience: Audience) =>
  !audience.restricted ||
  audience.organizationIds.some((id) => canSeeOrganization(p, id)) ||
  audience.projects.some((project) => canSeeProject(p, project));

/**
 * Its provider's owners and service managers and staff see every offering; others see those that
 * are not drafts and whose audience includes them. (Signed-in users only: the API has no anonymous reads.)
 */
export const canSeeOffering = (p: Principal, offering: OfferingRef) =>
  managesOfferingsOf(p, offering.organization_id) || (offering.status !== 'draft' && inAudience(p, offering.audience));

/**
 * Whether resources of the offering may be ordered into the project: a public offering into any,
 * a restricted one into its provider's own projects, the listed organizations' and the listed projects.
 */
export const offeredTo = (offering: OfferingRef, project: ProjectRef) =>
  !offering.audience.restricted ||
  project.organization_id === offering.organization_id ||
  offering.audience.organizationIds.includes(project.organization_id) ||
  offering.audience.projects.some((p) => p.id === project.id);

/** Organizations whose projects the caller sees in full. */
export const ownedOrganizationIds = (p: Principal) =>
  [...p.organizationRoles].filter(([, role]) => role === 'owner').map(([id]) => id);

export const providerOrganizationIds = (p: Principal) => [...p.organizationRoles.keys()];

export const memberProjectIds = (p: Principal) => [...p.projectRoles.keys()];

/** Organizations the caller holds a role in, or in one of whose projects it holds one. */
export const memberOrganizationIds = (p: Principal) => [
  ...new Set([...p.organizationRoles.keys(), ...[...p.projectRoles.values()].map((r) => r.organizationId)]),
];
