/** How providers and their versions look in the API (`/api/v1/terraform-providers...`), schemas and values. */
import type { ProviderSigningKeyRow, TerraformProviderVersionRow } from '../../db/tables';
import { ID, object, TIMESTAMP } from '../../http/schemas';
import type { PlatformSummary, ProviderWithNamespace } from './providers-repository';

export const VISIBILITY = {
  type: 'string',
  enum: ['public', 'private'],
  description:
    "`public`: anyone installs it, no token needed. `private`: only staff and members of the organization or of its projects (a token in Terraform's credentials).",
} as const;

export const TERRAFORM_PROVIDER = object({
  id: ID,
  organization_id: ID,
  namespace: {
    type: 'string',
    description: "The organization's slug: the provider's address is `<host>/<namespace>/<type>`.",
  },
  type: { type: 'string' },
  source: {
    type: ['string', 'null'],
    description:
      "The `source` of a `required_providers` entry: the registry's host (this server's HTTPS listener, as the request reached it), namespace and type; null when the server has no HTTPS listener.",
  },
  visibility: VISIBILITY,
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

/** A provider as answers show it; `registryHost` (../registry-host.ts) makes its `source`, as for modules. */
export function presentProvider(provider: ProviderWithNamespace, registryHost?: string) {
  return {
    ...provider,
    source: registryHost ? `${registryHost}/${provider.namespace}/${provider.type}` : null,
  };
}

export const TERRAFORM_PROVIDER_VERSION = object({
  id: ID,
  provider_id: ID,
  namespace: { type: 'string' },
  type: { type: 'string' },
  version: { type: 'string' },
  protocols: { type: 'array', items: { type: 'string' } },
  platforms: {
    type: 'array',
    items: object({
      os: { type: 'string' },
      arch: { type: 'string' },
      filename: { type: 'string' },
      shasum: { type: 'string', description: 'SHA-256 of the zip, hex.' },
      size: { type: 'integer', description: 'Bytes of the zip.' },
    }),
  },
  signing_key: object({
    key_id: { type: 'string', description: 'The OpenPGP key id, 16 hex digits.' },
    origin: {
      type: 'string',
      enum: ['generated', 'operator', 'publisher'],
      description: "Who holds the key: Mercato's for the organization, the operator's, or the publisher's own.",
    },
  }),
  published_by: { type: ['string', 'null'] },
  yanked: { type: 'boolean', description: 'Hidden from the versions Terraform chooses from; still downloadable.' },
  yanked_at: { type: ['string', 'null'] },
  yank_reason: { type: 'string' },
  created_at: TIMESTAMP,
});

export function presentVersion(
  provider: ProviderWithNamespace,
  version: TerraformProviderVersionRow,
  platforms: PlatformSummary[],
  key: Pick<ProviderSigningKeyRow, 'key_id' | 'origin'>,
) {
  return {
    id: version.id,
    provider_id: provider.id,
    namespace: provider.namespace,
    type: provider.type,
    version: version.version,
    protocols: JSON.parse(version.protocols) as string[],
    platforms: [...platforms]
      .sort((a, b) => (`${a.os}_${a.arch}` < `${b.os}_${b.arch}` ? -1 : 1))
      .map(({ os, arch, filename, shasum, size }) => ({ os, arch, filename, shasum, size })),
    signing_key: { key_id: key.key_id, origin: key.origin },
    published_by: version.published_by,
    yanked: version.yanked_at !== null,
    yanked_at: version.yanked_at,
    yank_reason: version.yank_reason,
    created_at: version.created_at,
  };
}
