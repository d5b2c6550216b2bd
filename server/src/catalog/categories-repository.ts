import type { Db } from '../db/database';
import type { CategoryRow } from '../db/tables';
import type { Page } from '../http/route-context';

/** The SQL of categories. `db` may be a transaction. */

/** A category not deleted, by id. */
export function findLiveCategory(db: Db, id: string) {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** One page of the categories not deleted, by id, optionally of one title; one row more than the limit tells there is a next page. */
export function listCategories(db: Db, page: Page, filters: { title?: string }) {
  let query = db
    .selectFrom('categories')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  if (filters.title) query = query.where('title', '=', filters.title);
  return query.execute();
}

export async function insertCategory(db: Db, row: CategoryRow) {
  await db.insertInto('categories').values(row).execute();
}

export async function updateCategory(db: Db, id: string, changes: Partial<CategoryRow>) {
  await db.updateTable('categories').set(changes).where('id', '=', id).execute();
}

/** Kept as history: deleted offerings still name it. */
export async function markCategoryDeleted(db: Db, id: string, at: string) {
  await db.updateTable('categories').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
}
