/**
 * Publishing a provider version: every platform's zip, the SHA256SUMS and its signature in ONE
 * request and ONE transaction, so a version is either all there (listed, installable on each of
 * its platforms, its signature verifying) or not there at all. A published version never
 * changes: lock files pin its zips' hashes. What is checked first, each failure naming its field:
 * the address and version, each zip (a zip holding the provider's executable), the SHA256SUMS
 * (when given: every zip in it with its hash, nothing else), and the signature (when given:
 * it verifies with the given public key). Without a signature Mercato signs with its key
 * (signing-keys.ts).
 */
import { createHash } from 'node:crypto';
import semver from 'semver';
import type { Principal } from '../../auth/principal';
import { recordEvent } from '../../audit/record';
import type { Db } from '../../db/database';
import { isUniqueViolation } from '../../db/database';
import type { OrganizationRow, TerraformProviderPlatformRow, TerraformProviderVersionRow } from '../../db/tables';
import { newId } from '../../ids';
import { conflict, forbidden, invalidFields, type FieldError } from '../../http/problem';
import { mayPublish, organizationBySlug } from '../registry-access';
import { providerArchiveProblem } from './provider-archive';
import {
  findProvider,
  findVersion,
  insertProvider,
  insertVersion,
  type ProviderWithNamespace,
} from './providers-repository';
import { formatSha256Sums, parseSha256Sums } from './sha256sums';
import { mercatoSigner, publisherKey, PublishKeyError, type SignerKey } from './signing-keys';
import type { ProviderSigningKeyRow } from '../../db/tables';

/** A provider type as Terraform allows it: lower-case letters, digits and dashes, not at either end. */
export const PROVIDER_TYPE_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$';

/** The body of `POST /api/v1/terraform-provider-versions`, as the route schema gives it. */
export interface PublishRequest {
  namespace: string;
  type: string;
  version: string;
  protocols: string[];
  visibility?: 'public' | 'private';
  archives: { filename: string; content: string }[];
  shasums?: string;
  shasums_signature?: string;
  public_key?: string;
}

export interface Published {
  provider: ProviderWithNamespace;
  version: TerraformProviderVersionRow;
  platforms: Omit<TerraformProviderPlatformRow, 'archive'>[];
  signingKey: ProviderSigningKeyRow;
  /** Whether this publish created the provider. */
  created: boolean;
}

interface CheckedArchive {
  os: string;
  arch: string;
  filename: string;
  content: Buffer;
  shasum: string;
}

/** Publishes one version; throws Problems (403, 404-as-422, 409, 422 naming the fields). */
export async function publishProviderVersion(
  db: Db,
  principal: Principal,
  input: PublishRequest,
  operatorKey?: Parameters<typeof mercatoSigner>[2],
): Promise<Published> {
  const organization = await organizationBySlug(db, input.namespace);
  if (!organization)
    throw invalidFields([{ field: 'namespace', message: `no organization has the slug "${input.namespace}"` }]);
  if (!mayPublish(principal, organization.id))
    throw forbidden(`only staff and the owners and service managers of ${input.namespace} publish its providers`);
  const errors = checkAddress(input);
  const archives = await checkArchives(input, errors);
  if (errors.length) throw invalidFields(errors);
  const shasums = checkShasums(input, archives);
  const existing = await findProvider(db, organization.id, input.type);
  if (existing && (await findVersion(db, existing.id, input.version)))
    throw conflict(
      `${input.namespace}/${input.type} ${input.version} is already published; a published version never changes (lock files pin its hashes): publish a new version`,
      'version',
    );
  const { signature, signingKey } = await signatureFor(db, organization, input, shasums, operatorKey);
  return store(db, principal, organization, input, existing, archives, shasums, signature, signingKey);
}

function checkAddress(input: PublishRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (input.type.startsWith('terraform-provider-'))
    errors.push({ field: 'type', message: 'is the type alone, without the "terraform-provider-" prefix' });
  if (semver.valid(input.version) !== input.version)
    errors.push({
      field: 'version',
      message: `"${input.version}" is not a semantic version (MAJOR.MINOR.PATCH[-prerelease])`,
    });
  if (input.shasums_signature !== undefined && input.shasums === undefined)
    errors.push({ field: 'shasums', message: 'is required with shasums_signature: the signature signs it' });
  if (input.shasums_signature !== undefined && input.public_key === undefined)
    errors.push({
      field: 'public_key',
      message: 'is required with shasums_signature: Terraform checks it with that key',
    });
  if (input.public_key !== undefined && input.shasums_signature === undefined)
    errors.push({ field: 'shasums_signature', message: 'is required with public_key' });
  return errors;
}

