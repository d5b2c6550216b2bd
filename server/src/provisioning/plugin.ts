/**
 * The contract between the worker and a provisioning plugin. A plugin turns one executing order
 * into an outcome; the worker owns claiming, retries, state changes and events, so a new plugin
 * (script, webhook agent, PostgreSQL...) only implements `provision`.
 */
export interface ProvisioningJob {
  /** `attributes` are whole here, secret ones included: a plugin needs them, and must not echo them. */
  order: {
    id: string;
    type: 'create' | 'update' | 'terminate';
    attributes: Record<string, unknown>;
    limits: Record<string, number>;
    plan_id: string;
    version: string;
    attempts: number;
  };
  resource: {
    id: string;
    name: string;
    backend_id: string;
    attributes: Record<string, unknown>;
    limits: Record<string, number>;
    outputs: Record<string, unknown>;
  };
  offering: {
    id: string;
    slug: string;
    plugin_options: Record<string, unknown>;
    secret_options: Record<string, unknown>;
  };
}

export type ProvisioningOutcome =
  | { status: 'done'; backend_id?: string; outputs?: Record<string, unknown>; secret_outputs?: Record<string, unknown> }
  /** Someone outside completes the order later through the API (`/orders/<id>/complete` or `/fail`). */
  | { status: 'waiting'; message?: string }
  | { status: 'erred'; reason: string };

export interface ProvisioningPlugin {
  type: string;
  description: string;
  /** JSON Schema of the offering's `plugin_options` for this plugin. */
  optionsSchema?: object;
  provision(job: ProvisioningJob, signal: AbortSignal): Promise<ProvisioningOutcome>;
}
