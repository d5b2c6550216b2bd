/**
 * The provider registry's API under /api/v1 (the registry protocol itself is registry-protocol.ts):
 * publish a version (`mercato provider publish`), list and read providers and versions, change a
 * provider's visibility, yank a version and take the yank back. Publishing, visibility and yanks
 * are for staff and the organization's owners and service managers (`mayPublish`); reading a
 * private provider for those who may read the organization's private ones (`mayReadPrivate`):
 * to anyone else it does not exist (404).
 */
import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../../auth/principal';
import { recordEvent } from '../../audit/record';
import type { Db } from '../../db/database';
import { listResponseSchema, toPage } from '../../http/pagination';
import { forbidden, notFound } from '../../http/problem';
import { page } from '../../http/route-context';
import { body, ID, ID_PARAMS, listQuery } from '../../http/schemas';
import { mayPublish, mayReadPrivate } from '../registry-access';
import { registryHostOf } from '../registry-host';
import { PROVIDER_TYPE_PATTERN, publishProviderVersion } from './publish';
import {
  findProviderById,
  findSigningKey,
  findVersionById,
  listProviders,
  listVersions,
  platformsOf,
  updateProvider,
  updateVersion,
  type ProviderWithNamespace,
} from './providers-repository';
import {
  presentProvider,
  presentVersion,
  TERRAFORM_PROVIDER,
  TERRAFORM_PROVIDER_VERSION,
  VISIBILITY,
} from './provider-presentation';
import { loadOperatorKey, type OperatorSigningKey } from './signing-keys';

/** A publish carries every platform's zip (a Node single executable zips to ~37 MB), base64 in JSON. */
const PUBLISH_BODY_LIMIT = 1024 * 1024 * 1024;

export interface ProviderRegistryOptions {
  /** The operator's key (MERCATO_PROVIDER_SIGNING_KEY); without it, a key per organization. */
  signingKey?: OperatorSigningKey;
}

const canRead = (p: Principal, provider: ProviderWithNamespace) =>
  provider.visibility === 'public' || mayReadPrivate(p, provider.organization_id);

/** The organizations whose private providers `p` reads; undefined for all (staff). */
function privateReadable(p: Principal): string[] | undefined {
  if (p.isStaff) return undefined;
  return [...new Set([...p.organizationRoles.keys(), ...[...p.projectRoles.values()].map((r) => r.organizationId)])];
}

async function versionView(db: Db, provider: ProviderWithNamespace, versionId: string) {
  const version = (await findVersionById(db, versionId))!;
  const platforms = (await platformsOf(db, [version.id])).get(version.id)!;
  const key = (await findSigningKey(db, version.signing_key_id))!;
  return presentVersion(provider, version, platforms, key);
}

