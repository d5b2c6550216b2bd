import semver from 'semver';
import { recordEvent } from '../audit/record';
import type { Db } from '../db/database';
import type { OfferingVersionRow } from '../db/tables';
import { newId } from '../ids';
import { invalid, Problem, type FieldError } from '../http/problem';
import { now } from '../http/route-context';
import { storeAgainUnderSchema } from '../orders/secrets-restore';
import { inputsSchema, InputTypeError } from '../registry/modules/input-schema';
import { modulePath } from '../registry/modules/module-address';
import type { ModuleMetadata } from '../registry/modules/module-reader';
import {
  findModule,
  findVersion as findModuleVersion,
  lockModule,
  versionsOf as moduleVersionsOf,
  type ModuleWithNamespace,
  type VersionInfo,
} from '../registry/modules/modules-repository';
import { refreshOfferingStatus } from './offering-activation';
import { findVersion, insertVersion, updateVersion, versionsOf } from './offering-versions-repository';
import { lockOffering, offeringsOfModule } from './offerings-repository';

/**
 * Offerings made of a module of Mercato's registry (plugin `terraform`, `plugin_options.module =
 * "NS/NAME/SYSTEM"`). The module's versions are the offering's versions:
 * - offering version X.Y.Z is made from module version X.Y.Z: its `options_schema` generated from
 *   the module's inputs (registry/modules/input-schema.ts), its changelog naming the module version;
 * - an offering names a module its organization may use: one of its own namespace, or a public one;
 * - when an offering is created or its module changes, it gets a version for each published
 *   version of the module that is not yanked; publishing a module version gives one to every
 *   offering naming the module, in the publish's transaction;
 * - a version's status follows its module version: `deprecated` (with the module's message) when
 *   the module version is deprecated or yanked (a yanked version stays installable by its number,
 *   so resources on it keep working, but takes no new resources), else `beta` for a pre-release
 *   (`2.0.0-rc.1`), else `available`. A change of the module version's state sets it again;
 * - the schema is generated: a hand-written one is refused (`options_schema`).
 *
 * Locks: each transaction here takes the module's row lock (lockModule) before it writes the
 * catalog, as publishing does, so that an offering created while a version is published gets
 * that version from one or the other.
 */

export const TERRAFORM_PLUGIN = 'terraform';

type OfferingRef = { id: string; organization_id: string };

/** `NS/NAME/SYSTEM` from an offering's plugin_options, when it names one. */
export function moduleAddressOf(pluginOptions: unknown): string | undefined {
  const module = (pluginOptions as { module?: unknown } | null)?.module;
  return typeof module === 'string' ? module : undefined;
}

/** The module at `path` when the organization may offer it (its own namespace, or a public module), else undefined. */
async function usableModule(db: Db, organizationId: string, path: string): Promise<ModuleWithNamespace | undefined> {
  const [namespace, name, system] = path.split('/');
  const module = await findModule(db, namespace, name, system);
  if (!module || (module.visibility !== 'public' && module.organization_id !== organizationId)) return undefined;
  return module;
}

/** A field error when an offering of the organization may not be made of the module its plugin_options name. */
export async function moduleUseProblems(db: Db, organizationId: string, pluginOptions: unknown): Promise<FieldError[]> {
  const path = moduleAddressOf(pluginOptions);
  if (path === undefined || (await usableModule(db, organizationId, path))) return [];
  return [
    {
      field: 'plugin_options.module',
      message: `no module ${path} this organization may offer: a module of its own namespace, or a public one, published to the registry first (mercato module publish)`,
    },
  ];
}

/** The status and deprecation message an offering version takes from its module version. */
function statusFrom(version: VersionInfo): Pick<OfferingVersionRow, 'status' | 'deprecation_message'> {
  if (version.yanked)
    return {
      status: 'deprecated',
      deprecation_message: `the module version was yanked${version.deprecation_message ? `: ${version.deprecation_message}` : ''}`,
    };
  if (version.deprecated) return { status: 'deprecated', deprecation_message: version.deprecation_message };
  return { status: semver.prerelease(version.version) ? 'beta' : 'available', deprecation_message: '' };
}

/**
 * The generated parts of an offering version made from a module version. Throws a 422 naming
 * `field` when an input's type cannot be read.
 */
function generatedVersion(module: ModuleWithNamespace, version: VersionInfo, field: string) {
  const metadata = JSON.parse(version.metadata) as ModuleMetadata;
  const path = modulePath(module);
  let schema: object;
  try {
    schema = inputsSchema(metadata.inputs, `Inputs of the module ${path} ${version.version}.`);
  } catch (error) {
    if (error instanceof InputTypeError) throw invalid(field, `${path} ${version.version}: ${error.message}`);
    throw error;
  }
  return {
    options_schema: JSON.stringify(schema),
    changelog: `Module ${path} version ${version.version}.`,
    ...statusFrom(version),
  };
}

/**
 * The module a `terraform` offering of the organization names, with its row lock taken for the
 * rest of the transaction: the first statement of a transaction that writes such an offering,
 * before any catalog write (module versions published meanwhile then wait for it, or are seen).
 */
