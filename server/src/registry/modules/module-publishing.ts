import { createHash } from 'node:crypto';
import semver from 'semver';
import { recordEvent } from '../../audit/record';
import type { Principal } from '../../auth/principal';
import { isUniqueViolation, type Db } from '../../db/database';
import type { ModuleVersionRow, OrganizationRow } from '../../db/tables';
import { newId } from '../../ids';
import { conflict, invalid, Problem } from '../../http/problem';
import { now } from '../../http/route-context';
import { ArchiveProblem, readModuleArchive } from './module-archive';
import { modulePath, type ModuleName } from './module-address';
import { descriptionFromReadme } from './module-presentation';
import { readModule, type ModuleMetadata } from './module-reader';
import { ConfigurationProblem, placeText } from './configuration-file';
import { ensureModule, findModule, insertVersion, refreshLatestVersion, updateModule } from './modules-repository';
import { moduleVersionChanged } from '../../catalog/module-offerings';

export type Visibility = 'public' | 'private';

export interface PublishRequest extends ModuleName {
  organization: OrganizationRow;
  version: string;
  /** Given: the module's visibility from now on; omitted: a new module is public, an existing one keeps its own. */
  visibility?: Visibility;
  archive: Buffer;
}

/**
 * Publishes a version: reads the archive and the module in it (refused as a 422 naming the
 * file and line), then in one transaction makes the module if it is new, stores the version
 * with its archive, sets the module's latest version, records `module_version.published` and
 * gives every `terraform` offering naming the module its offering version (a 422 naming the input
 * when one's type cannot be read for the schema).
 * A version already published is a 409: versions are immutable, as Terraform's lock-free module
 * installs assume (a new version instead).
 */
export async function publishVersion(db: Db, principal: Principal, request: PublishRequest) {
  const version = checkedVersion(request.version);
  const metadata = await readArchive(request.archive);
  const at = now();
  const versionId = newId();
  try {
    await db.transaction().execute(async (trx) => {
      const module = await ensureModule(trx, {
        id: newId(),
        organization_id: request.organization.id,
        name: request.name,
        system: request.system,
        visibility: request.visibility ?? 'public',
        description: '',
        latest_version: '',
        created_by: principal.user.id,
        created_at: at,
        updated_at: at,
      });
      const row: ModuleVersionRow = {
        id: versionId,
        module_id: module.id,
        version,
        archive: request.archive,
        sha256: createHash('sha256').update(request.archive).digest('hex'),
        size: request.archive.length,
        metadata: JSON.stringify(metadata),
        published_by: principal.user.id,
        created_at: at,
        yanked: 0,
        yanked_at: null,
        yanked_by: null,
        deprecated: 0,
        deprecation_message: '',
        deprecated_at: null,
        deprecated_by: null,
      };
      await insertVersion(trx, row);
      const latest = await refreshLatestVersion(trx, module.id, at);
      const changes: Record<string, unknown> = {};
      if (latest === version) changes.description = descriptionFromReadme(metadata.readme);
      if (request.visibility && request.visibility !== module.visibility) changes.visibility = request.visibility;
      if (Object.keys(changes).length) await updateModule(trx, module.id, changes);
      await recordEvent(trx, {
        actorId: principal.user.id,
        action: 'module_version.published',
        objectType: 'module_version',
        objectId: versionId,
        organizationId: request.organization.id,
        providerOrganizationId: request.organization.id,
        changes: {
          module: modulePath(request),
          version,
          sha256: row.sha256,
          size: row.size,
          visibility: changes.visibility ?? module.visibility,
        },
      });
      // The offerings made of this module get the version (catalog/module-offerings.ts).
      const offered = (await findModule(trx, request.namespace, request.name, request.system))!;
      await moduleVersionChanged(trx, offered, row, principal.user.id);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        `${modulePath(request)} already has version ${version}; published versions do not change: publish a new version`,
        'version',
      );
    throw error;
  }
  const module = (await findModule(db, request.namespace, request.name, request.system))!;
  return { module, versionId };
}

/** A semantic version as Terraform reads one: `1.2.0`, `2.0.0-rc.1`; no `v` and no build metadata (`+...`), which versions are not told apart by. */
function checkedVersion(given: string): string {
  const valid = semver.valid(given);
  if (!valid || valid !== given || given.includes('+'))
    throw invalid('version', `"${given}" is not a semantic version such as 1.2.0 (no "v" prefix, no "+build" suffix)`);
  return valid;
}

/** What the archive holds, or a 422 naming the archive's fault or the file and line of the module's. */
async function readArchive(archive: Buffer): Promise<ModuleMetadata> {
  try {
    return await readModule(await readModuleArchive(archive));
  } catch (error) {
    if (error instanceof ArchiveProblem)
      throw new Problem(422, 'Unprocessable Entity', `archive: ${error.message}`, [
        { field: 'archive', message: error.message },
      ]);
    if (error instanceof ConfigurationProblem) {
      const where = placeText(error.place);
      const message = `${error.summary}${error.detail ? `: ${error.detail}` : ''}`;
      throw new Problem(422, 'Unprocessable Entity', `${where}: ${message}`, [{ field: where, message }]);
    }
    throw error;
  }
}
