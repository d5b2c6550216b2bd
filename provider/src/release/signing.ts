/**
 * Detached OpenPGP signatures of a release's SHA256SUMS (openpgp), as Terraform checks them: a
 * BINARY signature (`gpg --detach-sign`'s format; Terraform does not take an armored one),
 * verified against the registry's `signing_keys.gpg_public_keys`.
 */

/** An operator's key: the armored private key and, if it is encrypted, its passphrase. */
export interface SigningKey {
  armoredPrivateKey: string;
  passphrase?: string;
}

export interface Signature {
  /** The binary detached signature (the `_SHA256SUMS.sig` file). */
  signature: Buffer;
  /** The armored PUBLIC key that verifies it (what a registry serves as `ascii_armor`). */
  armoredPublicKey: string;
  /** The key's id, 16 upper-case hex digits (`key_id`). */
  keyId: string;
}

/** Signs `document`; throws a message naming what is wrong with the key or passphrase. */
export async function signDetached(document: Buffer, key: SigningKey): Promise<Signature> {
  const openpgp: typeof import('openpgp', { with: { 'resolution-mode': 'require' } }) = require('openpgp');
  let privateKey = await openpgp.readPrivateKey({ armoredKey: key.armoredPrivateKey }).catch((error: Error) => {
    throw new Error(`the signing key is not an armored OpenPGP private key: ${error.message}`);
  });
  if (!privateKey.isDecrypted()) {
    if (!key.passphrase) throw new Error('the signing key is encrypted: give its passphrase');
    privateKey = await openpgp.decryptKey({ privateKey, passphrase: key.passphrase }).catch((error: Error) => {
      throw new Error(`the signing key's passphrase does not decrypt it: ${error.message}`);
    });
  }
  const signature = await openpgp.sign({
    message: await openpgp.createMessage({ binary: document }),
    signingKeys: privateKey,
    detached: true,
    format: 'binary',
  });
  return {
    signature: Buffer.from(signature as Uint8Array),
    armoredPublicKey: privateKey.toPublic().armor(),
    keyId: privateKey.getKeyID().toHex().toUpperCase(),
  };
}
