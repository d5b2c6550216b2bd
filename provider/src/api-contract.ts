/**
 * What the Mercato API allows, as the provider checks it at plan time: the enumerations, patterns
 * and lengths of the server's OpenAPI document (/api/v1/openapi.json), in one place.
 *
 * These lists are to come from `@mercato/api`, the package generated from that document, once it
 * exists; until then provider/test/api-contract.test.ts compares each of them with the document a
 * running server serves, so they cannot drift apart.
 */

/** Where an offering runs (`platform`). */
export const PLATFORMS = ['aws', 'azure', 'gcp', 'on-premises', 'other'] as const;

/** An offering's `status` in the catalog. */
export const OFFERING_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;

/** How an offering's component is billed (`billing_type`). */
export const BILLING_TYPES = ['fixed', 'usage', 'limit', 'one-time'] as const;

/** The period a plan's prices are for (`unit`). */
export const PLAN_UNITS = ['month', 'day', 'hour', 'one-time'] as const;

/** An offering version's `status`. */
export const VERSION_STATUSES = ['available', 'beta', 'deprecated'] as const;

/** A resource's `state` on the server. */
export const RESOURCE_STATES = ['Creating', 'OK', 'Updating', 'Terminating', 'Terminated', 'Erred'] as const;

/** Names and titles (organizations, projects, categories, offerings, plans, resources), in characters. */
export const NAME_LENGTH = { min: 1, max: 200 } as const;

/** An offering's `slug`. */
export const SLUG = { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 } as const;

/** A component's `type`: the key in plan `prices` and resource `limits`. */
export const COMPONENT_TYPE = { pattern: '^[a-z][a-z0-9_]*$', maxLength: 100 } as const;

/** The lowest price a plan may set per component. */
export const MINIMUM_PRICE = 0;
