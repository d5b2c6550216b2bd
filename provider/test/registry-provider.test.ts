/**
 * The mercato provider as a user gets it from Mercato's own registry, with the real Terraform
 * over HTTPS: `mercato provider release` builds the single executable, `mercato provider publish`
 * uploads it (with a second platform's zip) and Mercato signs it; then a fresh configuration with
 * `source = "<host>/mercato/mercato"` runs `terraform init` with NO node on PATH and applies a
 * mercato_project; `providers lock` writes every platform's hash; `providers mirror` works; a bad
 * signature or a wrong checksum makes Terraform refuse; a private provider needs credentials; a
 * yanked version is not chosen.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser } from '@mercato/test-support/world';
import { detachedSignature, newKeyPair, providerZip, sha256 } from '@mercato/test-support/provider-packages';
import { PROVIDER_VERSION } from '../src/provider';
import { buildRelease, type Release } from '../src/release/release';
import { offlineHome } from './support/installed-provider';
import { MERCATO_CLI } from './support/repo-paths';
import { run, Workspace } from './support/terraform';

let server: TestServer & { registryHost: string; caFile: string };
let admin: Api;
let root: string;
let release: Release;
let organizationId: string;
let keyId: string;
const darwinZip = providerZip('mercato', PROVIDER_VERSION, 'darwin_arm64');

/** A folder on PATH with no node in it: the single executable must not need one. */
let emptyBin: string;

beforeAll(async () => {
  server = (await startTestServer('sqlite', { https: true, worker: { enabled: false } })) as typeof server;
  admin = new Api(server.url, server.adminToken);
  root = mkdtempSync(join(tmpdir(), 'mercato-registry-tf-'));
  emptyBin = join(root, 'bin');
  mkdirSync(emptyBin);
  organizationId = (await admin.expect(201, admin.post('/organizations', { name: 'Mercato', slug: 'mercato' }))).id;

  release = await buildRelease({ outDir: join(root, 'release') });
  // The release's zips plus a second platform's (a zip this machine cannot build a real one of);
  // no SHA256SUMS: Mercato writes it and signs it with the organization's key.
  const publishDir = join(root, 'publish');
  mkdirSync(publishDir);
  for (const p of release.platforms) copyFileSync(p.zip, join(publishDir, p.zip.split('/').pop()!));
  copyFileSync(release.manifest, join(publishDir, release.manifest.split('/').pop()!));
  const darwin = await darwinZip;
  writeFileSync(join(publishDir, darwin.filename), darwin.content);
  const published = await run(
    process.execPath,
    [MERCATO_CLI, 'provider', 'publish', publishDir, '--namespace', 'mercato', '--visibility', 'public'],
    root,
    { ...process.env, MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken },
  );
  expect(published.stderr).toBe('');
  expect(published.stdout).toContain('  public: terraform init installs it with no token');
  keyId = /signed by Mercato's key for the organization ([0-9A-F]{16})/.exec(published.stdout)![1];
}, 300000);
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/**
 * A configuration in a fresh HOME: an empty CLI configuration (or `cliConfig`), Mercato's CA for
 * Go's TLS, and a PATH without node (nor anything else).
 */
function workspace(name: string, mainTf: string, cliConfig = ''): Workspace {
  const dir = join(root, name);
  mkdirSync(dir);
  const { env } = offlineHome(dir);
  writeFileSync(env.TF_CLI_CONFIG_FILE!, cliConfig);
  const ws = new Workspace(join(dir, 'config'), { ...env, PATH: emptyBin, SSL_CERT_FILE: server.caFile });
  ws.write(mainTf);
  return ws;
}

/** Terraform's output in one line: it wraps long messages at word boundaries. */
const oneLine = (output: string) => output.replace(/\s+/g, ' ');

const required = (version = PROVIDER_VERSION) => `terraform {
  required_providers {
    mercato = {
      source  = "${server.registryHost}/mercato/mercato"
      version = "${version}"
    }
  }
}
`;

const versionRow = () =>
  server.app.db
    .selectFrom('terraform_provider_versions')
    .innerJoin('terraform_providers', 'terraform_providers.id', 'terraform_provider_versions.provider_id')
    .select(['terraform_provider_versions.id', 'shasums', 'shasums_signature', 'provider_id'])
    .where('terraform_providers.type', '=', 'mercato')
    .where('version', '=', PROVIDER_VERSION)
    .executeTakeFirstOrThrow();

