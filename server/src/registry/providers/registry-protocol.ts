/**
 * Terraform's provider registry protocol (providers.v1, "Provider Registry Protocol" in
 * Terraform's docs), as Terraform 1.11 uses it, under `/v1/providers/` (the prefix
 * `/.well-known/terraform.json` names):
 *
 *   GET <ns>/<type>/versions                        {versions: [{version, protocols, platforms: [{os, arch}]}], warnings}
 *   GET <ns>/<type>/<version>/download/<os>/<arch>  {protocols, os, arch, filename, download_url, shasums_url,
 *                                                    shasums_signature_url, shasum, signing_keys: {gpg_public_keys}}
 *   GET <ns>/<type>/<version>/files/<file name>     the zip, the SHA256SUMS or its signature
 *
 * A namespace is an organization's slug. Public providers are read by anyone; a private one by
 * a caller that `mayReadPrivate` (Terraform sends `Authorization: Bearer <token>` from its
 * `credentials` blocks or TF_TOKEN_<host> to the two JSON endpoints), and its files through the
 * signed URLs the download endpoint hands out (../signed-urls.ts). A provider the caller may not
 * read does not exist for a signed-in caller (404); an anonymous one is asked for credentials
 * (401, which Terraform words as "host ... requires authentication credentials") whether or not
 * it exists, so nothing tells an anonymous caller which private providers there are.
 *
 * Yanked versions are left out of the versions list (Terraform never chooses them for a new
 * install) and named in its `warnings`, which Terraform prints; their download endpoint and
 * files still answer, for what a lock file or a mirror already pins.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../../auth/principal';
import { recordEvent } from '../../audit/record';
import { notFound, unauthorized } from '../../http/problem';
import { mayReadPrivate, organizationBySlug, registryCaller } from '../registry-access';
import { urlSigner } from '../signed-urls';
import {
  findPlatform,
  findProvider,
  findSigningKey,
  findVersion,
  listVersions,
  platformArchive,
  platformsOf,
  type ProviderWithNamespace,
} from './providers-repository';

const PROVIDERS_PREFIX = '/v1/providers';

const SEGMENT = { type: 'string', minLength: 1, maxLength: 128 } as const;
const ADDRESS = {
  type: 'object',
  required: ['namespace', 'type'],
  properties: { namespace: SEGMENT, type: SEGMENT },
} as const;
const VERSION_ADDRESS = {
  type: 'object',
  required: ['namespace', 'type', 'version'],
  properties: { namespace: SEGMENT, type: SEGMENT, version: SEGMENT },
} as const;

type Address = { namespace: string; type: string };

export async function providerRegistryProtocol(app: FastifyInstance): Promise<void> {
  const signer = urlSigner(app.db, { keyId: 'provider-download-urls', lifetimeSeconds: 10 * 60 });

  /** The provider at this address if the caller may read it; otherwise 404, or 401 for an anonymous caller. */
  const readable = async (request: FastifyRequest, address: Address) => {
    const caller = registryCaller(request);
    const organization = await organizationBySlug(app.db, address.namespace);
    const provider = organization && (await findProvider(app.db, organization.id, address.type));
    if (provider && (provider.visibility === 'public' || mayReadPrivate(caller, provider.organization_id)))
      return { provider, caller };
    if (!caller)
      throw unauthorized(
        `${address.namespace}/${address.type} is not a public provider here: give a Mercato token in Terraform's credentials for this host if it is a private one`,
      );
    throw notFound('provider', `${address.namespace}/${address.type}`);
  };
  const publishedVersion = async (provider: ProviderWithNamespace, version: string) => {
    const row = await findVersion(app.db, provider.id, version);
    if (!row) throw notFound('provider version', `${provider.namespace}/${provider.type} ${version}`);
    return row;
  };
  const filesPath = (provider: ProviderWithNamespace, version: string, filename: string) =>
    `${PROVIDERS_PREFIX}/${provider.namespace}/${provider.type}/${version}/files/${filename}`;

  app.get<{ Params: Address }>(`${PROVIDERS_PREFIX}/:namespace/:type/versions`, {
    schema: { hide: true, params: ADDRESS },
    handler: async (request) => {
      const { provider } = await readable(request, request.params);
      const versions = await listVersions(app.db, provider.id, true);
      const platforms = await platformsOf(
        app.db,
        versions.map((v) => v.id),
      );
      const listed = versions.filter((v) => v.yanked_at === null);
      const yanked = versions.filter((v) => v.yanked_at !== null);
      return {
        versions: listed.map((v) => ({
          version: v.version,
          protocols: JSON.parse(v.protocols) as string[],
          platforms: platforms.get(v.id)!.map(({ os, arch }) => ({ os, arch })),
        })),
        ...(yanked.length
          ? {
              warnings: yanked.map(
                (v) =>
                  `${provider.namespace}/${provider.type} ${v.version} was yanked${v.yank_reason ? `: ${v.yank_reason}` : ''}; it is no longer offered for new installs`,
              ),
            }
          : {}),
      };
    },
  });

  app.get<{ Params: Address & { version: string; os: string; arch: string } }>(
    `${PROVIDERS_PREFIX}/:namespace/:type/:version/download/:os/:arch`,
    {
      schema: {
        hide: true,
        params: {
          ...VERSION_ADDRESS,
          required: [...VERSION_ADDRESS.required, 'os', 'arch'],
          properties: { ...VERSION_ADDRESS.properties, os: SEGMENT, arch: SEGMENT },
        },
      },
      handler: async (request) => {
        const { namespace, type, version, os, arch } = request.params;
        const { provider, caller } = await readable(request, { namespace, type });
        const row = await publishedVersion(provider, version);
        const platform = await findPlatform(app.db, row.id, os, arch);
        if (!platform) throw notFound('provider package', `${namespace}/${type} ${version} ${os}_${arch}`);
        const key = (await findSigningKey(app.db, row.signing_key_id))!;
        const names = { shasums: `terraform-provider-${type}_${version}_SHA256SUMS` };
        const url = await fileUrl(provider, version);
        if (caller) await recordDownload(caller, provider, version, `${os}_${arch}`);
        return {
          protocols: JSON.parse(row.protocols) as string[],
          os,
          arch,
          filename: platform.filename,
          download_url: url(platform.filename),
          shasums_url: url(names.shasums),
          shasums_signature_url: url(`${names.shasums}.sig`),
          shasum: platform.shasum,
          signing_keys: { gpg_public_keys: [{ key_id: key.key_id, ascii_armor: key.ascii_armor }] },
        };
      },
    },
  );

  app.get<{
    Params: Address & { version: string; filename: string };
    Querystring: { expires?: string; signature?: string };
  }>(`${PROVIDERS_PREFIX}/:namespace/:type/:version/files/:filename`, {
    schema: {
      hide: true,
      params: {
        ...VERSION_ADDRESS,
        required: [...VERSION_ADDRESS.required, 'filename'],
        properties: { ...VERSION_ADDRESS.properties, filename: { type: 'string', minLength: 1, maxLength: 256 } },
      },
      querystring: { type: 'object', properties: { expires: { type: 'string' }, signature: { type: 'string' } } },
    },
    handler: async (request, reply) => {
      const { namespace, type, version, filename } = request.params;
      const organization = await organizationBySlug(app.db, namespace);
      const provider = organization && (await findProvider(app.db, organization.id, type));
      const signed = provider && !(await signer()).problem(filesPath(provider, version, filename), request.query);
      // A signed URL is its own permission; without one, the caller must be able to read the provider.
      const { provider: allowed } = signed ? { provider } : await readable(request, { namespace, type });
      const row = await publishedVersion(allowed, version);
      const shasums = `terraform-provider-${type}_${version}_SHA256SUMS`;
      if (filename === shasums) return reply.type('text/plain; charset=utf-8').send(row.shasums);
      if (filename === `${shasums}.sig`) return reply.type('application/octet-stream').send(row.shasums_signature);
      const archive = await platformArchive(app.db, row.id, filename);
      if (!archive) throw notFound('file', `${namespace}/${type} ${version} ${filename}`);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(archive.archive);
    },
  });

  /** URLs of a version's files: plain for a public provider, signed for a private one. */
  async function fileUrl(provider: ProviderWithNamespace, version: string) {
    const sign = provider.visibility === 'private' ? await signer() : undefined;
    return (filename: string) => {
      const path = filesPath(provider, version, filename);
      return sign ? sign.sign(path) : path;
    };
  }

  /** An audit event per download by a signed-in caller (anonymous ones of public providers are not recorded). */
  async function recordDownload(caller: Principal, provider: ProviderWithNamespace, version: string, platform: string) {
    await recordEvent(app.db, {
      actorId: caller.user.id,
      action: 'terraform-provider.downloaded',
      objectType: 'terraform-provider',
      objectId: provider.id,
      organizationId: provider.organization_id,
      changes: { source: `${provider.namespace}/${provider.type}`, version, platform },
    });
  }
}
