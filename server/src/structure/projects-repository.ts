import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database';
import type { ProjectRow, Tables } from '../db/tables';
import type { Page } from '../http/route-context';

/** The SQL of projects. `db` may be a transaction. */

/** A project not deleted, by id. */
export function findLiveProject(db: Db, id: string) {
  return db.selectFrom('projects').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** A project, deleted or not: the organization it belongs to. */
export function projectRef(db: Db, id: string) {
  return db.selectFrom('projects').select(['id', 'organization_id']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** Which projects a caller sees, as ids of organizations it owns and of projects it is a member of. */
interface ProjectScope {
  ownedOrganizationIds: string[];
  memberProjectIds: string[];
}

/**
 * One page of the projects not deleted, by id, with the filters given, within `scope`
 * (undefined: all); one row more than the limit tells there is a next page.
 */
export function listProjects(
  db: Db,
  page: Page,
  filters: { organization_id?: string; name?: string },
  scope?: ProjectScope,
) {
  let query = db
    .selectFrom('projects')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  if (filters.organization_id) query = query.where('organization_id', '=', filters.organization_id);
  if (filters.name) query = query.where('name', '=', filters.name);
  if (scope) {
    const { ownedOrganizationIds: owned, memberProjectIds: member } = scope;
    query = query.where((eb: ExpressionBuilder<Tables, 'projects'>) =>
      eb.or([
        ...(owned.length ? [eb('organization_id', 'in', owned)] : []),
        ...(member.length ? [eb('id', 'in', member)] : []),
      ]),
    );
  }
  return query.execute();
}

/** Whether the organization has a project not deleted. */
export async function hasLiveProject(db: Db, organizationId: string) {
  return (
    (await db
      .selectFrom('projects')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) !== undefined
  );
}

export async function insertProject(db: Db, row: ProjectRow) {
  await db.insertInto('projects').values(row).execute();
}

export async function updateProject(db: Db, id: string, changes: Partial<ProjectRow>) {
  await db.updateTable('projects').set(changes).where('id', '=', id).execute();
}

/** Its members stay: they are who may read its history. */
export async function markProjectDeleted(db: Db, id: string, at: string) {
  await db.updateTable('projects').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
}
