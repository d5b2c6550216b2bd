/**
 * What the Mercato API allows, as the provider checks it at plan time: the enumerations, patterns
 * and lengths of the server's OpenAPI document (/api/v1/openapi.json), in one place. The
 * enumerations are @mercato/api's, generated from that document; the patterns and lengths are
 * written here, and provider/test/api-contract.test.ts compares them with the document a running
 * server serves, so they cannot drift apart.
 */
import {
  ID_PATTERN,
  OFFERING_BILLING_TYPES,
  OFFERING_PLATFORMS,
  OFFERING_STATUSES,
  OFFERING_VERSION_STATUSES,
  OFFERING_VISIBILITIES,
  PLAN_UNITS,
  RESOURCE_STATES,
} from '@mercato/api';

/** Where an offering runs (`platform`). */
export const PLATFORMS = OFFERING_PLATFORMS;

/** How an offering's component is billed (`billing_type`). */
export const BILLING_TYPES = OFFERING_BILLING_TYPES;

/** An offering version's `status`. */
export const VERSION_STATUSES = OFFERING_VERSION_STATUSES;

export { OFFERING_STATUSES, OFFERING_VISIBILITIES, PLAN_UNITS, RESOURCE_STATES };

/** An object id, as the API writes every id (`allowed_organization_ids` and `allowed_project_ids` elements). */
export const OBJECT_ID = { pattern: ID_PATTERN.source } as const;

/** A billing month (`period` of invoices and usage reports): a calendar month in UTC, `YYYY-MM`. */
export const PERIOD = { pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } as const;

/** Names and titles (organizations, projects, categories, offerings, plans, resources), in characters. */
export const NAME_LENGTH = { min: 1, max: 200 } as const;

/** An offering's `slug`. */
export const SLUG = { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 } as const;

/** An organization's `slug`: its namespace in the Terraform registry. */
export const ORGANIZATION_SLUG = { pattern: SLUG.pattern, maxLength: 64 } as const;

/** A component's `type`: the key in plan `prices` and resource `limits`. */
export const COMPONENT_TYPE = { pattern: '^[a-z][a-z0-9_]*$', maxLength: 100 } as const;

/** The lowest price a plan may set per component. */
export const MINIMUM_PRICE = 0;
