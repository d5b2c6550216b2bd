/**
 * `mercato provider publish DIR`: uploads a provider release folder to Mercato's provider
 * registry in one request (POST /api/v1/terraform-provider-versions), so the version appears
 * whole or not at all. The folder is what a release build writes (goreleaser's names):
 *
 *   terraform-provider-<type>_<version>_<os>_<arch>.zip   one per platform (required)
 *   terraform-provider-<type>_<version>_SHA256SUMS         optional: checked against the zips
 *   terraform-provider-<type>_<version>_SHA256SUMS.sig     optional: the publisher's signature...
 *   *.asc (or --public-key)                                ...and the public key that verifies it
 *   terraform-provider-<type>_<version>_manifest.json      optional: protocol_versions
 *
 * Without a signature, Mercato writes the SHA256SUMS (or checks the given one) and signs it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TerraformProviderVersion } from '@mercato/api';
import { CliError } from '../cli-error';

export interface PublishOptions {
  namespace: string;
  /** Default: from the zips' names. */
  type?: string;
  version?: string;
  /** Default: the manifest's protocol_versions, else 5.0 (as Terraform's public registry assumes). */
  protocols?: string[];
  visibility?: 'public' | 'private';
  publicKey?: string;
}

/** The request body for the folder; throws a CliError naming the file or option that is wrong. */
export function publishRequest(dir: string, options: PublishOptions) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir} is not a folder`);
  const files = readdirSync(dir);
  const zips = files
    .map((name) => ({
      name,
      match: /^terraform-provider-([a-z0-9-]+)_([^_]+)_([a-z0-9]+)_([a-z0-9]+)\.zip$/.exec(name),
    }))
    .filter(
      (z) =>
        z.match &&
        (!options.type || z.match[1] === options.type) &&
        (!options.version || z.match[2] === options.version),
    );
  if (!zips.length)
    throw new CliError(
      `${dir} holds no terraform-provider-${options.type ?? '<type>'}_${options.version ?? '<version>'}_<os>_<arch>.zip`,
    );
  const types = new Set(zips.map((z) => z.match![1]));
  const versions = new Set(zips.map((z) => z.match![2]));
  if (types.size > 1 || versions.size > 1)
    throw new CliError(
      `${dir} holds zips of several providers or versions (${[...types].join(', ')} / ${[...versions].join(', ')}): choose with --type and --version`,
    );
  const type = [...types][0];
  const version = [...versions][0];
  const prefix = `terraform-provider-${type}_${version}_`;
  const optional = (name: string) => (files.includes(name) ? readFileSync(join(dir, name)) : undefined);
  const shasums = optional(`${prefix}SHA256SUMS`);
  const signature = optional(`${prefix}SHA256SUMS.sig`);
  const publicKey = signature ? publicKeyText(dir, files, options.publicKey) : undefined;
  return {
    namespace: options.namespace,
    type,
    version,
    protocols: options.protocols ?? manifestProtocols(dir, `${prefix}manifest.json`, files) ?? ['5.0'],
    ...(options.visibility ? { visibility: options.visibility } : {}),
    archives: zips.map((z) => ({ filename: z.name, content: readFileSync(join(dir, z.name)).toString('base64') })),
    ...(shasums ? { shasums: shasums.toString('utf8') } : {}),
    ...(signature ? { shasums_signature: signature.toString('base64'), public_key: publicKey } : {}),
  };
}

function publicKeyText(dir: string, files: string[], given: string | undefined): string {
  if (given) return readFileSync(given, 'utf8');
  const keys = files.filter((name) => name.endsWith('.asc'));
  if (keys.length !== 1)
    throw new CliError(
      `${dir} has a SHA256SUMS.sig, so the public key that verifies it is needed: ${keys.length ? `it holds several .asc files (${keys.join(', ')})` : 'it holds no .asc file'}; name it with --public-key`,
    );
  return readFileSync(join(dir, keys[0]), 'utf8');
}

/** `{"version":1,"metadata":{"protocol_versions":["6.0"]}}`, as terraform-registry-manifest.json says it. */
function manifestProtocols(dir: string, name: string, files: string[]): string[] | undefined {
  const file = files.includes(name)
    ? name
    : files.includes('terraform-registry-manifest.json')
      ? 'terraform-registry-manifest.json'
      : undefined;
  if (!file) return undefined;
  try {
    const protocols = (
      JSON.parse(readFileSync(join(dir, file), 'utf8')) as { metadata?: { protocol_versions?: unknown } }
    ).metadata?.protocol_versions;
    if (Array.isArray(protocols) && protocols.every((p) => typeof p === 'string')) return protocols;
  } catch (error) {
    throw new CliError(`${join(dir, file)} is not JSON: ${(error as Error).message}`);
  }
  throw new CliError(`${join(dir, file)}: metadata.protocol_versions is not a list of versions such as ["6.0"]`);
}

/** The answer of a publish, in a few lines. */
export function describePublished(version: TerraformProviderVersion): string {
  const signers: Record<string, string> = {
    publisher: 'your key',
    operator: "the operator's key",
    generated: "Mercato's key for the organization",
  };
  const signer = signers[version.signing_key?.origin ?? 'generated'];
  return [
    `published ${version.namespace}/${version.type} ${version.version}`,
    ...(version.platforms ?? []).map((p) => `  ${p.os}_${p.arch}  ${p.shasum}`),
    `  SHA256SUMS signed by ${signer} ${version.signing_key?.key_id}`,
  ].join('\n');
}
