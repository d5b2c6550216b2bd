import { ID, object, TIMESTAMP } from '../../http/schemas';
import { json } from '../../http/route-context';
import { modulePath } from './module-address';
import type { ModuleMetadata } from './module-reader';
import type { ModuleWithNamespace, VersionInfo } from './modules-repository';

/** How the API shows modules and their versions: the schemas of the answers and the functions that fill them. */

const STRING = { type: 'string' } as const;
const BOOLEAN = { type: 'boolean' } as const;
const NULLABLE_STRING = { type: ['string', 'null'] } as const;

const METADATA_PROPERTIES = {
  inputs: {
    type: 'array',
    description: "The module's variables.",
    items: object({
      name: STRING,
      type: { ...NULLABLE_STRING, description: 'The type constraint as written; null: any type.' },
      description: STRING,
      required: { ...BOOLEAN, description: 'No default: a caller must set it.' },
      default: {
        description: 'The default value, when it has one and the input is not sensitive; HCL expressions as `${...}`.',
      },
      sensitive: BOOLEAN,
      nullable: BOOLEAN,
      validations: { type: 'array', items: object({ condition: STRING, error_message: STRING }) },
    }),
  },
  outputs: {
    type: 'array',
    description: "The module's outputs.",
    items: object({ name: STRING, description: STRING, sensitive: BOOLEAN }),
  },
  required_providers: {
    type: 'array',
    items: object({ name: STRING, source: STRING, version: STRING }),
  },
  required_version: { ...NULLABLE_STRING, description: 'The Terraform versions it requires; null when it says none.' },
  readme: { ...STRING, description: "The README of the module's root folder (Markdown)." },
  examples: { type: 'array', items: STRING, description: 'Folders under examples/.' },
  submodules: { type: 'array', items: STRING, description: 'Folders under modules/ (nested modules).' },
  files: { type: 'array', items: STRING, description: 'The configuration files of the root module.' },
} as const;

const VERSION_PROPERTIES = {
  version: STRING,
  sha256: { ...STRING, description: 'Hex SHA-256 of the archive.' },
  size: { type: 'integer', description: 'Bytes of the archive (.tar.gz).' },
  published_by: ID,
  published_at: TIMESTAMP,
  yanked: {
    ...BOOLEAN,
    description: 'Hidden from `terraform init` (its versions list); still downloadable by version.',
  },
  yanked_at: { type: ['string', 'null'], format: 'date-time' },
  yanked_by: { type: ['string', 'null'] },
  deprecated: BOOLEAN,
  deprecation_message: STRING,
  deprecated_at: { type: ['string', 'null'], format: 'date-time' },
  deprecated_by: { type: ['string', 'null'] },
} as const;

const MODULE_PROPERTIES = {
  id: ID,
  organization_id: ID,
  namespace: { ...STRING, description: "Its organization's slug." },
  name: STRING,
  system: STRING,
  path: { ...STRING, description: '`namespace/name/system`: a module source is `<registry host>/<path>`.' },
  source: {
    type: ['string', 'null'],
    description:
      "The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener.",
  },
  visibility: { type: 'string', enum: ['public', 'private'] },
  description: { ...STRING, description: "The first paragraph of the latest version's README." },
  latest_version: { ...STRING, description: 'The highest version not yanked; empty when none.' },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
} as const;

/** A module in a list. */
export const MODULE = object(MODULE_PROPERTIES);

/** A version with everything read from its archive. */
export const MODULE_VERSION = object({
  ...VERSION_PROPERTIES,
  module: MODULE,
  metadata: object(METADATA_PROPERTIES),
});

/** A module with its versions and what its latest version holds. */
export const MODULE_DETAIL = object({
  ...MODULE_PROPERTIES,
  versions: { type: 'array', items: object(VERSION_PROPERTIES), description: 'Highest first, yanked ones too.' },
  latest: {
    type: ['object', 'null'],
    properties: { version: STRING, ...METADATA_PROPERTIES },
    description: 'What the latest version holds; null when every version is yanked.',
  },
});

/** A module as answers show it; `registryHost` (registry-host.ts) makes its `source`. */
export function presentModule(row: ModuleWithNamespace, registryHost?: string) {
  return {
    id: row.id,
    organization_id: row.organization_id,
    namespace: row.namespace,
    name: row.name,
    system: row.system,
    path: modulePath(row),
    source: registryHost ? `${registryHost}/${modulePath(row)}` : null,
    visibility: row.visibility as 'public' | 'private',
    description: row.description,
    latest_version: row.latest_version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function presentVersionSummary(row: VersionInfo) {
  return {
    version: row.version,
    sha256: row.sha256,
    size: row.size,
    published_by: row.published_by,
    published_at: row.created_at,
    yanked: row.yanked === 1,
    yanked_at: row.yanked_at,
    yanked_by: row.yanked_by,
    deprecated: row.deprecated === 1,
    deprecation_message: row.deprecation_message,
    deprecated_at: row.deprecated_at,
    deprecated_by: row.deprecated_by,
  };
}

/** A version's metadata as answers show it: a sensitive input's default left out, as Terraform hides sensitive values. */
function metadataOf(row: VersionInfo): ModuleMetadata {
  const metadata = json<ModuleMetadata>(row.metadata, {} as ModuleMetadata);
  return {
    ...metadata,
    inputs: metadata.inputs?.map(({ default: value, ...input }) =>
      input.sensitive || value === undefined ? input : { ...input, default: value },
    ),
  };
}

export function presentVersion(module: ModuleWithNamespace, row: VersionInfo, registryHost?: string) {
  return { ...presentVersionSummary(row), module: presentModule(module, registryHost), metadata: metadataOf(row) };
}

export function presentModuleDetail(module: ModuleWithNamespace, versions: VersionInfo[], registryHost?: string) {
  const latest = versions.find((v) => v.version === module.latest_version);
  return {
    ...presentModule(module, registryHost),
    versions: versions.map(presentVersionSummary),
    latest: latest ? { version: latest.version, ...metadataOf(latest) } : null,
  };
}

/** The first paragraph of a README that is not a heading, a badge or an HTML line, cut to 500 characters. */
export function descriptionFromReadme(readme: string): string {
  const paragraph = readme
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !/^(#|!\[|\[!\[|<|=+$|-+$)/.test(p));
  return (paragraph ?? '').replace(/\s+/g, ' ').slice(0, 500);
}
