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
 *
 * A resource's state (`resource-<resource id>`, of a resource of the project: the `terraform`
 * plugin keeps a module-backed resource there) is written by the plugin's runs only, each with
 * its run token (auth/run-grants.ts): people, managers and staff too, read its outputs that are
 * not sensitive and its facts, never write, lock, delete or restore it and never get its full
 * content (it holds the module's inputs, secret ones among them). Those who manage the project
 * may still release its lock, for a run that a crash stopped while holding it. A run token uses
 * its own state and no other.
 */

/** A project, what the caller may do with one of its states (or with its states in general). */
export interface StateProject {
  project: ProjectRow;
  /** May write, lock, restore and delete. */
  mayWrite: boolean;
  /** May read the state file as it was written (else: its outputs that are not sensitive). */
  mayReadContent: boolean;
  /** May release a lock (`terraform force-unlock`): also people who manage the project for a resource's state, to clear the lock of a run a crash left behind. */
  mayUnlock: boolean;
  /** The resource whose state it is, when it is one (people may not change it). */
  resourceId?: string;
}

/** The state of a resource in its project's backend, kept by the `terraform` plugin's runs: `resource-<resource id>`. */
export const resourceStateName = (resourceId: string) => `resource-${resourceId}`;

/** The resource id a state's name names, when it is of the form resourceStateName makes. */
const RESOURCE_STATE = /^resource-(.+)$/;

/** The resource of the project whose state `name` is, if any. */
async function owningResource(db: Db, projectId: string, name: string): Promise<string | undefined> {
  const id = RESOURCE_STATE.exec(name)?.[1];
  if (!id) return undefined;
  const row = await db
    .selectFrom('resources')
    .select('id')
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row?.id;
}

/** What a caller who sees the project may do with its state `name`. */
async function accessTo(db: Db, p: Principal, project: ProjectRow, name: string): Promise<StateProject> {
  const manages = managesProject(p, project);
  const resourceId = await owningResource(db, project.id, name);
  if (resourceId) return { project, mayWrite: false, mayReadContent: false, mayUnlock: manages, resourceId };
  return { project, mayWrite: manages, mayReadContent: manages, mayUnlock: manages };
}

/**
 * The project of a backend request (Terraform's http backend) for its state `name`. A project the
 * caller may not see, or that does not exist, is answered 403 rather than the API's usual 404:
 * Terraform takes a 404 from its state address as "no state yet" and would plan to create
 * everything anew. A run token: its own state only, with full rights.
 */
export async function backendProject(db: Db, p: Principal, projectId: string, name: string): Promise<StateProject> {
  const project = await findLiveProject(db, projectId);
  if (p.run) {
    if (!project || p.run.projectId !== projectId || p.run.stateName !== name)
      throw forbidden("a Terraform run's token uses its resource's state and no other");
    return { project, mayWrite: true, mayReadContent: true, mayUnlock: true, resourceId: p.run.resourceId };
  }
  if (!project || !canSeeProject(p, project))
    throw forbidden(`no project ${projectId} whose Terraform states you may use`);
  return accessTo(db, p, project, name);
}

/** The project of a request of the API's own routes: 404 when the caller may not see it. */
export async function visibleProject(db: Db, p: Principal, projectId: string): Promise<ProjectRow> {
  const project = await findLiveProject(db, projectId);
  if (!project || !canSeeProject(p, project)) throw notFound('project', projectId);
  return project;
}

/** What a caller who sees the project (visibleProject) may do with its state `name`. */
export const stateAccess = (db: Db, p: Principal, project: ProjectRow, name: string) => accessTo(db, p, project, name);

/** Refuses a change by someone who may only read; releasing a lock (`action` `unlock`) by someone who may not. */
export function assertMayWrite(access: StateProject, action: string): void {
  if (action === 'unlock' ? access.mayUnlock : access.mayWrite) return;
  if (access.resourceId)
    throw forbidden(
      `this state belongs to resource ${access.resourceId}: only its orders' Terraform runs ${action} it (people read its outputs); change the resource through orders`,
    );
  throw forbidden(
    `only the project's managers, its organization's owners and staff ${action} its Terraform states; project members read them`,
  );
}
