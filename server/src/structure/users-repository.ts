import type { Db } from '../db/database';
import type { TokenRow, UserRow } from '../db/tables';
import type { Page } from '../http/route-context';

/** The SQL of users and their tokens. `db` may be a transaction. */

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One page of users by id, optionally of one username and among `ids` (undefined: all); one row more than the limit tells there is a next page. */
export function listUsers(db: Db, page: Page, filters: { username?: string }, ids?: string[]) {
  let query = db
    .selectFrom('users')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  if (filters.username) query = query.where('username', '=', filters.username);
  if (ids) query = query.where('id', 'in', ids);
  return query.execute();
}

export async function insertUser(db: Db, row: UserRow) {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, changes: Pick<UserRow, 'email' | 'is_staff'>) {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** The users holding a role in any of the organizations, or in a project of any of them. */
export async function membersOfOrganizations(db: Db, organizationIds: string[]): Promise<string[]> {
  const organizationMembers = await db
    .selectFrom('organization_members')
    .select('user_id')
    .where('organization_id', 'in', organizationIds)
    .execute();
  const projectMembers = await db
    .selectFrom('project_members')
    .innerJoin('projects', 'projects.id', 'project_members.project_id')
    .select('project_members.user_id')
    .where('projects.organization_id', 'in', organizationIds)
    .execute();
  return [...organizationMembers, ...projectMembers].map((r) => r.user_id);
}

/** The users holding a role in any of the projects. */
export async function membersOfProjects(db: Db, projectIds: string[]): Promise<string[]> {
  const rows = await db.selectFrom('project_members').select('user_id').where('project_id', 'in', projectIds).execute();
  return rows.map((r) => r.user_id);
}

export async function insertToken(db: Db, row: TokenRow) {
  await db.insertInto('tokens').values(row).execute();
}

/** A user's tokens, by id, never their hashes. */
export function listTokens(db: Db, userId: string) {
  return db
    .selectFrom('tokens')
    .select(['id', 'name', 'created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** Deletes a token of the user; false when the user has no such token. */
export async function deleteToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('tokens')
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whether the database has any user yet (it has none before the first start). */
export async function hasAnyUser(db: Db) {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Whether a token of this hash is known. */
export async function hasTokenHash(db: Db, tokenHash: string) {
  return (
    (await db.selectFrom('tokens').select('id').where('token_hash', '=', tokenHash).executeTakeFirst()) !== undefined
  );
}

/** Whether the user has a token of this name. */
export async function hasTokenNamed(db: Db, userId: string, name: string) {
  return (
    (await db
      .selectFrom('tokens')
      .select('id')
      .where('user_id', '=', userId)
      .where('name', '=', name)
      .executeTakeFirst()) !== undefined
  );
}