export async function lockOfferedModule(trx: Db, organizationId: string, path: string) {
  const module = await usableModule(trx, organizationId, path);
  if (module) await lockModule(trx, module.id);
  return module;
}

/**
 * Gives an offering a version for each published, non-yanked version of its module, and
 * regenerates those it has (its module changed). Versions the module does not have are left as
 * they are. In the transaction that writes the offering, after lockOfferedModule; then refresh
 * the offering's status. A 422 naming `plugin_options.module` when an input's type cannot be read.
 */
export async function makeOfferingVersions(
  trx: Db,
  offering: OfferingRef,
  module: ModuleWithNamespace,
  actorId: string,
) {
  const existing = new Map((await versionsOf(trx, offering.id)).map((v) => [v.version, v]));
  for (const version of await moduleVersionsOf(trx, module.id)) {
    const had = existing.get(version.version);
    if (version.yanked && !had) continue;
    const generated = generatedVersion(module, version, 'plugin_options.module');
    if (had) await regenerate(trx, offering, had, generated, actorId);
    else await addVersion(trx, offering, version.version, generated, actorId);
  }
}

async function addVersion(
  trx: Db,
  offering: OfferingRef,
  version: string,
  generated: ReturnType<typeof generatedVersion>,
  actorId: string,
) {
  const at = now();
  const row: OfferingVersionRow = {
    id: newId(),
    offering_id: offering.id,
    version,
    replacement_version: '',
    created_at: at,
    updated_at: at,
    ...generated,
  };
  await insertVersion(trx, row);
  await recordEvent(trx, {
    actorId,
    action: 'offering_version.created',
    objectType: 'offering_version',
    objectId: row.id,
    providerOrganizationId: offering.organization_id,
    changes: { version: row.version, status: row.status, changelog: row.changelog },
  });
}

async function regenerate(
  trx: Db,
  offering: OfferingRef,
  had: OfferingVersionRow,
  generated: Partial<OfferingVersionRow>,
  actorId: string,
) {
  const changes = Object.fromEntries(
    Object.entries(generated).filter(([key, value]) => had[key as keyof OfferingVersionRow] !== value),
  ) as Partial<OfferingVersionRow>;
  if (!Object.keys(changes).length) return;
  await updateVersion(trx, had.id, { ...changes, updated_at: now() });
  if (changes.options_schema !== undefined)
    await storeAgainUnderSchema(trx, { ...had, options_schema: changes.options_schema });
  await recordEvent(trx, {
    actorId,
    action: 'offering_version.updated',
    objectType: 'offering_version',
    objectId: had.id,
    providerOrganizationId: offering.organization_id,
    // The schema is generated: the event says it changed, not the whole text.
    changes: Object.fromEntries(
      Object.entries(changes).map(([key, value]) =>
        key === 'options_schema'
          ? [key, 'generated from the module']
          : [key, { from: had[key as keyof OfferingVersionRow], to: value }],
      ),
    ),
  });
}

/**
 * A module version was published, or its yank or deprecation changed: each `terraform` offering
 * naming the module (and allowed to use it) has the status of that version set again, and an
 * offering of the module's own organization gets the new version. Another organization's
 * offering of a public module gets it only when its provider adds it (`POST /offering-versions`):
 * its orders run that organization's code, which the provider reviews first. In the transaction
 * of the change, after it.
 */
export async function moduleVersionChanged(
  trx: Db,
  module: ModuleWithNamespace,
  version: VersionInfo,
  actorId: string,
) {
  await lockModule(trx, module.id);
  for (const offering of await offeringsOfModule(trx, modulePath(module))) {
    if (module.visibility !== 'public' && module.organization_id !== offering.organization_id) continue;
    await lockOffering(trx, offering.id);
    const had = await findVersion(trx, offering.id, version.version);
    if (had) await regenerate(trx, offering, had, statusFrom(version), actorId);
    else if (!version.yanked && offering.organization_id === module.organization_id)
      await addVersion(trx, offering, version.version, generatedVersion(module, version, 'archive'), actorId);
    await refreshOfferingStatus(trx, offering.id, actorId);
  }
}

/**
 * The generated parts of version `version` of a `terraform` offering: from the module version of
 * the same number. 404 naming `version` when the module has none (or has yanked it).
 */
export async function versionFromModule(db: Db, offering: OfferingRef & { plugin_options: string }, version: string) {
  const path = moduleAddressOf(JSON.parse(offering.plugin_options)) ?? '';
  const module = await usableModule(db, offering.organization_id, path);
  const found = module && (await findModuleVersion(db, module.id, version));
  if (!module || !found || found.yanked)
    throw new Problem(404, 'Not Found', `version: the module ${path} has no published version ${version}`, [
      {
        field: 'version',
        message: `the module ${path} has no published version ${version}${found?.yanked ? ' that is not yanked' : ''}: a terraform offering's versions are its module's versions`,
      },
    ]);
  return generatedVersion(module, found, 'version');
}

/** The error for a hand-written schema on a `terraform` offering's version. */
export const generatedSchemaProblem = (): FieldError => ({
  field: 'options_schema',
  message:
    "is generated from the module's inputs for a terraform offering: leave it out (change the module's variables and publish a new module version instead)",
});
