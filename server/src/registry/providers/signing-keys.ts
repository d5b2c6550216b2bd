/**
 * The OpenPGP keys that sign providers' SHA256SUMS, whose public halves the registry serves as
 * `signing_keys.gpg_public_keys` (Terraform's "Provider Registry Protocol"; Terraform checks the
 * detached signature against them and refuses a package whose signature does not verify).
 *
 * Which key signs what Mercato signs:
 * - The operator's key, when MERCATO_PROVIDER_SIGNING_KEY names one (armored private key, with
 *   MERCATO_PROVIDER_SIGNING_KEY_PASSPHRASE): one key the operator controls, for every namespace.
 * - Otherwise one key per organization (namespace), generated on first need and kept in the
 *   database. Per namespace, not one for the server, because SHA256SUMS names files by type and
 *   version only: with one key, a signed SHA256SUMS of `acme/dns` would verify as well for
 *   `globex/dns` from a compromised mirror; with a key per namespace it verifies only for its own.
 *   It also lets an organization's key be rotated or revoked without touching the others.
 * A publisher may also upload its own signature with its public key (origin `publisher`).
 *
 * Private keys are never served, logged or put in events: the generated ones stay in the
 * `provider_signing_keys` table (the SQLite file is 0600; PostgreSQL's own access rules apply),
 * the operator's in its file.
 */
import type { Db } from '../../db/database';
import { isUniqueViolation } from '../../db/database';
import type { ProviderSigningKeyRow } from '../../db/tables';
import { newId } from '../../ids';

type OpenPgp = typeof import('openpgp', { with: { 'resolution-mode': 'require' } });
/** openpgp is loaded at the first signature, not with the server. */
function openpgp(): OpenPgp {
  const loaded: OpenPgp = require('openpgp');
  return loaded;
}

/** The operator's key as the server's configuration gives it. */
export interface OperatorSigningKey {
  armoredPrivateKey: string;
  passphrase?: string;
}

/** A key that can sign now: its row and its decrypted private key. */
export interface SignerKey {
  row: ProviderSigningKeyRow;
  sign(document: Buffer): Promise<Buffer>;
}

/** The public key's id as Terraform shows it: 16 upper-case hex digits. */
const keyIdOf = (key: { getKeyID(): { toHex(): string } }) => key.getKeyID().toHex().toUpperCase();

/**
 * Reads and decrypts the operator's key; throws a message naming MERCATO_PROVIDER_SIGNING_KEY when
 * it is not an armored private key or its passphrase does not open it (at start-up, not at a publish).
 */
export async function loadOperatorKey(key: OperatorSigningKey) {
  const pgp = openpgp();
  const privateKey = await pgp.readPrivateKey({ armoredKey: key.armoredPrivateKey }).catch((error: Error) => {
    throw new Error(`MERCATO_PROVIDER_SIGNING_KEY is not an armored OpenPGP private key: ${error.message}`);
  });
  if (privateKey.isDecrypted()) return privateKey;
  if (!key.passphrase)
    throw new Error('MERCATO_PROVIDER_SIGNING_KEY is encrypted: set MERCATO_PROVIDER_SIGNING_KEY_PASSPHRASE');
  return pgp.decryptKey({ privateKey, passphrase: key.passphrase }).catch((error: Error) => {
    throw new Error(`MERCATO_PROVIDER_SIGNING_KEY_PASSPHRASE does not decrypt the key: ${error.message}`);
  });
}

type PrivateKey = Awaited<ReturnType<typeof loadOperatorKey>>;

async function detachedSignature(document: Buffer, privateKey: PrivateKey): Promise<Buffer> {
  const pgp = openpgp();
  const signature = await pgp.sign({
    message: await pgp.createMessage({ binary: document }),
    signingKeys: privateKey,
    detached: true,
    format: 'binary',
  });
  return Buffer.from(signature as Uint8Array);
}

/**
 * The key Mercato signs `organizationId`'s providers with: the operator's when configured
 * (recorded once as a row, public half only), else the organization's own, generated now if it
 * has none (two publishes racing for the first one both end up with the same key).
 */
