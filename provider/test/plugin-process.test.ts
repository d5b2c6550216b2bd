/**
 * The go-plugin launch contract, checked without Terraform: certificate, handshake line, magic
 * cookie, Shutdown, parent death, stdout kept clean.
 */
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { createServerCertificate } from '../src/protocol';
import { handshakeLine, MAGIC_COOKIE_VALUE } from '../src/protocol/handshake';
import { createHarness, type Harness } from './support/example-harness';

describe('server certificate', () => {
  test('is a self-signed ECDSA P-256 CA certificate for localhost that verifies', () => {
    const { der, certPem, keyPem } = createServerCertificate();
    const cert = new X509Certificate(der);
    expect(cert.subject).toContain('CN=localhost');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.ca).toBe(true);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(certPem).toContain('BEGIN CERTIFICATE');
    expect(keyPem).toContain('BEGIN PRIVATE KEY');
    expect(new X509Certificate(certPem).fingerprint256).toBe(cert.fingerprint256);
  });

  test('the handshake line carries base64 DER without padding', () => {
    for (let i = 0; i < 5; i++) {
      const { der } = createServerCertificate();
      const line = handshakeLine('/tmp/x.sock', der);
      const fields = line.split('|');
      expect(fields.slice(0, 5)).toEqual(['1', '6', 'unix', '/tmp/x.sock', 'grpc']);
      expect(fields[5]).not.toContain('=');
      expect(Buffer.from(fields[5], 'base64')).toEqual(der);
    }
  });
});

describe('plugin process', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(() => harness?.cleanup());

  const terraformEnv = () => ({
    PATH: process.env.PATH,
    TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    PLUGIN_CLIENT_CERT: clientCertPem(),
  });

  test('without the magic cookie it explains itself and exits 1', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [harness.providerBinary], { env: { PATH: process.env.PATH }, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain('This binary is a plugin');
  });

  test('prints only the handshake line, ignores SIGINT, and exits when its parent dies', async () => {
    // A shell parent that prints the provider's pid and then dies, re-parenting the provider.
    const shell = spawn('/bin/sh', ['-c', `node ${harness.providerBinary} & echo "pid:$!"; sleep 1.5`], {
      env: terraformEnv(),
    });
    let stdout = '';
    shell.stdout.on('data', (chunk) => (stdout += chunk));
    await waitFor(() => /\n1\|6\|unix\|/.test(stdout) || /^1\|6\|unix\|/m.test(stdout));
    const pid = Number(/pid:(\d+)/.exec(stdout)![1]);
    const handshake = stdout.split('\n').find((line) => line.startsWith('1|6|'))!;
    expect(handshake).toMatch(/^1\|6\|unix\|\/.+\.sock\|grpc\|[A-Za-z0-9+/]+$/);
    process.kill(pid, 'SIGINT');
    await sleep(200);
    expect(isAlive(pid)).toBe(true);
    await waitFor(() => !isAlive(pid), 5000);
    expect(
      stdout
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('pid:')),
    ).toEqual([handshake]);
  });
});

function clientCertPem(): string {
  // Any valid certificate works to start the server; Terraform's real one is checked in the acceptance tests.
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return createServerCertificate().certPem;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await sleep(20);
  }
}
