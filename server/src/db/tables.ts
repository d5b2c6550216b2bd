import type { OrderState, OrderType } from '../orders/order-states';

/**
 * Row shapes as stored. JSON values are TEXT columns (the same on SQLite and PostgreSQL),
 * booleans are 0/1 integers and times are ISO-8601 strings, so one set of migrations and
 * queries serves both databases.
 */
export interface UserRow {
  id: string;
  username: string;
  email: string;
  is_staff: number;
  created_at: string;
}

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
}

export interface OrganizationRow {
  id: string;
  name: string;
  /** Unique; the organization's namespace in the Terraform registry. A deleted one's is `slug~id`. */
  slug: string;
  description: string;
  /** 1 when staff let the server run its namespace's Terraform modules (`terraform` offerings); 0 otherwise. */
  terraform_runs_allowed?: number;
  created_at: string;
  updated_at: string;
  /** When it was deleted; deleted rows stay as history but are not listed or found. */
  deleted_at?: string | null;
}

export interface MembershipRow {
  user_id: string;
  role: string;
  created_at: string;
}

export interface OrganizationMemberRow extends MembershipRow {
  organization_id: string;
}

export interface ProjectMemberRow extends MembershipRow {
  project_id: string;
}

export interface ProjectRow {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
  /** When it was deleted; deleted rows stay as history but are not listed or found. */
  deleted_at?: string | null;
}

export interface CategoryRow {
  id: string;
  title: string;
  description: string;
  created_at: string;
  updated_at: string;
  /** When it was deleted; deleted rows stay as history but are not listed or found. */
  deleted_at?: string | null;
}

export interface OfferingRow {
  id: string;
  organization_id: string;
  category_id: string;
  name: string;
  slug: string;
  description: string;
  type: string;
  platform: string;
  tags: string;
  /** What the catalog shows: `requested_status`, except `draft` while an offering asked to be `active` cannot be (catalog/offering-activation.ts). */
  status: string;
  /** The status its provider asked for. */
  requested_status: string;
  /** Why `status` is not `requested_status` (what is missing); '' when they agree. */
  status_reason: string;
  /** `public`, or `restricted` to the organizations and projects of its `offering_audience` rows. */
  visibility: string;
  auto_approve: number;
  plugin_options: string;
  secret_options: string;
  documentation_url: string;
  requirements: string;
  components: string;
  /** 1: paused time is billed like active time (the default); 0: paused time is free (migration 019). */
  bill_paused?: number;
  created_at: string;
  updated_at: string;
  /** When it was deleted; deleted rows stay as history but are not listed or found. */
  deleted_at?: string | null;
}

/**
 * One organization or project a restricted offering is shown to. A whole organization has
 * `project_id` ''; a project carries its organization too, whose owners see what it may order.
 */
export interface OfferingAudienceRow {
  offering_id: string;
  organization_id: string;
  project_id: string;
}

export interface OfferingVersionRow {
  id: string;
  offering_id: string;
  version: string;
  options_schema: string;
  changelog: string;
  status: string;
  deprecation_message: string;
  replacement_version: string;
  created_at: string;
  updated_at: string;
}

export interface PlanRow {
  id: string;
  offering_id: string;
  name: string;
  description: string;
  unit: string;
  /** JSON: decimal strings by component type (numbers in rows from before migration 018). */
  prices: string;
  /** Per limit-billed component, its allowed range (JSON; catalog/plan-limits.ts). */
  limits: string;
  /** ISO 4217 code (billing/currencies.ts). */
  currency: string;
  archived: number;
  created_at: string;
  updated_at: string;
  /** When its provider deleted it; kept for the invoices that bill it (migration 020). Live rows have none. */
  deleted_at?: string | null;
}

