/**
 * The certificate the HTTPS listener serves when the operator gives none: Terraform reaches
 * registries over HTTPS only, and a server on a laptop or in CI has no public certificate. A
 * private certificate authority is made once and kept in `<data dir>/tls/`; its certificate
 * (`ca.pem`) is what clients trust (`SSL_CERT_FILE` for Terraform, which is written in Go). The
 * server certificate it signs names every host name and address the server answers on, and is
 * issued again when one is missing or it nears its end; the authority stays, so clients keep
 * trusting it.
 *
 * Keys are RSA 2048 made by Node's crypto (node-forge's pure-JavaScript key generation takes
 * seconds); certificates are built and signed with node-forge.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { pki as Pki } from 'node-forge';

/** PEM texts of a certificate (with the chain after it, if any) and its private key. */
export interface TlsCertificate {
  cert: string;
  key: string;
}

export interface LocalCertificates extends TlsCertificate {
  /** Where the authority's certificate is: what clients trust. */
  caFile: string;
  /** True when this call issued the server certificate (first start, new names, or renewal). */
  issued: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const AUTHORITY_DAYS = 3650;
const SERVER_DAYS = 397;
/** A server certificate is issued again when fewer days than this are left. */
const RENEW_DAYS = 30;

/**
 * The local authority and a server certificate for `hosts` (DNS names and IP addresses), made or
 * read under `<dataDir>/tls/`: `ca.pem`, `ca-key.pem`, `cert.pem`, `key.pem` (keys 0600, the
 * folder 0700). Throws if the folder cannot be written.
 */
export function ensureLocalCertificates(dataDir: string, hosts: string[]): LocalCertificates {
  const folder = path.join(dataDir, 'tls');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const files = {
    ca: path.join(folder, 'ca.pem'),
    caKey: path.join(folder, 'ca-key.pem'),
    cert: path.join(folder, 'cert.pem'),
    key: path.join(folder, 'key.pem'),
  };
  const authority = readPair(files.ca, files.caKey) ?? writePair(files.ca, files.caKey, newAuthority());
  const current = readPair(files.cert, files.key);
  if (current && coversHosts(current.cert, hosts)) return { ...current, caFile: files.ca, issued: false };
  const server = writePair(files.cert, files.key, newServerCertificate(authority, hosts));
  return { ...server, caFile: files.ca, issued: true };
}

/**
 * The names a certificate should carry for a server listening on `host`: localhost and the
 * loopback addresses always, the machine's host name, `host` itself unless it is a wildcard,
 * and for a wildcard every address of the machine's interfaces.
 */
export function hostsToCertify(host: string): string[] {
  const names = new Set(['localhost', '127.0.0.1', '::1', os.hostname()]);
  if (host === '0.0.0.0' || host === '::') {
    for (const addresses of Object.values(os.networkInterfaces()))
      for (const address of addresses ?? []) names.add(address.address.split('%')[0]);
  } else names.add(host);
  return [...names].filter((name) => name !== '');
}

function forge(): typeof import('node-forge') {
  // Loaded when a certificate is read or made, not by every start of the CLI.
  const loaded: typeof import('node-forge') = require('node-forge');
  return loaded;
}

function readPair(certFile: string, keyFile: string): TlsCertificate | undefined {
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) return undefined;
  return { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8') };
}

function writePair(certFile: string, keyFile: string, pair: TlsCertificate): TlsCertificate {
  // The key first and private from its first byte: a reader never sees a certificate without it.
  fs.writeFileSync(keyFile, pair.key, { mode: 0o600 });
  fs.chmodSync(keyFile, 0o600);
  fs.writeFileSync(certFile, pair.cert);
  return pair;
}

/**
 * Whether the certificate names every host and is valid for more than RENEW_DAYS. Read with
 * Node's own X509Certificate, so that a restart with nothing to issue does not load node-forge.
 */
function coversHosts(certPem: string, hosts: string[]): boolean {
  const cert = new X509Certificate(certPem);
  if (Date.parse(cert.validTo) - Date.now() < RENEW_DAYS * DAY_MS) return false;
  return hosts.every((host) =>
    isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host, { wildcards: false }) !== undefined,
  );
}

function newKeyPair(): { privatePem: string; publicKey: Pki.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privatePem: privateKey, publicKey: forge().pki.publicKeyFromPem(publicKey) };
}

function newCertificate(publicKey: Pki.PublicKey, days: number): Pki.Certificate {
  const { pki } = forge();
  const cert = pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive serial: the high bit cleared so DER does not read it as negative.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + days * DAY_MS);
  return cert;
}

function newAuthority(): TlsCertificate {
  const { pki, md } = forge();
  const keys = newKeyPair();
  const cert = newCertificate(keys.publicKey, AUTHORITY_DAYS);
  const subject = [
    { name: 'commonName', value: `Mercato local CA (${os.hostname()})` },
    { name: 'organizationName', value: 'Mercato' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(pki.privateKeyFromPem(keys.privatePem), md.sha256.create());
  return { cert: pki.certificateToPem(cert), key: keys.privatePem };
}

function newServerCertificate(authority: TlsCertificate, hosts: string[]): TlsCertificate {
  const { pki, md } = forge();
  const issuer = pki.certificateFromPem(authority.cert);
  const keys = newKeyPair();
  const cert = newCertificate(keys.publicKey, SERVER_DAYS);
  cert.setSubject([{ name: 'commonName', value: hosts[0] ?? 'localhost' }]);
  cert.setIssuer(issuer.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hosts.map((host) => (isIP(host) ? { type: 7, ip: host } : { type: 2, value: host })),
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: issuer.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(pki.privateKeyFromPem(authority.key), md.sha256.create());
  return { cert: pki.certificateToPem(cert) + authority.cert, key: keys.privatePem };
}