export async function mercatoSigner(
  db: Db,
  organization: { id: string; name: string },
  operatorKey?: PrivateKey,
): Promise<SignerKey> {
  if (operatorKey) {
    const row = await operatorKeyRow(db, operatorKey);
    return { row, sign: (document) => detachedSignature(document, operatorKey) };
  }
  const row = (await generatedKeyRow(db, organization.id)) ?? (await generateKey(db, organization));
  const privateKey = await openpgp().readPrivateKey({ armoredKey: row.private_key! });
  return { row, sign: (document) => detachedSignature(document, privateKey) };
}

const generatedKeyRow = (db: Db, organizationId: string) =>
  db.selectFrom('provider_signing_keys').selectAll().where('generated_for', '=', organizationId).executeTakeFirst();

async function generateKey(db: Db, organization: { id: string; name: string }): Promise<ProviderSigningKeyRow> {
  const pgp = openpgp();
  // Ed25519 (openpgp's default ECC key): Terraform's OpenPGP library (ProtonMail/go-crypto) verifies EdDSA.
  const { privateKey } = await pgp.generateKey({
    type: 'ecc',
    userIDs: [{ name: `Mercato provider registry: ${organization.name}`.slice(0, 200) }],
    format: 'object',
  });
  const row: ProviderSigningKeyRow = {
    id: newId(),
    organization_id: organization.id,
    generated_for: organization.id,
    origin: 'generated',
    key_id: keyIdOf(privateKey),
    ascii_armor: privateKey.toPublic().armor(),
    private_key: privateKey.armor(),
    created_at: new Date().toISOString(),
  };
  try {
    await db.insertInto('provider_signing_keys').values(row).execute();
    return row;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await generatedKeyRow(db, organization.id))!;
  }
}

async function operatorKeyRow(db: Db, privateKey: PrivateKey): Promise<ProviderSigningKeyRow> {
  const keyId = keyIdOf(privateKey);
  const found = await db
    .selectFrom('provider_signing_keys')
    .selectAll()
    .where('origin', '=', 'operator')
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  if (found) return found;
  const row: ProviderSigningKeyRow = {
    id: newId(),
    organization_id: null,
    generated_for: null,
    origin: 'operator',
    key_id: keyId,
    ascii_armor: privateKey.toPublic().armor(),
    private_key: null,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('provider_signing_keys').values(row).execute();
  return row;
}

/**
 * A publisher's own signature: checks that `signature` is a detached signature of `document` by
 * `armoredPublicKey` (so nothing that Terraform would refuse is published), and answers the key's
 * row for the organization, recorded on first use. Throws a message saying what does not verify.
 */
export async function publisherKey(
  db: Db,
  organizationId: string,
  armoredPublicKey: string,
  document: Buffer,
  signature: Buffer,
): Promise<ProviderSigningKeyRow> {
  const pgp = openpgp();
  const publicKey = await pgp.readKey({ armoredKey: armoredPublicKey }).catch((error: Error) => {
    throw new PublishKeyError('public_key', `is not an armored OpenPGP public key: ${error.message}`);
  });
  if (publicKey.isPrivate()) throw new PublishKeyError('public_key', 'is a PRIVATE key: give only its public half');
  const detached = await pgp.readSignature({ binarySignature: signature }).catch((error: Error) => {
    throw new PublishKeyError('shasums_signature', `is not a binary OpenPGP signature: ${error.message}`);
  });
  const verification = await pgp.verify({
    message: await pgp.createMessage({ binary: document }),
    signature: detached,
    verificationKeys: publicKey,
    format: 'binary',
  });
  try {
    await verification.signatures[0]?.verified;
    if (!verification.signatures.length) throw new Error('it holds no signature');
  } catch (error) {
    throw new PublishKeyError(
      'shasums_signature',
      `does not verify the SHA256SUMS with key ${keyIdOf(publicKey)}: ${(error as Error).message}`,
    );
  }
  const keyId = keyIdOf(publicKey);
  const found = await db
    .selectFrom('provider_signing_keys')
    .selectAll()
    .where('origin', '=', 'publisher')
    .where('organization_id', '=', organizationId)
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  if (found) return found;
  const row: ProviderSigningKeyRow = {
    id: newId(),
    organization_id: organizationId,
    generated_for: null,
    origin: 'publisher',
    key_id: keyId,
    ascii_armor: publicKey.armor(),
    private_key: null,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('provider_signing_keys').values(row).execute();
  return row;
}

/** A publisher's key or signature that is refused, naming the request field. */
export class PublishKeyError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
