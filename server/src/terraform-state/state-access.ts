import type { Principal } from '../auth/principal';
import { canSeeProject, managesProject } from '../auth/access';
import type { Db } from '../db/database';
import type { ProjectRow } from '../db/tables';
import { forbidden, notFound } from '../http/problem';
import { findLiveProject } from '../structure/projects-repository';

/**
 * Who may do what with a project's Terraform states: its members (and everyone who sees the
 * project) read them, its managers, its organization's owners and staff write, lock, unlock,
 * delete and restore them (`managesProject`), and only they read a state's full content, since
 * it holds every resource's attributes, secrets among them.
 */

/** A project, what the caller may do with its states. */
export interface StateProject {
  project: ProjectRow;
  /** May write, lock, restore and read the full content. */
  mayWrite: boolean;
}

/**
 * The project of a backend request (Terraform's http backend). A project the caller may not see,
 * or that does not exist, is answered 403 rather than the API's usual 404: Terraform takes a 404
 * from its state address as "no state yet" and would plan to create everything anew.
 */
export async function backendProject(db: Db, p: Principal, projectId: string): Promise<StateProject> {
  const project = await findLiveProject(db, projectId);
  if (!project || !canSeeProject(p, project))
    throw forbidden(`no project ${projectId} whose Terraform states you may use`);
  return { project, mayWrite: managesProject(p, project) };
}

/** The project of a request of the API's own routes: 404 when the caller may not see it. */
export async function visibleProject(db: Db, p: Principal, projectId: string): Promise<StateProject> {
  const project = await findLiveProject(db, projectId);
  if (!project || !canSeeProject(p, project)) throw notFound('project', projectId);
  return { project, mayWrite: managesProject(p, project) };
}

/** Refuses a change by someone who may only read. */
export function assertMayWrite(access: StateProject, action: string): void {
  if (!access.mayWrite)
    throw forbidden(
      `only the project's managers, its organization's owners and staff ${action} its Terraform states; project members read them`,
    );
}
