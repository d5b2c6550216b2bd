/** Where an offering runs. */
export enum Platform {
  AWS = 'aws',
  AZURE = 'azure',
  GCP = 'gcp',
  ON_PREMISES = 'on-premises',
  OTHER = 'other',
}

/** Lifecycle of an offering in the catalog. */
export enum OfferingStatus {
  /** Visible to its provider only. */
  DRAFT = 'draft',
  /** In the catalog; takes orders. Shown as a draft until the offering has a plan (not archived) and a version: the server activates it then. */
  ACTIVE = 'active',
  /** In the catalog; takes no new orders. */
  PAUSED = 'paused',
  /** Out of the catalog. */
  ARCHIVED = 'archived',
}

/** Who sees an offering in the catalog and may order it. */
export enum OfferingVisibility {
  /** Every signed-in user. */
  PUBLIC = 'public',
  /** Its provider, staff, and the organizations and projects listed in `allowedOrganizationIds` and `allowedProjectIds`. */
  RESTRICTED = 'restricted',
}

/** The provisioning plugin that carries out an offering's orders. */
export enum OfferingType {
  /** The service provider completes each order by hand (or through the API). */
  MANUAL = 'manual',
  /** Orders complete at once: the resource is an allocation of capacity. */
  ALLOCATION = 'allocation',
}

/** How a priced component of an offering is billed. */
export enum BillingType {
  /** A fixed price per plan unit. */
  FIXED = 'fixed',
  /** Metered usage. */
  USAGE = 'usage',
  /** The limit the consumer sets (e.g. `cpu = 4`), per plan unit. */
  LIMIT = 'limit',
  /** Once, when the resource is created. */
  ONE_TIME = 'one-time',
}

/** The period a plan's prices are for. */
export enum PlanUnit {
  MONTH = 'month',
  DAY = 'day',
  HOUR = 'hour',
  ONE_TIME = 'one-time',
}

/** Status of an offering version. */
export enum VersionStatus {
  /** Takes new resources; the default for new resources when it is the newest. */
  AVAILABLE = 'available',
  /** Takes new resources when asked for by number. */
  BETA = 'beta',
  /** Takes no new resources; existing ones keep running. */
  DEPRECATED = 'deprecated',
}
