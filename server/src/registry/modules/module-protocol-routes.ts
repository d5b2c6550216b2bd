import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import semver from 'semver';
import { recordEvent } from '../../audit/record';
import type { Principal } from '../../auth/principal';
import { UUID_PATTERN } from '../../ids';
import { notFound, Problem, unauthorized } from '../../http/problem';
import { mayReadPrivate, organizationBySlug, registryCaller } from '../registry-access';
import { MODULE_PARAMS, modulePath, VERSION_PARAMS, type ModuleName } from './module-address';
import { urlSigner } from '../signed-urls';
import { archiveOf, findModule, installableVersions, versionId, type ModuleWithNamespace } from './modules-repository';

/** Where service discovery points `modules.v1` (`/.well-known/terraform.json`). */
export const MODULES_V1 = '/v1/modules';

const ARCHIVE_FILE = new RegExp(`^(${UUID_PATTERN.slice(1, -1)})\\.tar\\.gz$`);

/**
 * The module a caller of the protocol may install. An anonymous caller (no credentials for this
 * host in Terraform's CLI configuration) is answered 401 for anything in an organization's
 * namespace but a public module, missing or private alike, so it learns nothing of which private
 * modules exist and Terraform says the registry wants credentials (as HCP Terraform's private
 * registry does); a namespace no organization has is 404. A signed-in caller without access is
 * answered 404, as if the module were not there. A `terraform` plugin run's token reads the one
 * module of its offering (auth/run-grants.ts) and is anonymous for every other.
 */
async function installableModule(
  app: FastifyInstance,
  caller: Principal | undefined,
  name: ModuleName,
): Promise<ModuleWithNamespace> {
  const module = await findModule(app.db, name.namespace, name.name, name.system);
  if (module?.visibility === 'public') return module;
  // A `terraform` plugin run reads its own module, private or not, and nothing else private.
  if (caller?.run) {
    if (module && module.id === caller.run.moduleId) return module;
    caller = undefined;
  }
  if (!caller && (module || (await organizationBySlug(app.db, name.namespace))))
    throw unauthorized(
      `${modulePath(name)} is not a public module: give Terraform a token for this registry (a credentials block in its CLI configuration)`,
    );
  if (!module || !caller || !mayReadPrivate(caller, module.organization_id)) throw notFound('module', modulePath(name));
  return module;
}

/**
 * Terraform's module registry protocol (modules.v1), as Terraform 1.11 uses it (the "Module
 * Registry Protocol" page): the versions of a module, yanked ones left out (but for a
 * `terraform` plugin run of the module, which pins the version of its resource), and the location of
 * a version's archive in `X-Terraform-Get` (204). The location is a short-lived signed URL
 * (../signed-urls.ts, 5 minutes) because Terraform sends no registry credentials when it fetches it.
 */
export const moduleProtocolRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  const archiveUrls = urlSigner(app.db, { keyId: 'module-archives', lifetimeSeconds: 5 * 60 });
  app.get('/:namespace/:name/:system/versions', {
    schema: { hide: true, params: MODULE_PARAMS },
    handler: async (request) => {
      const caller = registryCaller(request);
      const module = await installableModule(app, caller, request.params);
      // A run of a resource on a yanked version installs it still (its update, its terminate).
      const versions = await installableVersions(app.db, module.id, caller?.run?.moduleId === module.id);
      return { modules: [{ versions: versions.map((version) => ({ version })) }] };
    },
  });

  app.get('/:namespace/:name/:system/:version/download', {
    schema: { hide: true, params: VERSION_PARAMS },
    handler: async (request, reply) => {
      const params = request.params;
      const caller = registryCaller(request);
      const module = await installableModule(app, caller, params);
      const id = semver.valid(params.version) ? await versionId(app.db, module.id, params.version) : undefined;
      if (!id) throw notFound('module version', `${modulePath(params)} ${params.version}`);
      if (caller)
        await recordEvent(app.db, {
          actorId: caller.user.id,
          action: 'module_version.downloaded',
          objectType: 'module_version',
          objectId: id,
          organizationId: module.organization_id,
          providerOrganizationId: module.organization_id,
          changes: { module: modulePath(module), version: params.version },
        });
      const location = (await archiveUrls()).sign(`${MODULES_V1}/archives/${id}.tar.gz`);
      return reply.code(204).header('x-terraform-get', location).send();
    },
  });

  app.get('/archives/:file', {
    schema: {
      hide: true,
      params: { type: 'object', required: ['file'], properties: { file: { type: 'string', maxLength: 100 } } },
      querystring: {
        type: 'object',
        required: ['expires', 'signature'],
        properties: { expires: { type: 'string', maxLength: 20 }, signature: { type: 'string', maxLength: 100 } },
      },
    },
    handler: async (request, reply) => {
      const { file } = request.params;
      const versionId = ARCHIVE_FILE.exec(file)?.[1];
      if (!versionId) throw notFound('module archive', file);
      const problem = (await archiveUrls()).problem(`${MODULES_V1}/archives/${file}`, request.query);
      if (problem) throw new Problem(403, 'Forbidden', problem);
      const archive = await archiveOf(app.db, versionId);
      if (!archive) throw notFound('module archive', file);
      return reply
        .header('content-type', 'application/gzip')
        .header('cache-control', 'private, max-age=300')
        .send(archive);
    },
  });
};
