import type { Db } from '../../../db/database';
import { findState, findVersionById } from '../../../terraform-state/terraform-states-repository';

/** What the plugin reads of a state file (format version 4): root outputs and resource instances. */
interface StateFileJson {
  outputs?: Record<string, { value?: unknown; sensitive?: boolean }>;
  resources?: Array<{
    module?: string;
    mode?: string;
    type: string;
    name: string;
    instances?: Array<{ index_key?: unknown }>;
  }>;
}

/** A state's root outputs (`{value, sensitive}` each) and its managed resource instances by address, sorted. */
export interface RunState {
  outputs: Record<string, { value?: unknown; sensitive?: boolean }>;
  resources: string[];
}

/**
 * The state a run's Terraform wrote last to the project's backend (`resource-<id>`), read from
 * the database it was written to: after an apply it holds the root outputs, sensitive ones
 * included (which `apply -json` leaves out), and the resources the module has now. A state never
 * written (a run that created nothing) is empty.
 */
export async function readRunState(db: Db, projectId: string, stateName: string): Promise<RunState> {
  const state = await findState(db, projectId, stateName);
  const version = state?.current_version_id ? await findVersionById(db, state.current_version_id) : undefined;
  const file = version ? (JSON.parse(version.content) as StateFileJson) : {};
  return { outputs: file.outputs ?? {}, resources: managedInstances(file).sort() };
}

/** Each managed resource instance's address as Terraform writes it: `module.main.terraform_data.node[0]`, `...["key"]`. */
function managedInstances(file: StateFileJson): string[] {
  return (file.resources ?? [])
    .filter((resource) => resource.mode !== 'data')
    .flatMap((resource) => {
      const base = `${resource.module ? `${resource.module}.` : ''}${resource.type}.${resource.name}`;
      return (resource.instances ?? []).map((instance) =>
        instance.index_key === undefined ? base : `${base}[${JSON.stringify(instance.index_key)}]`,
      );
    });
}
