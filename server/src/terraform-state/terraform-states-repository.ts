import type { Db } from '../db/database';
import type { TerraformStateRow, TerraformStateVersionRow } from '../db/tables';
import type { Page } from '../http/route-context';
import { newId } from '../ids';

/** The SQL of Terraform states and their versions. `db` may be a transaction. */

/** A state of a project by name, deleted or not. */
export function findState(db: Db, projectId: string, name: string) {
  return db
    .selectFrom('terraform_states')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The state of that name, made (empty, unlocked) when the project has none yet; safe when two requests race. */
export async function ensureState(db: Db, projectId: string, name: string, at: string): Promise<TerraformStateRow> {
  await db
    .insertInto('terraform_states')
    .values({
      id: newId(),
      project_id: projectId,
      name,
      current_version_id: null,
      lock_id: null,
      lock_info: '',
      locked_by: null,
      locked_at: null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .onConflict((oc) => oc.columns(['project_id', 'name']).doNothing())
    .execute();
  return (await findState(db, projectId, name))!;
}

/**
 * Takes the state's row for the rest of the transaction (PostgreSQL holds a row lock until
 * commit; SQLite runs one write transaction at a time), then reads it: two writes of one state
 * never interleave, on one server or several.
 */
export async function holdState(db: Db, id: string, at: string): Promise<TerraformStateRow> {
  await db.updateTable('terraform_states').set({ updated_at: at }).where('id', '=', id).execute();
  return db.selectFrom('terraform_states').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The lock, if nobody holds one; whether it was taken. */
export async function takeLock(db: Db, id: string, lock: { id: string; info: string; userId: string; at: string }) {
  const result = await db
    .updateTable('terraform_states')
    .set({ lock_id: lock.id, lock_info: lock.info, locked_by: lock.userId, locked_at: lock.at, updated_at: lock.at })
    .where('id', '=', id)
    .where('lock_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseLock(db: Db, id: string, at: string) {
  await db
    .updateTable('terraform_states')
    .set({ lock_id: null, lock_info: '', locked_by: null, locked_at: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function usernameOf(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
  return row?.username ?? null;
}

export function findVersionById(db: Db, id: string) {
  return db.selectFrom('terraform_state_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findVersion(db: Db, stateId: string, number: number) {
  return db
    .selectFrom('terraform_state_versions')
    .selectAll()
    .where('state_id', '=', stateId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Adds a version as the state's newest and makes it current (the state is no longer deleted). */
export async function addVersion(
  db: Db,
  version: Omit<TerraformStateVersionRow, 'id' | 'number'>,
): Promise<TerraformStateVersionRow> {
  const last = await db
    .selectFrom('terraform_state_versions')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('state_id', '=', version.state_id)
    .executeTakeFirst();
  const row = { ...version, id: newId(), number: Number(last?.number ?? 0) + 1 };
  await db.insertInto('terraform_state_versions').values(row).execute();
  await db
    .updateTable('terraform_states')
    .set({ current_version_id: row.id, deleted_at: null, updated_at: row.created_at })
    .where('id', '=', version.state_id)
    .execute();
  return row;
}

export async function markStateDeleted(db: Db, id: string, at: string) {
  await db
    .updateTable('terraform_states')
    .set({ current_version_id: null, deleted_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** The columns of a version without its content, with its writer's name. */
const VERSION_COLUMNS = [
  'v.id',
  'v.state_id',
  'v.number',
  'v.serial',
  'v.lineage',
  'v.terraform_version',
  'v.sha256',
  'v.md5',
  'v.size',
  'v.restored_from',
  'v.created_by',
  'v.created_at',
  'writer.username as created_by_username',
] as const;

/** One page of a state's versions, oldest first, without their content. */
export function listVersions(db: Db, stateId: string, page: Page) {
  let query = db
    .selectFrom('terraform_state_versions as v')
    .leftJoin('users as writer', 'writer.id', 'v.created_by')
    .select(VERSION_COLUMNS)
    .where('v.state_id', '=', stateId)
    .orderBy('v.id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('v.id', '>', page.after);
  return query.execute();
}

/** Which states a caller sees: those of projects of organizations it owns and of projects it is a member of. */
interface StateScope {
  ownedOrganizationIds: string[];
  memberProjectIds: string[];
}

export interface StateFilters {
  project_id?: string;
  name?: string;
  id?: string;
  include_deleted?: boolean;
}

/**
 * One page of states of projects not deleted, by id, with their current version's facts, their
 * writer and their lock's holder, within `scope` (undefined: all).
 */
export function listStates(db: Db, page: Page, filters: StateFilters, scope?: StateScope) {
  let query = db
    .selectFrom('terraform_states as s')
    .innerJoin('projects as p', 'p.id', 's.project_id')
    .leftJoin('terraform_state_versions as v', 'v.id', 's.current_version_id')
    .leftJoin('users as writer', 'writer.id', 'v.created_by')
    .leftJoin('users as locker', 'locker.id', 's.locked_by')
    .select([
      's.id',
      's.project_id',
      'p.organization_id',
      's.name',
      's.lock_id',
      's.lock_info',
      's.locked_by',
      's.locked_at',
      's.created_at',
      's.deleted_at',
      'v.number as version',
      'v.serial',
      'v.lineage',
      'v.terraform_version',
      'v.size',
      'v.created_at as updated_at',
      'v.created_by as updated_by',
      'writer.username as updated_by_username',
      'locker.username as locked_by_username',
    ])
    .where('p.deleted_at', 'is', null)
    .orderBy('s.id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('s.id', '>', page.after);
  if (filters.id) query = query.where('s.id', '=', filters.id);
  if (filters.project_id) query = query.where('s.project_id', '=', filters.project_id);
  if (filters.name) query = query.where('s.name', '=', filters.name);
  // A state locked before its first write has no version yet: listed, since someone holds it.
  if (!filters.include_deleted)
    query = query.where((eb) => eb.or([eb('s.current_version_id', 'is not', null), eb('s.lock_id', 'is not', null)]));
  if (scope) {
    const { ownedOrganizationIds: owned, memberProjectIds: member } = scope;
    query = query.where((eb) =>
      eb.or([
        ...(owned.length ? [eb('p.organization_id', 'in', owned)] : []),
        ...(member.length ? [eb('p.id', 'in', member)] : []),
      ]),
    );
  }
  return query.execute();
}

export type StateListRow = Awaited<ReturnType<typeof listStates>>[number];
