import type { Audience } from '../auth/access';
import type { Db } from '../db/database';
import type { OfferingAudienceRow } from '../db/tables';

/** The SQL of offering audiences: who a restricted offering is shown to. `db` may be a transaction. */

/** The audience rows of one offering. */
export function audienceRowsOf(db: Db, offeringId: string): Promise<OfferingAudienceRow[]> {
  return db.selectFrom('offering_audience').selectAll().where('offering_id', '=', offeringId).execute();
}

/** Every audience row, for the catalog index. */
export function allAudienceRows(db: Db): Promise<OfferingAudienceRow[]> {
  return db.selectFrom('offering_audience').selectAll().execute();
}

/** Replaces the audience of an offering. */
export async function replaceAudience(db: Db, offeringId: string, rows: OfferingAudienceRow[]) {
  await db.deleteFrom('offering_audience').where('offering_id', '=', offeringId).execute();
  if (rows.length) await db.insertInto('offering_audience').values(rows).execute();
}

/** Which of `ids` are organizations not deleted. */
export async function liveOrganizationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The organization of each of `ids` that is a project not deleted. */
export async function liveProjectOrganizations(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('projects')
    .select(['id', 'organization_id'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.organization_id]));
}

/** An offering's audience from its visibility and rows (rows of other offerings are ignored). */
export function toAudience(visibility: string, rows: OfferingAudienceRow[]): Audience {
  return {
    restricted: visibility === 'restricted',
    organizationIds: rows.filter((r) => r.project_id === '').map((r) => r.organization_id),
    projects: rows
      .filter((r) => r.project_id !== '')
      .map((r) => ({ id: r.project_id, organization_id: r.organization_id })),
  };
}

/** The audience of an offering by its visibility: rows are read only for a restricted one. */
export async function audienceOf(db: Db, offering: { id: string; visibility: string }): Promise<Audience> {
  return toAudience(
    offering.visibility,
    offering.visibility === 'restricted' ? await audienceRowsOf(db, offering.id) : [],
  );
}