/** Each zip's name must be Terraform's for this provider and version; its content a provider package. */
async function checkArchives(input: PublishRequest, errors: FieldError[]): Promise<CheckedArchive[]> {
  const prefix = `terraform-provider-${input.type}_${input.version}_`;
  const platforms = new Set<string>();
  const archives: CheckedArchive[] = [];
  for (const [index, archive] of input.archives.entries()) {
    const field = `archives[${index}]`;
    const platform = archive.filename.startsWith(prefix)
      ? /^([a-z0-9]+)_([a-z0-9]+)\.zip$/.exec(archive.filename.slice(prefix.length))
      : null;
    if (!platform) {
      errors.push({ field: `${field}.filename`, message: `"${archive.filename}" is not ${prefix}<os>_<arch>.zip` });
      continue;
    }
    const [, os, arch] = platform;
    if (platforms.has(`${os}_${arch}`)) {
      errors.push({ field: `${field}.filename`, message: `${os}_${arch} is given twice` });
      continue;
    }
    platforms.add(`${os}_${arch}`);
    const content = Buffer.from(archive.content, 'base64');
    const problem = await providerArchiveProblem(content, input.type);
    if (problem) {
      errors.push({ field: `${field}.content`, message: `${archive.filename} ${problem}` });
      continue;
    }
    archives.push({
      os,
      arch,
      filename: archive.filename,
      content,
      shasum: createHash('sha256').update(content).digest('hex'),
    });
  }
  return archives;
}

/** The SHA256SUMS to publish: the given one when it matches the zips exactly, else made from them. */
function checkShasums(input: PublishRequest, archives: CheckedArchive[]): string {
  if (input.shasums === undefined) return formatSha256Sums(archives);
  let entries;
  try {
    entries = parseSha256Sums(input.shasums);
  } catch (error) {
    throw invalidFields([{ field: 'shasums', message: (error as Error).message }]);
  }
  const errors: FieldError[] = [];
  const listed = new Map(entries.map((e) => [e.filename, e.shasum]));
  for (const archive of archives) {
    const shasum = listed.get(archive.filename);
    if (shasum === undefined) errors.push({ field: 'shasums', message: `does not list ${archive.filename}` });
    else if (shasum !== archive.shasum)
      errors.push({
        field: 'shasums',
        message: `lists ${archive.filename} with SHA-256 ${shasum}, but the uploaded zip's is ${archive.shasum}`,
      });
  }
  const uploaded = new Set(archives.map((a) => a.filename));
  for (const entry of entries)
    if (!uploaded.has(entry.filename))
      errors.push({
        field: 'shasums',
        message: `lists ${entry.filename}, which is not uploaded: upload every platform it lists`,
      });
  if (errors.length) throw invalidFields(errors);
  return input.shasums;
}

async function signatureFor(
  db: Db,
  organization: OrganizationRow,
  input: PublishRequest,
  shasums: string,
  operatorKey: Parameters<typeof mercatoSigner>[2],
): Promise<{ signature: Buffer; signingKey: ProviderSigningKeyRow }> {
  const document = Buffer.from(shasums);
  if (input.shasums_signature === undefined) {
    const signer: SignerKey = await mercatoSigner(db, organization, operatorKey);
    return { signature: await signer.sign(document), signingKey: signer.row };
  }
  const signature = Buffer.from(input.shasums_signature, 'base64');
  try {
    return { signature, signingKey: await publisherKey(db, organization.id, input.public_key!, document, signature) };
  } catch (error) {
    if (error instanceof PublishKeyError) throw invalidFields([{ field: error.field, message: error.message }]);
    throw error;
  }
}

async function store(
  db: Db,
  principal: Principal,
  organization: OrganizationRow,
  input: PublishRequest,
  existing: ProviderWithNamespace | undefined,
  archives: CheckedArchive[],
  shasums: string,
  signature: Buffer,
  signingKey: ProviderSigningKeyRow,
): Promise<Published> {
  const at = new Date().toISOString();
  const provider: ProviderWithNamespace = existing ?? {
    id: newId(),
    organization_id: organization.id,
    type: input.type,
    visibility: input.visibility ?? 'private',
    created_at: at,
    updated_at: at,
    namespace: input.namespace,
  };
  const version: TerraformProviderVersionRow = {
    id: newId(),
    provider_id: provider.id,
    version: input.version,
    protocols: JSON.stringify(input.protocols),
    shasums,
    shasums_signature: signature,
    signing_key_id: signingKey.id,
    published_by: principal.user.id,
    yanked_at: null,
    yank_reason: '',
    created_at: at,
  };
  const platforms = archives.map((a) => ({
    version_id: version.id,
    os: a.os,
    arch: a.arch,
    filename: a.filename,
    shasum: a.shasum,
    size: a.content.length,
    archive: a.content,
  }));
  try {
    await db.transaction().execute(async (trx) => {
      if (!existing) {
        const { namespace: _namespace, ...row } = provider;
        await insertProvider(trx, row);
      }
      await insertVersion(trx, version, platforms);
      await recordEvent(trx, {
        actorId: principal.user.id,
        action: 'terraform-provider-version.published',
        objectType: 'terraform-provider-version',
        objectId: version.id,
        organizationId: organization.id,
        changes: {
          source: `${input.namespace}/${input.type}`,
          version: input.version,
          protocols: input.protocols,
          platforms: platforms.map((p) => `${p.os}_${p.arch}`),
          shasums: Object.fromEntries(platforms.map((p) => [p.filename, p.shasum])),
          signing_key_id: signingKey.key_id,
          signed_by: signingKey.origin,
          ...(existing ? {} : { provider_created: { visibility: provider.visibility } }),
        },
      });
    });
  } catch (error) {
    // Another publish of the same provider or version won the race.
    if (isUniqueViolation(error))
      throw conflict(`${input.namespace}/${input.type} ${input.version} was published meanwhile`, 'version');
    throw error;
  }
  return {
    provider,
    version,
    platforms: platforms.map(({ archive: _archive, ...p }) => p),
    signingKey,
    created: !existing,
  };
}
