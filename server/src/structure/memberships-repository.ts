import { sql } from 'kysely';
import type { Db } from '../db/database';

/** The SQL of organization and project members: the same on both, by table and parent column. */
export interface MembersTable {
  /** The parents' own table, whose row is locked while its members change. */
  parents: 'organizations' | 'projects';
  table: 'organization_members' | 'project_members';
  parentColumn: 'organization_id' | 'project_id';
}

/** The members of a parent with their usernames, by username. */
export function listMembers(db: Db, t: MembersTable, parentId: string) {
  return db
    .selectFrom(t.table)
    .innerJoin('users', 'users.id', `${t.table}.user_id`)
    .select([`${t.table}.user_id`, 'users.username', `${t.table}.role`, `${t.table}.created_at`])
    .where(sql.ref(`${t.table}.${t.parentColumn}`), '=', parentId)
    .orderBy('users.username')
    .execute();
}

/** Locks the parent's row (a write that changes nothing) until the transaction ends, on both databases. */
export async function lockParent(trx: Db, t: MembersTable, parentId: string) {
  await trx
    .updateTable(t.parents)
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', parentId)
    .execute();
}

/** The role the user holds in the parent, if any. */
export async function currentRole(
  db: Db,
  t: MembersTable,
  parentId: string,
  userId: string,
): Promise<string | undefined> {
  return (
    await db
      .selectFrom(t.table)
      .select('role')
      .where(sql.ref(t.parentColumn), '=', parentId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
  )?.role;
}

/** Whether anyone holds the role in the parent. */
export async function hasRoleHolder(db: Db, t: MembersTable, parentId: string, role: string) {
  return (
    (await db
      .selectFrom(t.table)
      .select('user_id')
      .where(sql.ref(t.parentColumn), '=', parentId)
      .where('role', '=', role)
      .executeTakeFirst()) !== undefined
  );
}

/** Gives the user the role in the parent, in place of any it held. */
export async function putMember(
  trx: Db,
  t: MembersTable,
  parentId: string,
  member: { user_id: string; role: string; created_at: string },
) {
  await removeMember(trx, t, parentId, member.user_id);
  // The parent's column is named at run time, which Kysely's row types cannot follow.
  const row = { [t.parentColumn]: parentId, ...member } as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  await trx.insertInto(t.table).values(row).execute();
}

export async function removeMember(db: Db, t: MembersTable, parentId: string, userId: string) {
  await db.deleteFrom(t.table).where(sql.ref(t.parentColumn), '=', parentId).where('user_id', '=', userId).execute();
}
