import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/database';
import type { OfferingRow } from '../db/tables';
import { allAudienceRows } from './offering-audience-repository';

/** The SQL of offerings. `db` may be a transaction. */

/** An offering not deleted, by id or slug; an id match wins over a slug match. */
export async function findLiveOffering(db: Db, idOrSlug: string) {
  const rows = await db
    .selectFrom('offerings')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .where('deleted_at', 'is', null)
    .execute();
  return rows.find((r) => r.id === idOrSlug) ?? rows[0];
}

/** The offering as the database has it now, deleted or not, with its secrets: for the worker and for orders. */
export function loadOfferingRow(db: Db, id: string) {
  return db.selectFrom('offerings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The organization providing an offering, deleted or not. */
export async function offeringProvider(db: Db, id: string): Promise<string> {
  return (await db.selectFrom('offerings').select('organization_id').where('id', '=', id).executeTakeFirstOrThrow())
    .organization_id;
}

/** What versions and plans need of the offering they hang under, when it is not deleted. */
export function findParentOffering(db: Db, id: string) {
  return db
    .selectFrom('offerings')
    .select(['id', 'organization_id', 'status', 'visibility', 'components'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Takes the offering's row lock for the rest of the transaction, before a change to its plans or
 * versions: the activation rule then counts them after any concurrent change has committed. (An
 * UPDATE, not SELECT ... FOR UPDATE, so that on PostgreSQL the cache_generations trigger takes its
 * lock first, in the order every other catalog write takes them.)
 */
export async function lockOffering(db: Db, id: string) {
  await db
    .updateTable('offerings')
    .set((eb) => ({ requested_status: eb.ref('requested_status') }))
    .where('id', '=', id)
    .execute();
}

/** The statuses of an offering not deleted and whether it has each part activation needs. */
export async function activationFacts(db: Db, id: string) {
  const row = await db
    .selectFrom('offerings')
    .select((eb) => [
      'organization_id',
      'status',
      'requested_status',
      'status_reason',
      eb
        .exists(
          eb
            .selectFrom('categories')
            .select('categories.id')
            .whereRef('categories.id', '=', 'offerings.category_id')
            .where('categories.deleted_at', 'is', null),
        )
        .as('has_category'),
      eb
        .exists(
          eb
            .selectFrom('plans')
            .select('plans.id')
            .whereRef('plans.offering_id', '=', 'offerings.id')
            .where('plans.archived', '=', 0)
            .where('plans.deleted_at', 'is', null),
        )
        .as('has_plan'),
      eb
        .exists(
          eb
            .selectFrom('offering_versions')
            .select('offering_versions.id')
            .whereRef('offering_versions.offering_id', '=', 'offerings.id'),
        )
        .as('has_version'),
    ])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  return {
    ...row,
    hasCategory: Boolean(row.has_category),
    hasPlan: Boolean(row.has_plan),
    hasVersion: Boolean(row.has_version),
  };
}

/** Writes the effective status the activation rule computed. */
export async function setEffectiveStatus(db: Db, id: string, effective: { status: string; status_reason: string }) {
  await db.updateTable('offerings').set(effective).where('id', '=', id).execute();
}

/** The version and status of each version of an offering, for its `versions` and `latest_version`. */
export function versionSummaries(db: Db, offeringId: string) {
  return db
    .selectFrom('offering_versions')
    .select(['version', 'status'])
    .where('offering_id', '=', offeringId)
    .execute();
}

/** Everything the catalog search index is built from: offerings not deleted, every version and audience row, category titles and organization names. */
export async function loadCatalog(db: Db) {
  const [offerings, versions, categories, organizations, audienceRows] = await Promise.all([
    db.selectFrom('offerings').selectAll().where('deleted_at', 'is', null).execute(),
    db.selectFrom('offering_versions').select(['offering_id', 'version', 'status']).execute(),
    db.selectFrom('categories').select(['id', 'title']).execute(),
    db.selectFrom('organizations').select(['id', 'name']).execute(),
    allAudienceRows(db),
  ]);
  return { offerings, versions, categories, organizations, audienceRows };
}

/** Whether an offering not deleted is in the category, or provided by the organization. */
export async function hasLiveOffering(db: Db, column: 'category_id' | 'organization_id', value: string) {
  return (
    (await db
      .selectFrom('offerings')
      .select('id')
      .where(column, '=', value)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) !== undefined
  );
}

export async function insertOffering(db: Db, row: OfferingRow) {
  await db.insertInto('offerings').values(row).execute();
}

export async function updateOffering(db: Db, id: string, columns: Partial<OfferingRow>) {
  await db.updateTable('offerings').set(columns).where('id', '=', id).execute();
}

/**
 * Kept, with its plans and versions, for the orders placed on it. Its slug moves aside (no live
 * slug has a `~`), so that a new offering may take it.
 */
export async function markOfferingDeleted(db: Db, offering: Pick<OfferingRow, 'id' | 'slug'>, at: string) {
  await db
    .updateTable('offerings')
    .set({ deleted_at: at, updated_at: at, slug: `${offering.slug}~${offering.id}` })
    .where('id', '=', offering.id)
    .execute();
}

/** The `terraform` offerings (not deleted) whose plugin_options name the module `path` (`NS/NAME/SYSTEM`), with their options. */
export async function offeringsOfModule(db: Db, path: string) {
  // A LIKE on the options' JSON text finds the candidates on both databases; the exact test is on the parsed options.
  const quoted = JSON.stringify(path).replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .selectFrom('offerings')
    .select(['id', 'organization_id', 'plugin_options'])
    .where('type', '=', 'terraform')
    .where('deleted_at', 'is', null)
    .where(sql<SqlBool>`plugin_options like ${`%${quoted}%`} escape '\\'`)
    .orderBy('id')
    .execute();
  return rows.filter((row) => (JSON.parse(row.plugin_options) as { module?: unknown }).module === path);
}
