import type { PlanSummary } from '../../plugin';

/**
 * What the plugin reads of `terraform show -json <saved plan>` (Terraform's "JSON Output Format"
 * page, format version 1.x): the resource changes, the output changes, the drift found by
 * refreshing, and the planned values (the resources and outputs as they will be).
 */
export interface PlanJson {
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  output_changes?: Record<string, { actions: string[] }>;
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
 * The summary an approver sees: resource instances to add (`create`, a replacement's create),
 * change (`update`) and destroy (`delete`, a replacement's delete), each touched one by address
 * with its actions, and the outputs whose value changes. As Terraform's own "Plan: N to add, N
 * to change, N to destroy" counts them; `read` (a data source) is listed but not counted.
 */
export function planSummary(plan: PlanJson): PlanSummary {
  const changes = (plan.resource_changes ?? []).filter((c) => !isNoOp(c.change.actions));
  const count = (action: string) => changes.filter((c) => c.change.actions.includes(action)).length;
  return {
    add: count('create'),
    change: count('update'),
    destroy: count('delete'),
    resource_changes: changes.map((c) => ({ address: c.address, actions: c.change.actions })),
    output_changes: Object.entries(plan.output_changes ?? {})
      .filter(([, change]) => !isNoOp(change.actions))
      .map(([name]) => name),
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

/** The addresses of the managed resource instances the plan leaves in place (the module's resources after an apply). */
export const plannedResources = (plan: PlanJson): string[] => managedResources(plan.planned_values?.root_module);

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