export interface ResourceRow {
  id: string;
  name: string;
  project_id: string;
  offering_id: string;
  plan_id: string;
  version: string;
  /** The configuration without its secrets: what may be shown. */
  attributes: string;
  /** The secret values of the configuration with their paths (orders/secret-attributes.ts). */
  secret_attributes: string;
  limits: string;
  state: string;
  backend_id: string;
  outputs: string;
  secret_outputs: string;
  /** The plugin's own record of the resource (JSON), as its last create, update or pull gave it. */
  backend_state: string;
  /** When its plugin last reported on it (a pull), or ''. */
  pulled_at: string;
  /** Why it is Erred: its create order's failure, or its backend lost it; '' otherwise. */
  error_message: string;
  created_at: string;
  updated_at: string;
}

export interface OrderRow {
  id: string;
  type: OrderType;
  state: OrderState;
  project_id: string;
  offering_id: string;
  resource_id: string;
  plan_id: string;
  version: string;
  /** The configuration the order leads to, without its secrets; they are in secret_attributes. */
  attributes: string;
  secret_attributes: string;
  limits: string;
  /** The CostEstimate (JSON, billing/cost-estimate.ts) when placed, for create and update orders; ''. */
  cost_estimate?: string;
  /** What the order changes on an update: a JSON list of field names. */
  changes: string;
  created_by: string;
  consumer_approved_by: string | null;
  provider_approved_by: string | null;
  reason: string;
  idempotency_key: string | null;
  /** SHA-256 of the request the key came with (see http/idempotency.ts); null without a key. */
  idempotency_fingerprint: string | null;
  /** Provisioning job: queued, running (claimed by a worker), waiting (external), or null. */
  job_state: string | null;
  claimed_by: string | null;
  /** The resource's state before the order claimed it: where it goes back to when the order fails. */
  prior_resource_state: string;
  attempts: number;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  /** The plan previewed while it waits for approval (provisioning/plan-previews.ts): queued, planning, planned, failed, stopped; null: none. */
  plan_state?: string | null;
  /** The worker that holds the planning. */
  plan_claimed_by?: string | null;
  /** The PlanSummary (JSON) once planned; ''. */
  plan_summary?: string;
  /** Why the plan failed (secrets masked); ''. */
  plan_error?: string;
  planned_at?: string | null;
  /** The PlanSummary (JSON) its run carried out, as its plugin reported it; ''. */
  applied_plan?: string;
  /** Bytes of its log (`order_logs`) so far, for the cap. */
  log_bytes?: number;
}

/** One write to the log of an order's run (provisioning/order-run-log.ts); ordered by id. */
export interface OrderLogRow {
  id: string;
  order_id: string;
  /** The run: 0 for the plan previewed before approval, then the order's `attempts` of each provisioning run. */
  attempt: number;
  /** What the run was doing (`init`, `plan`, `apply`...), as the plugin names it. */
  step: string;
  text: string;
  created_at: string;
}

