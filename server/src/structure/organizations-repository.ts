import type { Db } from '../db/database';
import type { OrganizationRow } from '../db/tables';
import type { Page } from '../http/route-context';

/** The SQL of organizations. `db` may be a transaction. */

/** An organization not deleted, by id. */
export function findLiveOrganization(db: Db, id: string) {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * One page of the organizations not deleted, by id, optionally of one name and among `ids`
 * (undefined: all); one row more than the limit tells there is a next page.
 */
export function listOrganizations(db: Db, page: Page, filters: { name?: string; slug?: string }, ids?: string[]) {
  let query = db
    .selectFrom('organizations')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  if (filters.name) query = query.where('name', '=', filters.name);
  if (filters.slug) query = query.where('slug', '=', filters.slug);
  if (ids) query = query.where('id', 'in', ids);
  return query.execute();
}

/** A new organization and, when given, its first owner. */
export async function insertOrganization(db: Db, row: OrganizationRow, ownerId?: string) {
  await db.insertInto('organizations').values(row).execute();
  if (ownerId)
    await db
      .insertInto('organization_members')
      .values({ organization_id: row.id, user_id: ownerId, role: 'owner', created_at: row.created_at })
      .execute();
}

export async function updateOrganization(db: Db, id: string, changes: Partial<OrganizationRow>) {
  await db.updateTable('organizations').set(changes).where('id', '=', id).execute();
}

/** An organization not deleted, by slug. */
export function findLiveOrganizationBySlug(db: Db, slug: string) {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('slug', '=', slug)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Kept with its members, as the history of its deleted projects and offerings is: owners still read it.
 * Its slug moves aside (no live slug has a `~`), so that a new organization may take it.
 */
export async function markOrganizationDeleted(db: Db, organization: Pick<OrganizationRow, 'id' | 'slug'>, at: string) {
  await db
    .updateTable('organizations')
    .set({ deleted_at: at, updated_at: at, slug: `${organization.slug}~${organization.id}` })
    .where('id', '=', organization.id)
    .execute();
}
