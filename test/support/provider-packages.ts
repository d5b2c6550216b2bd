/**
 * Terraform provider packages for registry tests: zips named as Terraform expects, holding a
 * small executable, their SHA256SUMS, and OpenPGP keys and signatures made with openpgp.
 */
import { createHash } from 'node:crypto';
import type * as Openpgp from 'openpgp' with { 'resolution-mode': 'require' };

/** A zip holding one executable entry `entry` (mode 0755) with `content`. */
export function zipOf(entry: string, content: string | Buffer): Promise<Buffer> {
  const { ZipFile }: typeof import('yazl') = require('yazl');
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(content), entry, { mode: 0o100755, mtime: new Date(1980, 0, 1) });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export const zipName = (type: string, version: string, platform: string) =>
  `terraform-provider-${type}_${version}_${platform}.zip`;

/** A provider package for a platform: a shell script executable, named as Terraform runs it. */
export async function providerZip(type: string, version: string, platform: string, script?: string) {
  // Each platform's differs, as real builds do, so their hashes tell them apart.
  const content = await zipOf(`terraform-provider-${type}_v${version}`, script ?? `#!/bin/sh\n# ${platform}\nexit 1\n`);
  return { filename: zipName(type, version, platform), content };
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export const sha256Sums = (files: { filename: string; content: Buffer }[]) =>
  files.map((f) => `${sha256(f.content)}  ${f.filename}\n`).join('');

function openpgp(): typeof Openpgp {
  const loaded: typeof Openpgp = require('openpgp');
  return loaded;
}

/** A fresh Ed25519 OpenPGP key pair, armored. */
export async function newKeyPair(name = 'Provider publisher') {
  const { privateKey, publicKey } = await openpgp().generateKey({
    type: 'ecc',
    userIDs: [{ name }],
    format: 'armored',
  });
  return { privateKey, publicKey };
}

/** A binary detached signature of `document`. */
export async function detachedSignature(document: string, armoredPrivateKey: string): Promise<Buffer> {
  const pgp = openpgp();
  const signingKeys = await pgp.readPrivateKey({ armoredKey: armoredPrivateKey });
  const signature = await pgp.sign({
    message: await pgp.createMessage({ binary: Buffer.from(document) }),
    signingKeys,
    detached: true,
    format: 'binary',
  });
  return Buffer.from(signature as Uint8Array);
}

/** Whether `signature` is a valid detached signature of `document` by `armoredPublicKey`. */
export async function verifies(document: string, signature: Buffer, armoredPublicKey: string): Promise<boolean> {
  const pgp = openpgp();
  const result = await pgp.verify({
    message: await pgp.createMessage({ binary: Buffer.from(document) }),
    signature: await pgp.readSignature({ binarySignature: signature }),
    verificationKeys: await pgp.readKey({ armoredKey: armoredPublicKey }),
  });
  return result.signatures[0].verified.then(
    () => true,
    () => false,
  );
}

/** The body of POST /api/v1/terraform-provider-versions for these zips. */
export function publishBody(
  namespace: string,
  type: string,
  version: string,
  archives: { filename: string; content: Buffer }[],
  extra: Record<string, unknown> = {},
) {
  return {
    namespace,
    type,
    version,
    protocols: ['6.0'],
    archives: archives.map((a) => ({ filename: a.filename, content: a.content.toString('base64') })),
    ...extra,
  };
}