test('terraform init installs the provider from Mercato with no node on PATH, and applies a mercato_project with it', async () => {
  expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: { PATH: emptyBin } }).status).not.toBe(0);
  const ws = workspace(
    'apply',
    `${required()}
provider "mercato" {
  endpoint = "${server.url}"
  token    = "${server.adminToken}"
}

resource "mercato_project" "from_registry" {
  organization_id = "${organizationId}"
  name            = "installed from the registry"
}
`,
  );
  const init = await ws.init();
  expect(init.output).toContain(`Installed ${server.registryHost}/mercato/mercato v${PROVIDER_VERSION}`);
  expect(init.output).toContain(`key ID ${keyId}`);
  const lock = readFileSync(join(ws.dir, '.terraform.lock.hcl'), 'utf8');
  expect(lock).toContain(`zh:${release.platforms[0].shasum}`);

  const applied = await ws.apply();
  expect(applied.summary).toMatchObject({ add: 1 });
  const projects = await admin.expect(200, admin.get(`/projects?organization_id=${organizationId}`));
  expect(projects.items.map((p: { name: string }) => p.name)).toContain('installed from the registry');
  await ws.destroy();
});

test('terraform providers lock writes the hashes of every published platform', async () => {
  const ws = workspace('lock', required());
  const locked = await ws.terraform(['providers', 'lock', '-platform=linux_amd64', '-platform=darwin_arm64']);
  expect(locked.code).toBe(0);
  const lock = readFileSync(join(ws.dir, '.terraform.lock.hcl'), 'utf8');
  expect(lock).toContain(`zh:${release.platforms[0].shasum}`);
  expect(lock).toContain(`zh:${sha256((await darwinZip).content)}`);
  expect(lock.match(/"h1:/g)).toHaveLength(2);
});

test('terraform providers mirror copies the published packages', async () => {
  const ws = workspace('mirror', required());
  const mirror = join(root, 'mirror', 'packages');
  const mirrored = await ws.terraform([
    'providers',
    'mirror',
    '-platform=linux_amd64',
    '-platform=darwin_arm64',
    mirror,
  ]);
  expect(mirrored.code).toBe(0);
  const dir = join(mirror, server.registryHost, 'mercato', 'mercato');
  const linux = join(dir, `terraform-provider-mercato_${PROVIDER_VERSION}_linux_amd64.zip`);
  expect(sha256(readFileSync(linux))).toBe(release.platforms[0].shasum);
  expect(existsSync(join(dir, `terraform-provider-mercato_${PROVIDER_VERSION}_darwin_arm64.zip`))).toBe(true);
  expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toEqual({ versions: { [PROVIDER_VERSION]: {} } });
});

test('Terraform refuses a SHA256SUMS signed by another key than the one served', async () => {
  const row = await versionRow();
  const { privateKey } = await newKeyPair('not the served key');
  const forged = await detachedSignature(row.shasums, privateKey);
  await server.app.db
    .updateTable('terraform_provider_versions')
    .set({ shasums_signature: forged })
    .where('id', '=', row.id)
    .execute();
  try {
    const init = await workspace('bad-signature', required()).terraform(['init', '-input=false']);
    expect(init.code).toBe(1);
    expect(init.output).toMatch(/Failed to install provider/);
    expect(oneLine(init.output)).toContain(
      `Error while installing ${server.registryHost}/mercato/mercato v${PROVIDER_VERSION}: authentication signature from unknown issuer`,
    );
  } finally {
    await server.app.db
      .updateTable('terraform_provider_versions')
      .set({ shasums_signature: row.shasums_signature })
      .where('id', '=', row.id)
      .execute();
  }
});

test('Terraform refuses a zip whose checksum is not the published one', async () => {
  const row = await versionRow();
  const platform = await server.app.db
    .selectFrom('terraform_provider_platforms')
    .select(['archive'])
    .where('version_id', '=', row.id)
    .where('os', '=', 'linux')
    .executeTakeFirstOrThrow();
  const altered = Buffer.concat([platform.archive, Buffer.from('tampered')]);
  const setArchive = (archive: Buffer) =>
    server.app.db
      .updateTable('terraform_provider_platforms')
      .set({ archive })
      .where('version_id', '=', row.id)
      .where('os', '=', 'linux')
      .execute();
  await setArchive(altered);
  try {
    const init = await workspace('bad-checksum', required()).terraform(['init', '-input=false']);
    expect(init.code).toBe(1);
    expect(init.output).toMatch(/Failed to install provider/);
    expect(oneLine(init.output)).toContain(
      `archive has incorrect checksum zh:${sha256(altered)} (expected zh:${release.platforms[0].shasum})`,
    );
  } finally {
    await setArchive(platform.archive);
  }
});

test("a private provider: Terraform without credentials is refused; with a member's token in a credentials block it installs", async () => {
  const { provider_id } = await versionRow();
  const setVisibility = (visibility: string) =>
    run(process.execPath, [MERCATO_CLI, 'provider', 'visibility', 'mercato/mercato', visibility], root, {
      ...process.env,
      MERCATO_ENDPOINT: server.url,
      MERCATO_TOKEN: server.adminToken,
    });
  const closed = await setVisibility('private');
  expect(closed.stdout).toContain(
    'mercato/mercato is private\n  private: terraform init needs a token of someone in mercato',
  );
  try {
    const anonymous = await workspace('private-anonymous', required()).terraform(['init', '-input=false']);
    expect(anonymous.code).toBe(1);
    expect(oneLine(anonymous.output)).toContain(`host ${server.registryHost} requires authentication credentials`);

    const owner = await makeUser(admin, 'registry-tf-owner');
    await admin.expect(
      201,
      admin.post(`/organizations/${organizationId}/members`, { user_id: owner.id, role: 'owner' }),
    );
    const project = await admin.expect(
      201,
      admin.post('/projects', { organization_id: organizationId, name: 'members' }),
    );
    const member = await makeUser(admin, 'registry-tf-member');
    await owner.api.expect(
      201,
      owner.api.post(`/projects/${project.id}/members`, { user_id: member.id, role: 'member' }),
    );
    const credentials = (token: string) => `credentials "${server.registryHost}" {\n  token = "${token}"\n}\n`;
    const outsider = await makeUser(admin, 'registry-tf-outsider');
    const refused = await workspace('private-outsider', required(), credentials(outsider.token)).terraform([
      'init',
      '-input=false',
    ]);
    expect(refused.code).toBe(1);
    expect(oneLine(refused.output)).toMatch(/does not have a provider named .*mercato\/mercato/);

    const installed = await workspace('private-member', required(), credentials(member.token)).init();
    expect(installed.output).toContain(`Installed ${server.registryHost}/mercato/mercato v${PROVIDER_VERSION}`);
    const events = await admin.expect(
      200,
      admin.get(`/events?action=terraform-provider.downloaded&object_id=${provider_id}`),
    );
    expect(events.items.map((e: { actor_id: string }) => e.actor_id)).toContain(member.id);
  } finally {
    expect((await setVisibility('public')).stdout).toContain('mercato/mercato is public');
  }
});

test('a yanked version is not chosen for a new install; a lock file that pins it makes terraform init fail, as Terraform only installs listed versions', async () => {
  // 0.2.0: the same package under a newer version (Terraform runs any terraform-provider-mercato* in the zip).
  const publishDir = join(root, 'publish-0.2.0');
  mkdirSync(publishDir);
  const zip = release.platforms[0].zip;
  copyFileSync(zip, join(publishDir, 'terraform-provider-mercato_0.2.0_linux_amd64.zip'));
  const published = await run(
    process.execPath,
    [MERCATO_CLI, 'provider', 'publish', publishDir, '--namespace', 'mercato', '--protocols', '6.0'],
    root,
    { ...process.env, MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken },
  );
  expect(published.stdout).toContain('published mercato/mercato 0.2.0');
  const pinned = workspace('pinned-before-yank', required('>= 0.1.0'));
  expect((await pinned.init()).output).toContain('Installed');
  expect(readFileSync(join(pinned.dir, '.terraform.lock.hcl'), 'utf8')).toContain('version     = "0.2.0"');

  const { provider_id } = await versionRow();
  const versions = await admin.expect(200, admin.get(`/terraform-provider-versions?provider_id=${provider_id}`));
  const v020 = versions.items.find((v: { version: string }) => v.version === '0.2.0');
  await admin.expect(200, admin.post(`/terraform-provider-versions/${v020.id}/yank`, { reason: 'broken release' }));

  const fresh = await workspace('after-yank', required('>= 0.1.0')).init();
  expect(fresh.output).toContain(`Installed ${server.registryHost}/mercato/mercato v${PROVIDER_VERSION}`);
  expect(fresh.output).toContain('0.2.0 was yanked: broken release');

  const locked = await pinned.terraform(['init', '-input=false']);
  expect(locked.code).toBe(1);
  expect(oneLine(locked.output)).toContain('0.2.0 was yanked: broken release');
  expect(oneLine(locked.output)).toContain('the previously-selected version 0.2.0 is no longer available');
  // ...though its files stay downloadable, for mirrors and caches that hold the lock's hashes.
  const download = await fetch(`${server.url}/v1/providers/mercato/mercato/0.2.0/download/linux/amd64`);
  expect(download.status).toBe(200);
  const file = await fetch(new URL(((await download.json()) as { download_url: string }).download_url, server.url));
  expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(release.platforms[0].shasum);
}, 300000);
