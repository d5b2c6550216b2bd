import type { PlanSummary } from '../../plugin';
import type { UiMessage } from './terraform-process';

/**
 * What the plugin reads of `terraform show -json <saved plan>` of a pull's refresh-only plan
 * (Terraform's "JSON Output Format" page, format version 1.x): the drift found by refreshing,
 * the planned values (the outputs as they are now) and the refreshed state.
 */
export interface PlanJson {
  resource_drift?: ResourceChange[];
  planned_values?: { outputs?: Record<string, { sensitive?: boolean; value?: unknown }>; root_module?: ModuleValues };
  /** The state as refreshed before planning (for a refresh-only plan: what is real now). */
  prior_state?: { values?: { root_module?: ModuleValues } };
}

interface ResourceChange {
  address: string;
  mode?: string;
  change: { actions: string[] };
}

interface ModuleValues {
  resources?: Array<{ address: string; mode?: string }>;
  child_modules?: ModuleValues[];
}

const isNoOp = (actions: string[]) => actions.length === 1 && actions[0] === 'no-op';

/**
 * A planned change's action in the machine-readable UI (`planned_change`, `change.action`) as
 * the actions of the JSON plan format; undefined for one that changes no object (`noop`, and a
 * `move` or `import` alone). A `replace` is `["delete", "create"]`: the UI does not say whether
 * the resource creates before destroying.
 */
const STREAMED_ACTIONS: Record<string, string[] | undefined> = {
  create: ['create'],
  read: ['read'],
  update: ['update'],
  replace: ['delete', 'create'],
  delete: ['delete'],
  remove: ['forget'],
};

/**
 * The summary of the plan a `plan -json` or `apply -json` run printed (Terraform's
 * "Machine-Readable UI" page): each `planned_change` by address, the counts of the plan's
 * `change_summary` ("Plan: N to add, N to change, N to destroy"), the outputs whose `outputs`
 * message action is not `noop`. Undefined when the run printed no plan (it failed before).
 */
export function streamedPlanSummary(messages: UiMessage[]): PlanSummary | undefined {
  const counts = messages.find((m) => m.type === 'change_summary' && m.changes?.operation !== 'apply')?.changes;
  if (!counts) return undefined;
  const resourceChanges = messages.flatMap((m) => {
    const actions = m.type === 'planned_change' ? STREAMED_ACTIONS[m.change?.action ?? ''] : undefined;
    return actions && m.change ? [{ address: m.change.resource.addr, actions }] : [];
  });
  const outputs = messages.find((m) => m.type === 'outputs')?.outputs ?? {};
  return {
    add: counts.add,
    change: counts.change,
    destroy: counts.remove,
    resource_changes: resourceChanges.sort((a, b) => a.address.localeCompare(b.address)),
    output_changes: Object.entries(outputs)
      .filter(([, output]) => output.action !== undefined && output.action !== 'noop')
      .map(([name]) => name)
      .sort(),
  };
}

/**
 * What a refresh-only plan found changed outside Terraform: each managed resource instance whose
 * real object differs from the state (`update`) or is gone (`delete`), by address.
 */
export function driftOf(plan: PlanJson): Array<{ address: string; actions: string[] }> {
  return (plan.resource_drift ?? [])
    .filter((d) => d.mode !== 'data' && !isNoOp(d.change.actions))
    .map((d) => ({ address: d.address, actions: d.change.actions }));
}

/** The addresses of the managed resource instances in the refreshed state (for a refresh-only plan: those that still exist). */
export const refreshedResources = (plan: PlanJson): string[] => managedResources(plan.prior_state?.values?.root_module);

function managedResources(root: ModuleValues | undefined): string[] {
  const addresses: string[] = [];
  const walk = (module: ModuleValues | undefined) => {
    for (const r of module?.resources ?? []) if (r.mode !== 'data') addresses.push(r.address);
    for (const child of module?.child_modules ?? []) walk(child);
  };
  walk(root);
  return addresses.sort();
}
