import type { MANAGEMENT_ACTIONS, OrderType } from '../orders/order-states';
import type { StoredSecret } from '../orders/secret-attributes';

/**
 * The contract between the worker and a provisioning plugin. A plugin turns one executing order
 * into an outcome, and may report what a resource is now on its backend; the worker owns
 * claiming, retries, state changes, schedules and events, so a new plugin (script, webhook agent,
 * PostgreSQL...) implements `provision` and, where it can, `pull`.
 */

/** What a plugin is given of a resource: `attributes` whole, secret ones included; a plugin must not echo them. */
export interface PluginResource {
  id: string;
  name: string;
  /** The id the backend gave at creation; '' before. */
  backend_id: string;
  attributes: Record<string, unknown>;
  limits: Record<string, number>;
  outputs: Record<string, unknown>;
  /** The plugin's own record of the resource (its last `state`), as it gave it; {} before. */
  backend_state: Record<string, unknown>;
  /** Mercato's state: Creating, OK, Paused, Updating, Terminating, Terminated, Erred. */
  state: string;
  /** Which of `attributes` are secret, each with its path and value: for masking them in what a plugin reports. */
  secret_attributes?: StoredSecret[];
}

/** An offering as its plugin sees it: `secret_options` whole (a password, an admin URL, a signing secret). */
export interface PluginOffering {
  id: string;
  slug: string;
  plugin_options: Record<string, unknown>;
  secret_options: Record<string, unknown>;
}

export interface ProvisioningJob {
  /**
   * The executing order. `attributes`, `limits`, `plan_id` and `version` are what the resource is
   * to be after it (for pause, resume, restart and terminate: what it is). `attempts` counts the
   * runs of this order, this one included.
   */
  order: {
    id: string;
    type: OrderType;
    attributes: Record<string, unknown>;
    limits: Record<string, number>;
    plan_id: string;
    version: string;
    attempts: number;
    /** Which of `attributes` are secret, each with its path and value: for masking them in what a plugin reports. */
    secret_attributes?: StoredSecret[];
  };
  resource: PluginResource;
  offering: PluginOffering;
  /** Where the run writes what it did, kept with the order for those who may read it; absent: nowhere. */
  log?: RunLog;
}

/**
 * The log of one run of a plugin for an order (a `terraform` plan or apply), kept with the order.
 * The plugin masks secrets before writing: the log is shown to the project's managers and the
 * offering's provider as it was written.
 */
export interface RunLog {
  /** Appends `text` (any length, newlines kept) to the log of `step` (`init`, `plan`, `apply`...) of this run. */
  write(step: string, text: string): Promise<void>;
}

/**
 * What carrying out an order would change on the backend, as Terraform's plan says it, for an
 * approver to see before approving: counts of resource instances to add, change (in place) and
 * destroy (a replacement counts as one add and one destroy), each change by address, and the
 * outputs that would change. Facts: `terraform show -json` of a saved plan (`resource_changes`,
 * `output_changes`, each with `change.actions`).
 */
export interface PlanSummary {
  add: number;
  change: number;
  destroy: number;
  /** Each resource instance the plan touches (no-op ones left out), by address, with Terraform's actions (`create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`). */
  resource_changes: Array<{ address: string; actions: string[] }>;
  /** Names of the outputs whose value would change. */
  output_changes: string[];
}

/** What a backend reports of a resource; a field left out is unchanged. */
export interface BackendReport {
  backend_id?: string;
  outputs?: Record<string, unknown>;
  secret_outputs?: Record<string, unknown>;
  /** The plugin's own record of the resource, kept and given back to it; shown as `backend_state`. */
  state?: Record<string, unknown>;
}

export type ProvisioningOutcome =
  | ({ status: 'done' } & BackendReport & AppliedPlan)
  /** Someone outside completes the order later through the API (`/orders/<id>/complete` or `/fail`). */
  | { status: 'waiting'; message?: string }
  | ({ status: 'erred'; reason: string } & AppliedPlan);

/** The plan a run carried out (or failed to), kept on the order beside the one shown before approval. */
export interface AppliedPlan {
  plan?: PlanSummary;
}

/** Amounts used of an offering's `usage` components since the start of the current month (UTC), by component type. */
export type Usage = Record<string, number>;

export type PullResult =
  | ({ status: 'present'; usage?: Usage } & BackendReport)
  /** The backend no longer has the resource: it becomes Erred with this reason. */
  | { status: 'missing'; reason: string };

/** Orders besides create, update and terminate that a plugin carries out, when it says so. */
export type ManagementAction = (typeof MANAGEMENT_ACTIONS)[number];

export interface ProvisioningPlugin {
  /** The offering `type` that selects it. */
  type: string;
  description: string;
  /** JSON Schema of the offering's `plugin_options` for this plugin. */
  optionsSchema?: object;
  /** JSON Schema of the offering's `secret_options` for this plugin; write-only values. */
  secretOptionsSchema?: object;
  /** The management actions it carries out; orders of other actions are refused when placed. */
  actions?: ManagementAction[];
  /**
   * The management actions it carries out for one offering, where that depends on the offering's
   * `plugin_options` (a `script` offering without a `pause` command cannot pause); a subset of
   * `actions`. Without it, `actions` holds for every offering.
   */
  actionsFor?(offering: Pick<PluginOffering, 'id' | 'slug' | 'plugin_options'>): ManagementAction[];
  /**
   * Carries out an executing order. Throwing is taken as `erred` with the error's message.
   * `signal` aborts when the server stops; the order is then run again by the next worker.
   * `handOver` is for a plugin that tells an outside system to complete the order through the API
   * (a site agent): called before telling it, it makes the order wait for that completion at once,
   * so an answer that comes before `provision` returns is accepted. The worker still holds the
   * order until then: an `erred` outcome (the outside system could not be told) applies unless
   * the order was completed meanwhile, and a worker that dies while telling it runs it again.
   * (Optional for callers other than the worker, such as a test calling a plugin directly.)
   */
  provision(job: ProvisioningJob, signal: AbortSignal, handOver?: () => Promise<void>): Promise<ProvisioningOutcome>;
  /**
   * What carrying out an order would change, without changing anything: for an order waiting for
   * approval, so the approver sees it first. Throwing is taken as "the plan failed" with the
   * error's message, shown to the approver in place of the summary.
   */
  plan?(job: ProvisioningJob, signal: AbortSignal): Promise<PlanSummary>;
  /** What the backend has of the resource now; the worker calls it on a schedule for resources that are OK or Paused. */
  pull?(subject: { resource: PluginResource; offering: PluginOffering }, signal: AbortSignal): Promise<PullResult>;
  /**
   * Rules across `plugin_options` and `secret_options` that their two schemas cannot state (a
   * secret required when an option is set), checked after the schemas on the options as they
   * will be after an offering is written; each error names its field (`secret_options.signing_secret`).
   */
  checkOptions?(options: OfferingOptions): Array<{ field: string; message: string }>;
  /**
   * How long an order of the offering may wait for an outside completion (`waiting`), in seconds
   * from when it started executing, and the reason it becomes `erred` with past that; undefined:
   * it waits as long as it takes. The worker looks for such orders with its heartbeat.
   */
  waitingTimeout?(offering: Pick<PluginOffering, 'plugin_options'>): { seconds: number; reason: string } | undefined;
}

/** An offering's options as its plugin is given them to check. */
export interface OfferingOptions {
  plugin_options: Record<string, unknown>;
  secret_options: Record<string, unknown>;
}
