import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifySchemaCompiler } from 'fastify';
import { diff, recordEvent } from '../../audit/record';
import { canSeeOrganization, memberOrganizationIds } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { listResponseSchema, toPage } from '../../http/pagination';
import { badRequest, forbidden, notFound, Problem } from '../../http/problem';
import { now, page } from '../../http/route-context';
import { body, ID, listQuery } from '../../http/schemas';
import { mayPublish, mayReadPrivate, organizationBySlug } from '../registry-access';
import { registryHostOf } from '../registry-host';
import { ARCHIVE_LIMITS } from './module-archive';
import {
  MODULE_PARAMS,
  modulePath,
  NAME_PATTERN,
  SYSTEM_PATTERN,
  VERSION_PARAMS,
  type ModuleName,
} from './module-address';
import {
  MODULE,
  MODULE_DETAIL,
  MODULE_VERSION,
  presentModule,
  presentModuleDetail,
  presentVersion,
} from './module-presentation';
import { publishVersion } from './module-publishing';
import { moduleVersionChanged } from '../../catalog/module-offerings';
import {
  findModule,
  findVersion,
  listModules,
  refreshLatestVersion,
  updateModule,
  updateVersion,
  versionsOf,
  type ModuleWithNamespace,
  type VersionInfo,
} from './modules-repository';

/** Content types a publish takes: the archive's bytes as they are. */
const ARCHIVE_CONTENT_TYPES = ['application/gzip', 'application/x-gzip', 'application/octet-stream'];

const VISIBILITY = {
  type: 'string',
  enum: ['public', 'private'],
  description:
    '`public`: anyone may read and install it, without a token. `private`: only members of its organization or of one of its projects (and staff).',
} as const;

/** The module a caller may read, or 404 (a private module of another tenant is not there for it). */
async function readableModule(db: Db, p: Principal, name: ModuleName): Promise<ModuleWithNamespace> {
  const module = await findModule(db, name.namespace, name.name, name.system);
  if (!module || (module.visibility === 'private' && !mayReadPrivate(p, module.organization_id)))
    throw notFound('module', modulePath(name));
  return module;
}

/** The module a caller may publish to and manage: 404 when it may not read it, 403 when it may only read it. */
async function managedModule(db: Db, p: Principal, name: ModuleName): Promise<ModuleWithNamespace> {
  const module = await readableModule(db, p, name);
  if (!mayPublish(p, module.organization_id))
    throw forbidden(
      `managing ${modulePath(name)} takes an owner or service manager of the organization ${module.namespace}`,
    );
  return module;
}

async function versionOf(db: Db, module: ModuleWithNamespace, version: string): Promise<VersionInfo> {
  const found = await findVersion(db, module.id, version);
  if (!found) throw notFound('module version', `${modulePath(module)} ${version}`);
  return found;
}

/** The body of a publish is the archive itself: a Buffer from the parser below, not JSON to validate. */
const archiveBody: FastifySchemaCompiler<unknown> = () => (data: unknown) =>
  Buffer.isBuffer(data) && data.length > 0
    ? { value: data }
    : { error: badRequest('the request body must be the module archive (.tar.gz bytes)') };

/**
 * The module registry under /api/v1: publish versions (the body is the .tar.gz archive), list and
 * search modules, read one with its versions and what its latest version holds, yank and
 * deprecate versions, set a module's visibility. Terraform itself uses the modules.v1 protocol
 * (module-protocol-routes.ts).
 */
