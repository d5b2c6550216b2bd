import { sql, type SqlBool } from 'kysely';
import semver from 'semver';
import type { Db } from '../../db/database';
import type { ModuleRow, ModuleVersionRow } from '../../db/tables';
import type { Page } from '../../http/route-context';

/** The SQL of the module registry. `db` may be a transaction. */

/** A module with its namespace (its organization's slug), as every answer shows it. */
export type ModuleWithNamespace = ModuleRow & { namespace: string };

/** A version without its archive: what lists and answers need. */
export type VersionInfo = Omit<ModuleVersionRow, 'archive'>;

const MODULE_COLUMNS = [
  'modules.id',
  'modules.organization_id',
  'modules.name',
  'modules.system',
  'modules.visibility',
  'modules.description',
  'modules.latest_version',
  'modules.created_by',
  'modules.created_at',
  'modules.updated_at',
  'organizations.slug as namespace',
] as const;

const VERSION_COLUMNS = [
  'id',
  'module_id',
  'version',
  'sha256',
  'size',
  'metadata',
  'published_by',
  'created_at',
  'yanked',
  'yanked_at',
  'yanked_by',
  'deprecated',
  'deprecation_message',
  'deprecated_at',
  'deprecated_by',
] as const;

function modulesWithNamespace(db: Db) {
  return db
    .selectFrom('modules')
    .innerJoin('organizations', 'organizations.id', 'modules.organization_id')
    .where('organizations.deleted_at', 'is', null)
    .select(MODULE_COLUMNS);
}

/** The module at `namespace/name/system` (an organization that is not deleted), or undefined. */
export function findModule(db: Db, namespace: string, name: string, system: string) {
  return modulesWithNamespace(db)
    .where('organizations.slug', '=', namespace)
    .where('modules.name', '=', name)
    .where('modules.system', '=', system)
    .executeTakeFirst() as Promise<ModuleWithNamespace | undefined>;
}

/** The columns a keyword is looked for in. */
const SEARCHED = ['organizations.slug', 'modules.name', 'modules.system', 'modules.description'];

export interface ModuleFilters {
  /** Words each found (case-insensitive) in the namespace, name, system or description. */
  q?: string;
  namespace?: string;
  organization_id?: string;
  system?: string;
}

/**
 * One page of the modules a caller may read, by id: every public module, and the private ones
 * of `readableOrganizationIds` (undefined: all, for staff). One row more than the limit tells
 * there is a next page.
 */
export function listModules(db: Db, page: Page, filters: ModuleFilters, readableOrganizationIds: string[] | undefined) {
  let query = modulesWithNamespace(db)
    .orderBy('modules.id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('modules.id', '>', page.after);
  if (filters.namespace) query = query.where('organizations.slug', '=', filters.namespace);
  if (filters.organization_id) query = query.where('modules.organization_id', '=', filters.organization_id);
  if (filters.system) query = query.where('modules.system', '=', filters.system);
  for (const word of (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // `escape` said outright: SQLite's LIKE has no escape character otherwise.
    query = query.where((eb) =>
      eb.or(SEARCHED.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`)),
    );
  }
  if (readableOrganizationIds)
    query = query.where((eb) =>
      eb.or([
        eb('modules.visibility', '=', 'public'),
        ...(readableOrganizationIds.length ? [eb('modules.organization_id', 'in', readableOrganizationIds)] : []),
      ]),
    );
  return query.execute() as Promise<ModuleWithNamespace[]>;
}

/**
 * Makes the module unless it exists (a concurrent publish of its first version waits for the
 * other's transaction instead of failing), and answers it.
 */
export async function ensureModule(db: Db, row: ModuleRow): Promise<ModuleRow> {
  await db
    .insertInto('modules')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'name', 'system']).doNothing())
    .execute();
  return db
    .selectFrom('modules')
    .selectAll()
    .where('organization_id', '=', row.organization_id)
    .where('name', '=', row.name)
    .where('system', '=', row.system)
    .executeTakeFirstOrThrow();
}

export async function updateModule(db: Db, id: string, changes: Partial<ModuleRow>) {
  await db.updateTable('modules').set(changes).where('id', '=', id).execute();
}

/** Every version of a module, without archives, highest version first. */
export async function versionsOf(db: Db, moduleId: string): Promise<VersionInfo[]> {
  const rows = await db
    .selectFrom('module_versions')
    .select(VERSION_COLUMNS)
    .where('module_id', '=', moduleId)
    .execute();
  return rows.sort((a, b) => semver.rcompare(a.version, b.version));
}

/** One version of a module, without its archive. */
export function findVersion(db: Db, moduleId: string, version: string): Promise<VersionInfo | undefined> {
  return db
    .selectFrom('module_versions')
    .select(VERSION_COLUMNS)
    .where('module_id', '=', moduleId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The versions `terraform init` may choose from (not yanked): numbers only, for the protocol's versions list. */
export async function installableVersions(db: Db, moduleId: string, withYanked = false): Promise<string[]> {
  let query = db.selectFrom('module_versions').select('version').where('module_id', '=', moduleId);
  if (!withYanked) query = query.where('yanked', '=', 0);
  return (await query.execute()).map((r) => r.version);
}

/** The id of a version of a module, or undefined. */
export async function versionId(db: Db, moduleId: string, version: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('module_versions')
    .select('id')
    .where('module_id', '=', moduleId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.id;
}

/** A version's archive by the version's id. */
export async function archiveOf(db: Db, versionId: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('module_versions').select('archive').where('id', '=', versionId).executeTakeFirst();
  return row?.archive;
}

export async function insertVersion(db: Db, row: ModuleVersionRow) {
  await db.insertInto('module_versions').values(row).execute();
}

export async function updateVersion(db: Db, id: string, changes: Partial<ModuleVersionRow>) {
  await db.updateTable('module_versions').set(changes).where('id', '=', id).execute();
}

/**
 * Sets the module's latest version: the highest that is not yanked, a release rather than a
 * pre-release when it has one (as `terraform init` without a constraint chooses). Call it in the
 * transaction of each publish, yank and unyank.
 */
export async function refreshLatestVersion(db: Db, moduleId: string, updatedAt: string): Promise<string> {
  const versions = (await versionsOf(db, moduleId)).filter((v) => !v.yanked).map((v) => v.version);
  const latest = versions.find((v) => !semver.prerelease(v)) ?? versions[0] ?? '';
  await updateModule(db, moduleId, { latest_version: latest, updated_at: updatedAt });
  return latest;
}

/**
 * Takes the module's row lock for the rest of the transaction (an UPDATE that changes nothing),
 * before the catalog is written: publishing a version takes it too, so offering versions made
 * from a module and a version published at once cannot miss each other (see module-offerings.ts).
 */
export async function lockModule(db: Db, id: string) {
  await db
    .updateTable('modules')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .execute();
}
