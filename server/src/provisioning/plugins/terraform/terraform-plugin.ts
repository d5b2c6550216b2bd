import { KeyedSemaphore } from '../../keyed-semaphore';
import type {
  PlanSummary,
  ProvisioningJob,
  ProvisioningOutcome,
  ProvisioningPlugin,
  PullResult,
  PluginOffering,
  PluginResource,
} from '../../plugin';
import { NAME_PATTERN, SYSTEM_PATTERN } from '../../../registry/modules/module-address';
import { splitOutputs } from './module-outputs';
import { driftOf, refreshedResources } from './plan-summary';
import { MODULE_CALL } from './root-module';
import { RunFailed, TerraformRun, type RunRequest, type RunSettings } from './terraform-run';

const part = (pattern: string) => pattern.slice(1, -1);

/** A module address in Mercato's registry, `NAMESPACE/NAME/SYSTEM` (the host is the server's own). */
const MODULE_ADDRESS_PATTERN = `^${part(NAME_PATTERN)}/${part(NAME_PATTERN)}/${part(SYSTEM_PATTERN)}$`;

const TERRAFORM_OPTIONS_SCHEMA = {
  type: 'object',
  required: ['module'],
  additionalProperties: false,
  properties: {
    module: {
      type: 'string',
      pattern: MODULE_ADDRESS_PATTERN,
      description:
        "The module in Mercato's registry that resources of this offering are made of, `NAMESPACE/NAME/SYSTEM`; each offering version pins the module version of the same number.",
    },
  },
} as const;

/** What the plugin needs of the server it runs in (terraform-run.ts documents each setting). */
export type TerraformPluginSettings = RunSettings;

/** What a pull reports in `backend_state`, besides the module and its resources. */
type Drift = Array<{ address: string; actions: string[] }>;

/**
 * The `terraform` plugin: a resource is an instance of a module from Mercato's registry, applied
 * by the real Terraform CLI on the server with its state in the project's state backend
 * (`resource-<resource id>`). Each run: its own working directory and run token (terraform-run.ts);
 * one run per resource at a time in this process (the state's lock keeps replicas apart).
 * - create and update: init, one `apply -auto-approve` (two processes where a saved plan took
 *   four: bench/README.md "Module-backed offerings"), the outputs read from the state it wrote;
 *   the plan summary of its messages is the outcome's `plan`. An update to another offering
 *   version upgrades the module.
 * - terminate: the same with `-destroy`; the state is left with no resources.
 * - plan (for an approver): init and a plan with `-lock=false`; nothing applied.
 * - pull: a refresh-only plan: `backend_state.drift` lists resources changed or deleted behind
 *   Terraform's back, and the outputs are refreshed.
 */
export function terraformPlugin(settings: TerraformPluginSettings): ProvisioningPlugin {
  // A state lock would refuse a second run anyway; waiting here makes it take its turn instead.
  const perResource = new KeyedSemaphore();
  const inits = new KeyedSemaphore();

  /** Runs `body` in a prepared run of `request`, one per resource at a time; the run is always cleaned up. */
  async function withRun<T>(request: RunRequest, signal: AbortSignal, body: (run: TerraformRun) => Promise<T>) {
    const release = await perResource.acquire(request.resourceId, 1, signal);
    try {
      const run = await TerraformRun.start(settings, request, signal);
      try {
        return await body(run);
      } finally {
        await run.end();
      }
    } finally {
      release();
    }
  }

  const orderRequest = (job: ProvisioningJob): RunRequest => ({
    resourceId: job.resource.id,
    offeringOptions: job.offering.plugin_options,
    orderId: job.order.id,
    version: job.order.version,
    attributes: job.order.attributes,
    secrets: [...(job.order.secret_attributes ?? []), ...(job.resource.secret_attributes ?? [])],
    log: job.log,
  });

  const moduleState = (run: TerraformRun, resources: string[]) => ({
    module: run.subject.modulePath,
    module_version: run.subject.version,
    resources: resources.filter((address) => address.startsWith(`module.${MODULE_CALL}.`)),
  });

  return {
    type: 'terraform',
    description:
      "Applies a module from Mercato's registry with the Terraform CLI: the order's attributes are the module's inputs, its outputs the resource's outputs (sensitive ones secret outputs). The state is `resource-<resource id>` in the project's Terraform state backend; pulls report drift in `backend_state.drift`.",
    optionsSchema: TERRAFORM_OPTIONS_SCHEMA,

    async provision(job, signal): Promise<ProvisioningOutcome> {
      try {
        return await withRun({ ...orderRequest(job), applies: true }, signal, async (run) => {
          await run.init(inits);
          const plan = await run.apply(job.order.type === 'terminate' ? ['-destroy'] : []);
          const { resources, ...outputs } = await run.appliedState();
          return { status: 'done', backend_id: run.stateName, ...outputs, state: moduleState(run, resources), plan };
        });
      } catch (error) {
        if (error instanceof RunFailed) return { status: 'erred', reason: error.message, plan: error.plan };
        throw error;
      }
    },

    async plan(job, signal): Promise<PlanSummary> {
      return withRun(orderRequest(job), signal, async (run) => {
        await run.init(inits);
        return run.preview(['-lock=false', ...(job.order.type === 'terminate' ? ['-destroy'] : [])]);
      });
    },

    async pull({ resource, offering }, signal): Promise<PullResult> {
      return withRun(pullRequest(resource, offering), signal, async (run) => {
        await run.init(inits);
        // A plan writes no state: without the lock a pull never blocks an order's run, nor leaves a lock behind.
        const json = await run.savedPlan(['-refresh-only', '-lock=false']);
        const drift: Drift = driftOf(json);
        return {
          status: 'present',
          ...splitOutputs(json.planned_values?.outputs ?? {}),
          state: { ...moduleState(run, refreshedResources(json)), drift },
        };
      });
    },
  };
}

/** A pull's run: the resource as it is, at its own version. */
function pullRequest(resource: PluginResource, offering: PluginOffering): RunRequest {
  return {
    resourceId: resource.id,
    offeringOptions: offering.plugin_options,
    attributes: resource.attributes,
    secrets: resource.secret_attributes ?? [],
  };
}
