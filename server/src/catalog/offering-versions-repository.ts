import type { Db } from '../db/database';
import type { OfferingVersionRow } from '../db/tables';
import type { Page } from '../http/route-context';
import type { Viewer } from './search-index';
import { onlyVisibleOfferings } from './offering-children-repository';

/** The SQL of offering versions. `db` may be a transaction. */

interface VersionFilters {
  offering_id?: string;
  version?: string;
  status?: string;
}

/** One page of the versions of offerings the viewer sees, by id; one row more than the limit tells there is a next page. */
export function listVersions(db: Db, page: Page, filters: VersionFilters, viewer: Viewer) {
  let query = db
    .selectFrom('offering_versions')
    .innerJoin('offerings', 'offerings.id', 'offering_versions.offering_id')
    .selectAll('offering_versions')
    .orderBy('offering_versions.id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('offering_versions.id', '>', page.after);
  if (filters.offering_id) query = query.where('offering_versions.offering_id', '=', filters.offering_id);
  if (filters.version) query = query.where('offering_versions.version', '=', filters.version);
  if (filters.status) query = query.where('offering_versions.status', '=', filters.status);
  return onlyVisibleOfferings(query, viewer).execute();
}

/** Every version of an offering. */
export function versionsOf(db: Db, offeringId: string) {
  return db.selectFrom('offering_versions').selectAll().where('offering_id', '=', offeringId).execute();
}

/** One version of an offering, by its version number. */
export function findVersion(db: Db, offeringId: string, version: string) {
  return db
    .selectFrom('offering_versions')
    .selectAll()
    .where('offering_id', '=', offeringId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertVersion(db: Db, row: OfferingVersionRow) {
  await db.insertInto('offering_versions').values(row).execute();
}

export async function updateVersion(db: Db, id: string, changes: Partial<OfferingVersionRow>) {
  await db.updateTable('offering_versions').set(changes).where('id', '=', id).execute();
}

export async function deleteVersion(db: Db, id: string) {
  await db.deleteFrom('offering_versions').where('id', '=', id).execute();
}