export const providerRegistryApiRoutes: FastifyPluginAsyncJsonSchemaToTs<{ Options: ProviderRegistryOptions }> = async (
  app,
  options,
) => {
  // Decrypted once at start-up: a wrong key or passphrase stops the server with a message naming the variable.
  const operatorKey = options.signingKey ? await loadOperatorKey(options.signingKey) : undefined;

  const readableProvider = async (p: Principal, id: string) => {
    const provider = await findProviderById(app.db, id);
    if (!provider || !canRead(p, provider)) throw notFound('terraform provider', id);
    return provider;
  };
  const readableVersion = async (p: Principal, id: string) => {
    const version = await findVersionById(app.db, id);
    const provider = version && (await findProviderById(app.db, version.provider_id));
    if (!version || !provider || !canRead(p, provider)) throw notFound('terraform provider version', id);
    return { version, provider };
  };

  app.post('/terraform-provider-versions', {
    bodyLimit: PUBLISH_BODY_LIMIT,
    schema: {
      tags: ['registry'],
      summary:
        "Publish a Terraform provider version: every platform's zip at once, atomically (owners and service managers of the namespace)",
      description:
        'The provider `<namespace>/<type>` is made on its first version. Give `shasums`, `shasums_signature` and `public_key` to publish your own signature (it must verify), or none of them to have Mercato write the SHA256SUMS and sign it with its key. A published version never changes.',
      body: body(
        {
          namespace: { type: 'string', minLength: 1, maxLength: 64, description: "An organization's slug." },
          type: { type: 'string', pattern: PROVIDER_TYPE_PATTERN, description: 'The provider type, e.g. `mercato`.' },
          version: { type: 'string', minLength: 1, maxLength: 128, description: 'A semantic version, e.g. `1.2.3`.' },
          protocols: {
            type: 'array',
            minItems: 1,
            maxItems: 8,
            items: { type: 'string', pattern: '^[0-9]+\\.[0-9]+$' },
            description: 'Plugin protocol versions the provider speaks, e.g. `["6.0"]`.',
          },
          visibility: {
            ...VISIBILITY,
            description: `${VISIBILITY.description} Only for a new provider; default private.`,
          },
          archives: {
            type: 'array',
            minItems: 1,
            maxItems: 32,
            items: body(
              {
                filename: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 256,
                  description: '`terraform-provider-<type>_<version>_<os>_<arch>.zip`',
                },
                content: { type: 'string', contentEncoding: 'base64', description: "The zip's bytes, base64." },
              },
              ['filename', 'content'],
            ),
          },
          shasums: { type: 'string', maxLength: 64 * 1024, description: 'The SHA256SUMS document.' },
          shasums_signature: {
            type: 'string',
            maxLength: 64 * 1024,
            contentEncoding: 'base64',
            description: 'Its binary detached OpenPGP signature, base64.',
          },
          public_key: {
            type: 'string',
            maxLength: 64 * 1024,
            description: 'The armored OpenPGP public key that verifies it.',
          },
        },
        ['namespace', 'type', 'version', 'protocols', 'archives'],
      ),
      response: { 201: TERRAFORM_PROVIDER_VERSION },
    },
    handler: async (request, reply) => {
      const published = await publishProviderVersion(app.db, request.principal, request.body, operatorKey);
      return reply
        .code(201)
        .send(presentVersion(published.provider, published.version, published.platforms, published.signingKey));
    },
  });

  app.get('/terraform-providers', {
    schema: {
      tags: ['registry'],
      summary: 'List the Terraform providers the caller may install',
      querystring: listQuery({
        namespace: { type: 'string', description: "An organization's slug." },
        type: { type: 'string' },
      }),
      response: { 200: listResponseSchema(TERRAFORM_PROVIDER) },
    },
    handler: async (request) => {
      const range = page(request.query);
      const rows = await listProviders(app.db, range, request.query, privateReadable(request.principal));
      const host = registryHostOf(request);
      return toPage(rows, range.limit, (r) => presentProvider(r, host));
    },
  });

  app.get('/terraform-providers/:id', {
    schema: {
      tags: ['registry'],
      summary: 'Get a Terraform provider',
      params: ID_PARAMS,
      response: { 200: TERRAFORM_PROVIDER },
    },
    handler: async (request) =>
      presentProvider(await readableProvider(request.principal, request.params.id), registryHostOf(request)),
  });

  app.patch('/terraform-providers/:id', {
    schema: {
      tags: ['registry'],
      summary: "Change a Terraform provider's visibility (owners and service managers)",
      params: ID_PARAMS,
      body: body({ visibility: VISIBILITY }, ['visibility']),
      response: { 200: TERRAFORM_PROVIDER },
    },
    handler: async (request) => {
      const p = request.principal;
      const provider = await readableProvider(p, request.params.id);
      if (!mayPublish(p, provider.organization_id))
        throw forbidden(`only staff and the owners and service managers of ${provider.namespace} change its providers`);
      const updated = { ...provider, visibility: request.body.visibility, updated_at: new Date().toISOString() };
      await app.db.transaction().execute(async (trx) => {
        await updateProvider(trx, provider.id, { visibility: updated.visibility, updated_at: updated.updated_at });
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'terraform-provider.updated',
          objectType: 'terraform-provider',
          objectId: provider.id,
          organizationId: provider.organization_id,
          changes: { visibility: { from: provider.visibility, to: updated.visibility } },
        });
      });
      return presentProvider(updated, registryHostOf(request));
    },
  });

  app.get('/terraform-provider-versions', {
    schema: {
      tags: ['registry'],
      summary: "List a Terraform provider's versions, yanked ones too, oldest first",
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['provider_id'],
        properties: { provider_id: ID },
      },
      response: { 200: listResponseSchema(TERRAFORM_PROVIDER_VERSION) },
    },
    handler: async (request) => {
      const provider = await readableProvider(request.principal, request.query.provider_id);
      const versions = await listVersions(app.db, provider.id, true);
      const platforms = await platformsOf(
        app.db,
        versions.map((v) => v.id),
      );
      const keys = new Map<string, Awaited<ReturnType<typeof findSigningKey>>>();
      for (const v of versions)
        if (!keys.has(v.signing_key_id)) keys.set(v.signing_key_id, await findSigningKey(app.db, v.signing_key_id));
      return {
        items: versions.map((v) => presentVersion(provider, v, platforms.get(v.id)!, keys.get(v.signing_key_id)!)),
        next_cursor: null,
      };
    },
  });

  app.get('/terraform-provider-versions/:id', {
    schema: {
      tags: ['registry'],
      summary: 'Get a Terraform provider version',
      params: ID_PARAMS,
      response: { 200: TERRAFORM_PROVIDER_VERSION },
    },
    handler: async (request) => {
      const { provider, version } = await readableVersion(request.principal, request.params.id);
      return versionView(app.db, provider, version.id);
    },
  });

  for (const action of ['yank', 'unyank'] as const) {
    app.post(`/terraform-provider-versions/:id/${action}`, {
      schema: {
        tags: ['registry'],
        summary:
          action === 'yank'
            ? 'Yank a version: Terraform no longer chooses it from the versions list; its files stay downloadable (owners and service managers)'
            : 'Take back a yank: the version is listed again (owners and service managers)',
        params: ID_PARAMS,
        body: action === 'yank' ? body({ reason: { type: 'string', maxLength: 1000 } }) : body({}),
        response: { 200: TERRAFORM_PROVIDER_VERSION },
      },
      handler: async (request) => {
        const p = request.principal;
        const { provider, version } = await readableVersion(p, request.params.id);
        if (!mayPublish(p, provider.organization_id))
          throw forbidden(
            `only staff and the owners and service managers of ${provider.namespace} ${action} its providers`,
          );
        const values =
          action === 'yank'
            ? {
                yanked_at: version.yanked_at ?? new Date().toISOString(),
                yank_reason: (request.body as { reason?: string }).reason ?? '',
              }
            : { yanked_at: null, yank_reason: '' };
        await app.db.transaction().execute(async (trx) => {
          await updateVersion(trx, version.id, values);
          await recordEvent(trx, {
            actorId: p.user.id,
            action: `terraform-provider-version.${action}ed`,
            objectType: 'terraform-provider-version',
            objectId: version.id,
            organizationId: provider.organization_id,
            changes: { source: `${provider.namespace}/${provider.type}`, version: version.version, ...values },
          });
        });
        return versionView(app.db, provider, version.id);
      },
    });
  }
};