/** An amount of a `usage` component a resource used in a month, as one report gave it. */
export interface UsageReportRow {
  id: string;
  resource_id: string;
  /** The offering component's `type`. */
  component: string;
  /** The calendar month in UTC, `YYYY-MM`. */
  period: string;
  /** The report's own id: reporting again with it replaces the amount. `pull` for plugins' pulls. */
  report_id: string;
  /** A decimal number as text, never a binary float's rounding. */
  amount: string;
  /** The user who reported it; null for a plugin. */
  reported_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkerRow {
  id: string;
  heartbeat_at: string;
}

export interface EventRow {
  id: string;
  created_at: string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  organization_id: string | null;
  project_id: string | null;
  provider_organization_id: string | null;
  changes: string;
}

export interface IdempotencyKeyRow {
  user_id: string;
  key: string;
  /** Method and path the key was first used for. */
  request: string;
  /** SHA-256 of method, path and body; '' for keys stored before fingerprints were kept. */
  fingerprint: string;
  /** 0 while the first request is still being handled. */
  status: number;
  body: string;
  created_at: string;
}

/** One row: a counter per kind of data a server process caches; see cache-generations.ts. */
export interface CacheGenerationsRow {
  catalog: number;
  access: number;
}

/** A Terraform state of a project (terraform-state/), by name; its content is in its versions. */
export interface TerraformStateRow {
  id: string;
  project_id: string;
  /** Its name in the project, the last segment of its backend address. */
  name: string;
  /** The version Terraform reads; null for a state never written, or deleted. */
  current_version_id: string | null;
  /** The ID of the lock a Terraform run holds on it (Terraform's LockInfo.ID); null when unlocked. */
  lock_id: string | null;
  /** The holder's LockInfo as Terraform sent it (JSON), '' when unlocked. */
  lock_info: string;
  /** The user whose token took the lock. */
  locked_by: string | null;
  locked_at: string | null;
  created_at: string;
  updated_at: string;
  /** When Terraform deleted it; its versions stay, and a write or a restore brings it back. */
  deleted_at: string | null;
}

/** One version of a Terraform state, kept for ever. */
export interface TerraformStateVersionRow {
  id: string;
  state_id: string;
  /** 1 for a state's first version, then one more for each. */
  number: number;
  /** The state file's `serial` and `lineage` (Terraform's own version of it). */
  serial: number;
  lineage: string;
  terraform_version: string;
  /** Digests of `content` in hex. */
  sha256: string;
  md5: string;
  /** Bytes of `content` in UTF-8. */
  size: number;
  /** The state file (JSON) exactly as it was written. */
  content: string;
  /** The `number` of the version this one restored, or null for a write by Terraform. */
  restored_from: number | null;
  created_by: string;
  created_at: string;
}

/** An OpenPGP key that signs providers' SHA256SUMS (registry/providers/signing-keys.ts). */
export interface ProviderSigningKeyRow {
  id: string;
  /** The namespace it signs for; null for the operator's key (MERCATO_PROVIDER_SIGNING_KEY). */
  organization_id: string | null;
  /** The organization Mercato generated it for (one each); null for other keys. */
  generated_for: string | null;
  origin: 'generated' | 'operator' | 'publisher';
  /** 16 upper-case hex digits. */
  key_id: string;
  /** The armored public key. */
  ascii_armor: string;
  /** The armored private key of a generated key; never served. Null for others. */
  private_key: string | null;
  created_at: string;
}

/** A Terraform provider `<organization slug>/<type>` (registry/providers/). */
export interface TerraformProviderRow {
  id: string;
  organization_id: string;
  type: string;
  visibility: 'public' | 'private';
  created_at: string;
  updated_at: string;
}

export interface TerraformProviderVersionRow {
  id: string;
  provider_id: string;
  version: string;
  /** JSON array of plugin protocol versions, e.g. `["6.0"]`. */
  protocols: string;
  /** The SHA256SUMS document. */
  shasums: string;
  /** Its binary detached OpenPGP signature. */
  shasums_signature: Buffer;
  signing_key_id: string;
  published_by: string | null;
  /** When it was yanked (hidden from the versions list); null while it is not. */
  yanked_at: string | null;
  yank_reason: string;
  created_at: string;
}

export interface TerraformProviderPlatformRow {
  version_id: string;
  os: string;
  arch: string;
  filename: string;
  /** SHA-256 of the zip, hex. */
  shasum: string;
  /** Bytes of the zip. */
  size: number;
  archive: Buffer;
}

/** Secrets the registry keeps for all server processes (e.g. the one signing download URLs). */
export interface RegistryUrlSecretRow {
  id: string;
  secret: string;
  created_at: string;
}

/** A module of the registry (registry/modules): `<host>/<namespace>/<name>/<system>`, namespace = its organization's slug. */
export interface ModuleRow {
  id: string;
  organization_id: string;
  name: string;
  system: string;
  /** `public` (anyone, even anonymous, may read and download it) or `private`. */
  visibility: string;
  /** The first paragraph of the latest version's README. */
  description: string;
  /** The highest version not yanked; empty when none. */
  latest_version: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A published version of a module, with its archive. */
export interface ModuleVersionRow {
  id: string;
  module_id: string;
  version: string;
  /** The .tar.gz as uploaded. */
  archive: Buffer;
  /** Hex SHA-256 of the archive. */
  sha256: string;
  /** Bytes of the archive. */
  size: number;
  /** JSON of registry/modules/module-reader.ts's ModuleMetadata. */
  metadata: string;
  published_by: string;
  created_at: string;
  yanked: number;
  yanked_at: string | null;
  yanked_by: string | null;
  deprecated: number;
  deprecation_message: string;
  deprecated_at: string | null;
  deprecated_by: string | null;
}

/** An unredeemed `terraform login` authorization code (registry/login/login-codes.ts). */
export interface TerraformLoginCodeRow {
  /** SHA-256 of the code, hex. */
  code_hash: string;
  user_id: string;
  client_id: string;
  redirect_uri: string;
  code_challenge: string;
  created_at: string;
  expires_at: string;
}

/** A credential of one run of the `terraform` plugin (db/terraform-run-tokens-migration.ts). */
export interface TerraformRunTokenRow {
  id: string;
  /** SHA-256 of the token, hex. */
  token_hash: string;
  /** The order the run carries out; null for a pull. */
  order_id: string | null;
  resource_id: string;
  /** The project whose state `state_name` the run uses. */
  project_id: string;
  state_name: string;
  /** The one module the run may install. */
  module_id: string;
  /** Whom the run acts for in audit events and state versions: the user who placed the resource's latest order. */
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** A cap on an organization or one of its projects (quotas/quota-model.ts); absent parts are ''. */
export interface QuotaRow {
  id: string;
  organization_id: string;
  /** '': the whole organization. */
  project_id: string;
  /** A limit component's type: the quota caps the total of that limit; '' with offering_id. */
  component: string;
  /** The quota caps the number of live resources of this offering; '' with component. */
  offering_id: string;
  limit: number;
  created_at: string;
  updated_at: string;
}

/** A month staff closed (`YYYY-MM`): its invoices are final and it takes no usage report. */
export interface BillingPeriodRow {
  period: string;
  closed_at: string;
  closed_by: string | null;
}

/** A final invoice, written when its month was closed (billing/); pending ones are never stored. */
export interface InvoiceRow {
  id: string;
  organization_id: string;
  period: string;
  state: string;
  /** JSON: [{currency, amount}] in currency order, the sums of the items' rounded amounts. */
  totals: string;
  created_at: string;
}

/** One charge of a final invoice, with the names and prices it was billed with (billing/invoice-item.ts). */
export interface InvoiceItemRow {
  id: string;
  invoice_id: string;
  position: number;
  resource_id: string;
  resource_name: string;
  project_id: string;
  project_name: string;
  offering_id: string;
  offering_name: string;
  provider_organization_id: string;
  plan_id: string;
  plan_name: string;
  plan_unit: string;
  component: string;
  component_name: string;
  billing_type: string;
  measured_unit: string;
  quantity: string;
  unit_price: string;
  currency: string;
  period_start: string;
  period_end: string;
  billed_seconds: number;
  amount: string;
}

export interface Tables {
  idempotency_keys: IdempotencyKeyRow;
  cache_generations: CacheGenerationsRow;
  users: UserRow;
  tokens: TokenRow;
  organizations: OrganizationRow;
  organization_members: OrganizationMemberRow;
  projects: ProjectRow;
  project_members: ProjectMemberRow;
  categories: CategoryRow;
  offerings: OfferingRow;
  offering_audience: OfferingAudienceRow;
  offering_versions: OfferingVersionRow;
  plans: PlanRow;
  resources: ResourceRow;
  orders: OrderRow;
  order_logs: OrderLogRow;
  workers: WorkerRow;
  usage_reports: UsageReportRow;
  events: EventRow;
  modules: ModuleRow;
  module_versions: ModuleVersionRow;
  terraform_states: TerraformStateRow;
  terraform_state_versions: TerraformStateVersionRow;
  provider_signing_keys: ProviderSigningKeyRow;
  terraform_providers: TerraformProviderRow;
  terraform_provider_versions: TerraformProviderVersionRow;
  terraform_provider_platforms: TerraformProviderPlatformRow;
  registry_url_secrets: RegistryUrlSecretRow;
  terraform_login_codes: TerraformLoginCodeRow;
  terraform_run_tokens: TerraformRunTokenRow;
  quotas: QuotaRow;
  billing_periods: BillingPeriodRow;
  invoices: InvoiceRow;
  invoice_items: InvoiceItemRow;
}
