import type { MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import { resolveProjectId } from '../objects/references';

/** A Terraform state as a person names it: its project (name or id) and its name in the project. */
export interface StateRef {
  projectId: string;
  name: string;
  /** The state's path in the API: `/projects/<id>/terraform-states/<name>`. */
  path: string;
}

const USAGE = 'name a Terraform state as PROJECT/NAME (the project by name or id), e.g. team-a/network';

/**
 * `PROJECT/NAME` to the state's project id and name. A state's name holds no `/`, so the project
 * is everything before the last one (a project's name may hold one).
 */
export async function resolveStateRef(client: MercatoClient, ref: string): Promise<StateRef> {
  const slash = ref.lastIndexOf('/');
  if (slash <= 0 || slash === ref.length - 1) throw new CliError(`"${ref}" is not PROJECT/NAME: ${USAGE}`);
  const projectId = await resolveProjectId(client, ref.slice(0, slash));
  const name = ref.slice(slash + 1);
  return { projectId, name, path: `/projects/${projectId}/terraform-states/${encodeURIComponent(name)}` };
}

/** The id of the state `PROJECT/NAME`, deleted or not; a clear error when the project has none of that name. */
export async function stateIdOf(client: MercatoClient, ref: string): Promise<string> {
  const state = await resolveStateRef(client, ref);
  const found = await client.listAll<{ id: string; name: string }>('/terraform-states', {
    project_id: state.projectId,
    include_deleted: true,
  });
  const match = found.find((s) => s.name === state.name);
  if (!match)
    throw new CliError(
      `project ${state.projectId} has no Terraform state "${state.name}"${found.length ? `; it has: ${found.map((s) => s.name).join(', ')}` : ''}`,
    );
  return match.id;
}