export const modulesRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  app.addContentTypeParser(
    ARCHIVE_CONTENT_TYPES,
    { parseAs: 'buffer', bodyLimit: ARCHIVE_LIMITS.compressedBytes },
    (_request, payload, done) => done(null, payload),
  );

  app.post('/modules/:namespace/:name/:system/versions', {
    bodyLimit: ARCHIVE_LIMITS.compressedBytes,
    validatorCompiler: (route) => (route.httpPart === 'body' ? archiveBody(route) : app.validatorCompiler!(route)),
    schema: {
      tags: ['registry'],
      summary: 'Publish a module version (owners and service managers of the namespace organization)',
      description: `The body is the module archive: its folder packed as a gzip-compressed tar (.tar.gz), the module's files at its root, at most ${ARCHIVE_LIMITS.compressedBytes} bytes (\`mercato module publish DIR\` packs and sends it). Content-Type: ${ARCHIVE_CONTENT_TYPES.join(', ')}. The module is read on the way in (variables, outputs, required providers, README); an archive that is broken or unsafe, or a folder that is not a valid module, is refused naming the file and line.`,
      consumes: ARCHIVE_CONTENT_TYPES,
      params: MODULE_PARAMS,
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['version'],
        properties: {
          version: { type: 'string', minLength: 1, maxLength: 100, description: 'The semantic version, e.g. `1.2.0`.' },
          visibility: {
            ...VISIBILITY,
            description: `${VISIBILITY.description} Omitted: a new module is public, an existing one keeps its visibility.`,
          },
        },
      },
      body: { type: 'string', format: 'binary', description: 'The .tar.gz archive.' },
      response: { 201: MODULE_VERSION },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const { namespace, name, system } = request.params;
      const organization = await organizationBySlug(app.db, namespace);
      if (!organization || !canSeeOrganization(p, organization.id))
        throw new Problem(404, 'Not Found', `namespace ${namespace}: no organization has this slug`, [
          { field: 'namespace', message: 'no organization has this slug' },
        ]);
      if (!mayPublish(p, organization.id))
        throw forbidden(`publishing to namespace ${namespace} takes an owner or service manager of the organization`);
      const published = await publishVersion(app.db, p, {
        organization,
        namespace,
        name,
        system,
        version: request.query.version,
        visibility: request.query.visibility,
        archive: request.body as unknown as Buffer,
      });
      const version = (await findVersion(app.db, published.module.id, request.query.version))!;
      return reply.code(201).send(presentVersion(published.module, version, registryHostOf(request)));
    },
  });

  app.get('/modules', {
    schema: {
      tags: ['registry'],
      summary: 'List and search modules',
      description:
        'Public modules, and the private ones of organizations the caller has a role in (or in one of their projects).',
      querystring: listQuery({
        q: {
          type: 'string',
          maxLength: 200,
          description: 'Keywords, each found in the namespace, name, system or description.',
        },
        namespace: { type: 'string', pattern: NAME_PATTERN, description: "An organization's slug." },
        organization_id: ID,
        system: { type: 'string', pattern: SYSTEM_PATTERN },
      }),
      response: { 200: listResponseSchema(MODULE) },
    },
    handler: async (request) => {
      const p = request.principal;
      const range = page(request.query);
      const readable = p.isStaff ? undefined : memberOrganizationIds(p);
      const host = registryHostOf(request);
      return toPage(await listModules(app.db, range, request.query, readable), range.limit, (row) =>
        presentModule(row, host),
      );
    },
  });

  app.get('/modules/:namespace/:name/:system', {
    schema: {
      tags: ['registry'],
      summary: "Get a module: its versions and its latest version's inputs, outputs and README",
      params: MODULE_PARAMS,
      response: { 200: MODULE_DETAIL },
    },
    handler: async (request) => {
      const module = await readableModule(app.db, request.principal, request.params);
      return presentModuleDetail(module, await versionsOf(app.db, module.id), registryHostOf(request));
    },
  });

  app.patch('/modules/:namespace/:name/:system', {
    schema: {
      tags: ['registry'],
      summary: "Set a module's visibility (owners and service managers of its organization)",
      params: MODULE_PARAMS,
      body: body({ visibility: VISIBILITY }, ['visibility']),
      response: { 200: MODULE },
    },
    handler: async (request) => {
      const p = request.principal;
      const module = await managedModule(app.db, p, request.params);
      const at = now();
      await app.db.transaction().execute(async (trx) => {
        await updateModule(trx, module.id, { visibility: request.body.visibility, updated_at: at });
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'module.updated',
          objectType: 'module',
          objectId: module.id,
          organizationId: module.organization_id,
          providerOrganizationId: module.organization_id,
          changes: { module: modulePath(module), ...diff(module, request.body) },
        });
      });
      return presentModule({ ...module, visibility: request.body.visibility, updated_at: at }, registryHostOf(request));
    },
  });

  app.get('/modules/:namespace/:name/:system/versions/:version', {
    schema: {
      tags: ['registry'],
      summary: 'Get a module version with everything read from its archive',
      params: VERSION_PARAMS,
      response: { 200: MODULE_VERSION },
    },
    handler: async (request) => {
      const module = await readableModule(app.db, request.principal, request.params);
      return presentVersion(module, await versionOf(app.db, module, request.params.version), registryHostOf(request));
    },
  });

  /** A change to one version by its managers, with its audit event, in one transaction. */
  const versionAction = (
    path: string,
    summary: string,
    action: string,
    change: (p: Principal, input: { message?: string }, at: string) => Partial<VersionInfo>,
    withMessage = false,
  ) =>
    app.post(`/modules/:namespace/:name/:system/versions/:version/${path}`, {
      schema: {
        tags: ['registry'],
        summary,
        params: VERSION_PARAMS,
        ...(withMessage
          ? {
              body: body(
                {
                  message: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                    description: 'Why, and what to use instead.',
                  },
                },
                ['message'],
              ),
            }
          : {}),
        response: { 200: MODULE_VERSION },
      },
      handler: async (request) => {
        const p = request.principal;
        const module = await managedModule(app.db, p, request.params);
        const version = await versionOf(app.db, module, request.params.version);
        const at = now();
        const changes = change(p, (request.body ?? {}) as { message?: string }, at);
        await app.db.transaction().execute(async (trx) => {
          await updateVersion(trx, version.id, changes);
          if ('yanked' in changes) await refreshLatestVersion(trx, module.id, at);
          await recordEvent(trx, {
            actorId: p.user.id,
            action,
            objectType: 'module_version',
            objectId: version.id,
            organizationId: module.organization_id,
            providerOrganizationId: module.organization_id,
            changes: { module: modulePath(module), version: version.version, ...diff(version, changes) },
          });
          // Offering versions made from it follow its state (catalog/module-offerings.ts).
          await moduleVersionChanged(trx, module, { ...version, ...changes }, p.user.id);
        });
        const updated = (await findModule(app.db, module.namespace, module.name, module.system))!;
        return presentVersion(updated, { ...version, ...changes }, registryHostOf(request));
      },
    });

  versionAction(
    'yank',
    'Yank a version: `terraform init` no longer chooses it (it stays downloadable by exact version)',
    'module_version.yanked',
    (p, _input, at) => ({ yanked: 1, yanked_at: at, yanked_by: p.user.id }),
  );
  versionAction('unyank', 'Take back a yank', 'module_version.unyanked', () => ({
    yanked: 0,
    yanked_at: null,
    yanked_by: null,
  }));
  versionAction(
    'deprecate',
    'Deprecate a version with a message (it is still installed; the registry shows the message)',
    'module_version.deprecated',
    (p, input, at) => ({
      deprecated: 1,
      deprecation_message: input.message ?? '',
      deprecated_at: at,
      deprecated_by: p.user.id,
    }),
    true,
  );
  versionAction('undeprecate', 'Take back a deprecation', 'module_version.undeprecated', () => ({
    deprecated: 0,
    deprecation_message: '',
    deprecated_at: null,
    deprecated_by: null,
  }));
};
