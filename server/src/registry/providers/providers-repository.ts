/** The provider registry's SQL: providers, their versions and platforms, read and written. */
import type { Db } from '../../db/database';
import type {
  ProviderSigningKeyRow,
  TerraformProviderPlatformRow,
  TerraformProviderRow,
  TerraformProviderVersionRow,
} from '../../db/tables';

/** A provider with its namespace (its organization's slug). */
export type ProviderWithNamespace = TerraformProviderRow & { namespace: string };

/** A platform without its archive's bytes. */
export type PlatformSummary = Omit<TerraformProviderPlatformRow, 'archive'>;

const providerColumns = [
  'terraform_providers.id',
  'terraform_providers.organization_id',
  'terraform_providers.type',
  'terraform_providers.visibility',
  'terraform_providers.created_at',
  'terraform_providers.updated_at',
  'organizations.slug as namespace',
] as const;

const providers = (db: Db) =>
  db
    .selectFrom('terraform_providers')
    .innerJoin('organizations', 'organizations.id', 'terraform_providers.organization_id')
    .select(providerColumns);

export const findProvider = (db: Db, organizationId: string, type: string) =>
  providers(db)
    .where('terraform_providers.organization_id', '=', organizationId)
    .where('terraform_providers.type', '=', type)
    .executeTakeFirst() as Promise<ProviderWithNamespace | undefined>;

export const findProviderById = (db: Db, id: string) =>
  providers(db).where('terraform_providers.id', '=', id).executeTakeFirst() as Promise<
    ProviderWithNamespace | undefined
  >;

/**
 * Providers in id order after `after`, at most `limit + 1`: public ones and private ones of the
 * organizations in `privateOf` (every private one when it is undefined: staff).
 */
export function listProviders(
  db: Db,
  range: { limit: number; after?: string },
  filters: { namespace?: string; type?: string },
  privateOf: string[] | undefined,
): Promise<ProviderWithNamespace[]> {
  let query = providers(db)
    .orderBy('terraform_providers.id')
    .limit(range.limit + 1);
  if (range.after) query = query.where('terraform_providers.id', '>', range.after);
  if (filters.namespace) query = query.where('organizations.slug', '=', filters.namespace);
  if (filters.type) query = query.where('terraform_providers.type', '=', filters.type);
  if (privateOf)
    query = query.where((eb) =>
      eb.or([
        eb('terraform_providers.visibility', '=', 'public'),
        ...(privateOf.length ? [eb('terraform_providers.organization_id', 'in', privateOf)] : []),
      ]),
    );
  return query.execute() as Promise<ProviderWithNamespace[]>;
}

export const insertProvider = (db: Db, row: TerraformProviderRow) =>
  db.insertInto('terraform_providers').values(row).execute();

export const updateProvider = (db: Db, id: string, values: Partial<TerraformProviderRow>) =>
  db.updateTable('terraform_providers').set(values).where('id', '=', id).execute();

export const findVersion = (db: Db, providerId: string, version: string) =>
  db
    .selectFrom('terraform_provider_versions')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('version', '=', version)
    .executeTakeFirst();

export const findVersionById = (db: Db, id: string) =>
  db.selectFrom('terraform_provider_versions').selectAll().where('id', '=', id).executeTakeFirst();

/** A provider's versions, oldest first; yanked ones only with `includeYanked`. */
export function listVersions(db: Db, providerId: string, includeYanked: boolean) {
  let query = db
    .selectFrom('terraform_provider_versions')
    .selectAll()
    .where('provider_id', '=', providerId)
    .orderBy('created_at')
    .orderBy('id');
  if (!includeYanked) query = query.where('yanked_at', 'is', null);
  return query.execute();
}

/** The platforms of these versions, without their archives. */
export async function platformsOf(db: Db, versionIds: string[]): Promise<Map<string, PlatformSummary[]>> {
  const byVersion = new Map<string, PlatformSummary[]>(versionIds.map((id) => [id, []]));
  if (!versionIds.length) return byVersion;
  const rows = await db
    .selectFrom('terraform_provider_platforms')
    .select(['version_id', 'os', 'arch', 'filename', 'shasum', 'size'])
    .where('version_id', 'in', versionIds)
    .orderBy('os')
    .orderBy('arch')
    .execute();
  for (const row of rows) byVersion.get(row.version_id)!.push({ ...row, size: Number(row.size) });
  return byVersion;
}

export const findPlatform = (db: Db, versionId: string, os: string, arch: string) =>
  db
    .selectFrom('terraform_provider_platforms')
    .select(['version_id', 'os', 'arch', 'filename', 'shasum', 'size'])
    .where('version_id', '=', versionId)
    .where('os', '=', os)
    .where('arch', '=', arch)
    .executeTakeFirst();

/** The zip's bytes of a platform named by its file name. */
export const platformArchive = (db: Db, versionId: string, filename: string) =>
  db
    .selectFrom('terraform_provider_platforms')
    .select(['archive', 'shasum'])
    .where('version_id', '=', versionId)
    .where('filename', '=', filename)
    .executeTakeFirst();

export async function insertVersion(
  db: Db,
  version: TerraformProviderVersionRow,
  platforms: TerraformProviderPlatformRow[],
): Promise<void> {
  await db.insertInto('terraform_provider_versions').values(version).execute();
  // One row at a time: a zip is tens of megabytes, and PostgreSQL's parameters have their limits.
  for (const platform of platforms) await db.insertInto('terraform_provider_platforms').values(platform).execute();
}

export const updateVersion = (db: Db, id: string, values: Partial<TerraformProviderVersionRow>) =>
  db.updateTable('terraform_provider_versions').set(values).where('id', '=', id).execute();

export const findSigningKey = (db: Db, id: string) =>
  db.selectFrom('provider_signing_keys').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    ProviderSigningKeyRow | undefined
  >;
