import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildApp, openDatabase } from '@mercato/server';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser } from '@mercato/test-support/world';
import { ensureLocalCertificates } from '../src/tls/local-certificates';

const run = promisify(execFile);

/** GET over HTTPS trusting `ca` only: the status, the body and the certificate the server showed. */
function getHttps(url: string, ca: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; certificate: string }>((resolve, reject) => {
    const request = https.get(url, { ca, headers }, (response) => {
      const { raw } = (response.socket as import('node:tls').TLSSocket).getPeerCertificate();
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode!, body, certificate: new X509Certificate(raw).fingerprint256 });
      });
    });
    request.on('error', reject);
  });
}

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

describe('the HTTPS listener', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { enabled: false }, https: true });
  });
  afterAll(() => server.close());

  test('serves service discovery and the API over HTTPS with a certificate from the local CA', async () => {
    const ca = fs.readFileSync(server.caFile!, 'utf8');
    expect(server.caFile).toBe(path.join(server.dataDir, 'tls', 'ca.pem'));
    const discovery = await getHttps(`${server.httpsUrl}/.well-known/terraform.json`, ca);
    expect(discovery.status).toBe(200);
    expect(JSON.parse(discovery.body)).toMatchObject({
      'modules.v1': '/v1/modules/',
      'providers.v1': '/v1/providers/',
    });
    const health = await getHttps(`${server.httpsUrl}/healthz`, ca);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    // the same routes and the same authentication as over HTTP
    const organizations = await getHttps(`${server.httpsUrl}/api/v1/organizations`, ca);
    expect(organizations.status).toBe(401);
    const signedIn = await getHttps(`${server.httpsUrl}/api/v1/organizations`, ca, {
      authorization: `Bearer ${server.adminToken}`,
    });
    expect(signedIn.status).toBe(200);
    // the private keys are the server's alone
    for (const key of ['ca-key.pem', 'key.pem'])
      expect(fs.statSync(path.join(server.dataDir, 'tls', key)).mode & 0o077).toBe(0);
  });

  test('Terraform trusts it through SSL_CERT_FILE and speaks the registry protocol to it', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-tls-'));
    fs.writeFileSync(path.join(work, 'empty.tfrc'), '');
    fs.writeFileSync(
      path.join(work, 'main.tf'),
      `module "net" {\n  source  = "${server.registryHost}/nobody/network/aws"\n  version = "1.0.0"\n}\n`,
    );
    const env = {
      PATH: process.env.PATH,
      HOME: work,
      TF_CLI_CONFIG_FILE: path.join(work, 'empty.tfrc'),
      TF_IN_AUTOMATION: '1',
      SSL_CERT_FILE: server.caFile,
    };
    const init = await run('terraform', ['init', '-no-color', '-input=false'], { cwd: work, env }).then(
      () => ({ stderr: '' }),
      (error: { stderr: string }) => error,
    );
    // Past discovery and TLS: the registry itself answers that it has no such module.
    expect(init.stderr).not.toMatch(/x509|certificate|discovery/i);
    expect(init.stderr).toMatch(/Module not found|not found/i);
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('keeps its CA across restarts, and issues the server certificate again only for new host names', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-ca-'));
    const first = ensureLocalCertificates(dir, ['localhost', '127.0.0.1']);
    expect(first.issued).toBe(true);
    const again = ensureLocalCertificates(dir, ['127.0.0.1']);
    expect(again.issued).toBe(false);
    expect(again.cert).toBe(first.cert);
    const renamed = ensureLocalCertificates(dir, ['127.0.0.1', 'registry.internal', '::1']);
    expect(renamed.issued).toBe(true);
    const ca = new X509Certificate(fs.readFileSync(first.caFile));
    const leaf = new X509Certificate(renamed.cert);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toContain('DNS:registry.internal');
    expect(leaf.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(ca.ca).toBe(true);
    // asked once more with the same names: nothing new
    expect(ensureLocalCertificates(dir, ['::1', 'registry.internal']).issued).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('an operator-supplied certificate', () => {
  test('is served as given (MERCATO_TLS_CERT / MERCATO_TLS_KEY), and a missing file is named', async () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-own-tls-'));
    const made = ensureLocalCertificates(own, ['127.0.0.1']);
    const certFile = path.join(own, 'tls', 'cert.pem');
    const keyFile = path.join(own, 'tls', 'key.pem');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-test-'));
    const app = await buildApp({
      database: await openDatabase({ dataDir }),
      worker: { enabled: false },
      https: { port: 0, host: '127.0.0.1', dataDir, certFile, keyFile },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const answer = await getHttps(`${app.httpsAddress!.url}/healthz`, fs.readFileSync(made.caFile, 'utf8'));
      expect(answer.certificate).toBe(fingerprint(made.cert));
      expect(app.httpsAddress!.caFile).toBeUndefined();
      // no local CA was made beside the data
      expect(fs.existsSync(path.join(dataDir, 'tls'))).toBe(false);
    } finally {
      await app.close();
    }
    await expect(
      buildApp({
        database: await openDatabase({ dataDir }),
        https: { port: 0, host: '127.0.0.1', dataDir, certFile: path.join(own, 'missing.pem'), keyFile },
      }),
    ).rejects.toThrow(/MERCATO_TLS_CERT: cannot read .*missing\.pem \(ENOENT\)/);
  });
});

describe.each(DATABASE_KINDS)('organization slugs and registry credentials on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
  });
  afterAll(() => server.close());

  test('a slug is derived from the name, unique, chosen or changed by the owner, and freed by deletion', async () => {
    const owner = await makeUser(admin, 'slug-org-owner');
    const first = await owner.api.expect(201, owner.api.post('/organizations', { name: 'Acme Networks!' }));
    const second = await owner.api.expect(201, owner.api.post('/organizations', { name: 'acme networks' }));
    expect([first.slug, second.slug]).toEqual(['acme-networks', 'acme-networks-2']);
    const chosen = await owner.api.expect(201, owner.api.post('/organizations', { name: 'X', slug: 'platform-team' }));
    expect(chosen.slug).toBe('platform-team');
    expect(await owner.api.expect(200, owner.api.get('/organizations/platform-team'))).toMatchObject({ id: chosen.id });
    const taken = await owner.api.post('/organizations', { name: 'Y', slug: 'acme-networks' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([
      { field: 'slug', message: 'slug "acme-networks" is taken by another organization' },
    ]);
    const renamedToTaken = await owner.api.patch(`/organizations/${chosen.id}`, { slug: 'acme-networks-2' });
    expect(renamedToTaken.status).toBe(409);
    const invalid = await owner.api.post('/organizations', { name: 'Z', slug: 'Not A Slug' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toBe('slug');
    await owner.api.expect(200, owner.api.patch(`/organizations/${chosen.id}`, { slug: 'platform' }));
    const list = await owner.api.expect(200, owner.api.get('/organizations?slug=platform'));
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([chosen.id]);
    await owner.api.expect(204, owner.api.delete(`/organizations/${first.id}`));
    const reused = await owner.api.expect(201, owner.api.post('/organizations', { name: 'Acme Networks' }));
    expect(reused.slug).toBe('acme-networks');
  });

  test('a token is accepted as the password of Basic credentials (what Terraform’s http backend sends)', async () => {
    const basic = (token: string) => `Basic ${Buffer.from(`terraform:${token}`).toString('base64')}`;
    const ok = await admin.request('GET', '/organizations', undefined, { authorization: basic(server.adminToken) });
    expect(ok.status).toBe(200);
    const wrong = await new Api(server.url).request('GET', '/organizations', undefined, {
      authorization: basic('not-a-token'),
    });
    expect(wrong.status).toBe(401);
  });

  test('registry protocol paths take no token, or a valid one', async () => {
    const anonymous = await fetch(`${server.url}/v1/modules/nobody/network/aws/versions`);
    expect(anonymous.status).toBe(404);
    const badToken = await fetch(`${server.url}/v1/modules/nobody/network/aws/versions`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(badToken.status).toBe(401);
    expect(badToken.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
