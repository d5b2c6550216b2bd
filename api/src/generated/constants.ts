/**
 * The closed sets of values of the Mercato API and the form of its ids, as runtime values.
 * Generated from openapi.json by `npm run generate -w api` (scripts/constants.ts); do not edit.
 */

/** An object id, as every `id` of the API's answers is. */
export const ID_PATTERN = new RegExp("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

/** `format` of /api/v1/invoices (query parameter). */
export const INVOICE_FORMATS = ['json', 'csv'] as const;
export type InvoiceFormat = (typeof INVOICE_FORMATS)[number];

/** `state` of /api/v1/invoices (response). */
export const INVOICE_STATES = ['pending', 'final'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** `visibility` of /api/v1/modules (query parameter, request body, response). */
export const MODULE_VISIBILITIES = ['public', 'private'] as const;
export type ModuleVisibility = (typeof MODULE_VISIBILITIES)[number];

/** `billing_type` of /api/v1/offerings (request body, response). */
export const OFFERING_BILLING_TYPES = ['fixed', 'usage', 'limit', 'one-time'] as const;
export type OfferingBillingType = (typeof OFFERING_BILLING_TYPES)[number];

/** `platform` of /api/v1/offerings (query parameter, request body). */
export const OFFERING_PLATFORMS = ['aws', 'azure', 'gcp', 'on-premises', 'other'] as const;
export type OfferingPlatform = (typeof OFFERING_PLATFORMS)[number];

/** `sort` of /api/v1/offerings (query parameter). */
export const OFFERING_SORTS = ['name', 'newest'] as const;
export type OfferingSort = (typeof OFFERING_SORTS)[number];

/** `status` of /api/v1/offerings (query parameter, request body). */
export const OFFERING_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

/** `status` of /api/v1/offering-versions (query parameter, request body). */
export const OFFERING_VERSION_STATUSES = ['available', 'beta', 'deprecated'] as const;
export type OfferingVersionStatus = (typeof OFFERING_VERSION_STATUSES)[number];

/** `visibility` of /api/v1/offerings (request body). */
export const OFFERING_VISIBILITIES = ['public', 'restricted'] as const;
export type OfferingVisibility = (typeof OFFERING_VISIBILITIES)[number];

/** `awaiting` of /api/v1/orders (query parameter). */
export const ORDER_AWAITINGS = ['provider'] as const;
export type OrderAwaiting = (typeof ORDER_AWAITINGS)[number];

/** `state` of /api/v1/orders (query parameter, response). */
export const ORDER_STATES = ['pending-consumer', 'pending-provider', 'executing', 'done', 'erred', 'canceled', 'rejected'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** `type` of /api/v1/orders (query parameter, request body, response). */
export const ORDER_TYPES = ['create', 'update', 'terminate', 'pause', 'resume', 'restart'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** `role` of /api/v1/organizations (request body). */
export const ORGANIZATION_ROLES = ['owner', 'service-manager'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** `unit` of /api/v1/plans (request body). */
export const PLAN_UNITS = ['month', 'day', 'hour', 'one-time'] as const;
export type PlanUnit = (typeof PLAN_UNITS)[number];

/** `actions` of /api/v1/plugins (response). */
export const PLUGIN_ACTIONSES = ['pause', 'resume', 'restart'] as const;
export type PluginActions = (typeof PLUGIN_ACTIONSES)[number];

/** `role` of /api/v1/projects (request body). */
export const PROJECT_ROLES = ['manager', 'member'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** `state` of /api/v1/resources (query parameter, response). */
export const RESOURCE_STATES = ['Creating', 'OK', 'Paused', 'Updating', 'Terminating', 'Terminated', 'Erred'] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];

/** `origin` of /api/v1/terraform-provider-versions (response). */
export const TERRAFORM_PROVIDER_VERSION_ORIGINS = ['generated', 'operator', 'publisher'] as const;
export type TerraformProviderVersionOrigin = (typeof TERRAFORM_PROVIDER_VERSION_ORIGINS)[number];

/** `visibility` of /api/v1/terraform-provider-versions (request body). */
export const TERRAFORM_PROVIDER_VERSION_VISIBILITIES = ['public', 'private'] as const;
export type TerraformProviderVersionVisibility = (typeof TERRAFORM_PROVIDER_VERSION_VISIBILITIES)[number];

/** `visibility` of /api/v1/terraform-providers (request body, response). */
export const TERRAFORM_PROVIDER_VISIBILITIES = ['public', 'private'] as const;
export type TerraformProviderVisibility = (typeof TERRAFORM_PROVIDER_VISIBILITIES)[number];
