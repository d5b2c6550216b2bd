/**
 * The self-signed server certificate for go-plugin's AutoMTLS.
 *
 * Terraform pins exactly the certificate we print in the handshake line, so it only needs to be a
 * valid X.509 v3 CA cert for "localhost". ECDSA P-256 keys are generated in well under a
 * millisecond (RSA-2048 costs 150-290 ms per launch, and Terraform launches us several times).
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import * as der from './der';

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

export interface ServerCertificate {
  /** DER bytes of the certificate (base64 of these goes into the handshake line). */
  der: Buffer;
  certPem: string;
  keyPem: string;
}

export function createServerCertificate(now = new Date()): ServerCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const tbs = toBeSigned(publicKey, now);
  const signature = sign('sha256', tbs, privateKey); // ECDSA signatures come out DER-encoded already
  const certificate = der.sequence(tbs, signatureAlgorithm(), der.bitString(signature));
  return {
    der: certificate,
    certPem: toPem('CERTIFICATE', certificate),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function toBeSigned(publicKey: KeyObject, now: Date): Buffer {
  const name = distinguishedName('localhost');
  // Backdate a little: the client clock may differ slightly from ours.
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + 30 * 24 * 3600_000);
  return der.sequence(
    der.explicit(0, der.smallInteger(2)), // version v3
    der.unsignedInteger(serialNumber()),
    signatureAlgorithm(),
    name, // issuer = subject: self-signed
    der.sequence(der.time(notBefore), der.time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    der.explicit(3, extensions()),
  );
}

function serialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f; // positive
  bytes[0] |= 0x01; // and no leading zero byte to trim
  return bytes;
}

function signatureAlgorithm(): Buffer {
  return der.sequence(der.objectIdentifier(OID.ecdsaWithSha256));
}

function distinguishedName(commonName: string): Buffer {
  const attribute = (oid: string, value: string) =>
    der.set(der.sequence(der.objectIdentifier(oid), der.utf8String(value)));
  return der.sequence(attribute(OID.organization, 'HashiCorp'), attribute(OID.commonName, commonName));
}

function extensions(): Buffer {
  const extension = (oid: string, critical: boolean, value: Buffer) =>
    der.sequence(der.objectIdentifier(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
  // keyUsage bits: digitalSignature (bit 0) + keyEncipherment (bit 2) + keyCertSign (bit 5) = 1010 0100, 2 unused bits.
  const keyUsage = der.bitString(Buffer.from([0xa4]), 2);
  const subjectAltName = der.sequence(
    der.implicit(2, Buffer.from('localhost', 'ascii')),
    der.implicit(7, Buffer.from([127, 0, 0, 1])),
  );
  return der.sequence(
    extension(OID.basicConstraints, true, der.sequence(der.boolean(true))),
    extension(OID.keyUsage, true, keyUsage),
    extension(
      OID.extKeyUsage,
      false,
      der.sequence(der.objectIdentifier(OID.serverAuth), der.objectIdentifier(OID.clientAuth)),
    ),
    extension(OID.subjectAltName, false, subjectAltName),
  );
}

function toPem(label: string, body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
