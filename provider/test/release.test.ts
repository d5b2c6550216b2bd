/**
 * `mercato provider release`: the single executable zipped as Terraform expects, its SHA256SUMS,
 * signature and public key, and the manifest; the executable runs with no node on PATH.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entry } from 'yauzl';
import { newKeyPair, sha256, verifies } from '@mercato/test-support/provider-packages';
import { PROVIDER_VERSION } from '../src/provider';
import { MERCATO_CLI } from './support/repo-paths';
import { run } from './support/terraform';

let root: string;
beforeAll(() => (root = mkdtempSync(join(tmpdir(), 'mercato-release-'))));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const release = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, [MERCATO_CLI, 'provider', 'release', ...args], root, { ...process.env, ...env });

/** The entries of a zip: name, unix mode, bytes. */
function entries(zip: Buffer): Promise<{ name: string; mode: number; content: Buffer }[]> {
  const yauzl: typeof import('yauzl') = require('yauzl');
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error('not a zip'));
      const found: { name: string; mode: number; content: Buffer }[] = [];
      file.on('entry', (entry: Entry) =>
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no entry stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            found.push({
              name: entry.fileName,
              mode: entry.externalFileAttributes >>> 16,
              content: Buffer.concat(chunks),
            });
            file.readEntry();
          });
        }),
      );
      file.on('end', () => resolve(found));
      file.readEntry();
    }),
  );
}

test('a signed release: zip, SHA256SUMS, its signature by the given key, the public key and the manifest', async () => {
  const keys = await newKeyPair('Release signer');
  const openpgp: typeof import('openpgp', { with: { 'resolution-mode': 'require' } }) = require('openpgp');
  const encrypted = await openpgp.encryptKey({
    privateKey: await openpgp.readPrivateKey({ armoredKey: keys.privateKey }),
    passphrase: 'release passphrase',
  });
  writeFileSync(join(root, 'key.asc'), encrypted.armor());
  const out = join(root, 'out');
  const result = await release(['--out', out, '--signing-key', 'key.asc'], {
    MERCATO_SIGNING_KEY_PASSPHRASE: 'release passphrase',
  });
  expect(result.code).toBe(0);
  const prefix = `terraform-provider-mercato_${PROVIDER_VERSION}`;
  expect(readdirSync(out).sort()).toEqual(
    [
      `${prefix}_SHA256SUMS`,
      `${prefix}_SHA256SUMS.sig`,
      `${prefix}_linux_amd64.zip`,
      `${prefix}_manifest.json`,
      `${prefix}_signing-key.asc`,
    ].sort(),
  );
  const zip = readFileSync(join(out, `${prefix}_linux_amd64.zip`));
  const shasums = readFileSync(join(out, `${prefix}_SHA256SUMS`), 'utf8');
  expect(shasums).toBe(`${sha256(zip)}  ${prefix}_linux_amd64.zip\n`);
  expect(result.stdout).toContain(`linux_amd64  ${sha256(zip)}  (start-up: snapshot)`);
  const signature = readFileSync(join(out, `${prefix}_SHA256SUMS.sig`));
  const publicKey = readFileSync(join(out, `${prefix}_signing-key.asc`), 'utf8');
  expect(publicKey).not.toContain('PRIVATE');
  expect(await verifies(shasums, signature, publicKey)).toBe(true);
  expect(await verifies(shasums, signature, keys.publicKey)).toBe(true);
  expect(JSON.parse(readFileSync(join(out, `${prefix}_manifest.json`), 'utf8'))).toEqual({
    version: 1,
    metadata: { protocol_versions: ['6.0'] },
  });

  // The zip holds the executable alone, executable by all; it is node itself, so no node on PATH is needed.
  const [executable, ...others] = await entries(zip);
  expect(others).toEqual([]);
  expect(executable.name).toBe(`terraform-provider-mercato_v${PROVIDER_VERSION}`);
  expect(executable.mode & 0o777).toBe(0o755);
  const bin = join(root, 'unzipped');
  mkdirSync(bin);
  writeFileSync(join(bin, executable.name), executable.content);
  chmodSync(join(bin, executable.name), 0o755);
  const schema = spawnSync(join(bin, executable.name), ['--schema'], { env: { PATH: join(root, 'no-bin') } });
  expect(schema.status).toBe(0);
  expect(Object.keys(JSON.parse(schema.stdout.toString()).provider_schemas)).toEqual([
    'registry.terraform.io/mercato/mercato',
  ]);
  const direct = spawnSync(join(bin, executable.name), [], { env: {} });
  expect([direct.status, direct.stderr.toString()]).toEqual([1, expect.stringContaining('This binary is a plugin')]);
}, 300000);

test('what cannot be built is refused before anything is, naming the option', async () => {
  const platform = await release(['--out', join(root, 'x'), '--node-binary', 'solaris_sparc=/opt/node']);
  expect([platform.code, platform.stderr]).toEqual([
    1,
    expect.stringContaining('"solaris_sparc" is not a platform Node.js has official binaries for'),
  ]);
  const shape = await release(['--out', join(root, 'x'), '--node-binary', 'darwin_arm64']);
  expect(shape.stderr).toContain('--node-binary darwin_arm64: expected <os>_<arch>=<path');
  const startUp = await release(['--out', join(root, 'x'), '--start-up', 'fast']);
  expect(startUp.stderr).toContain('--start-up fast: expected snapshot, code-cache or none');
  const key = await release(['--out', join(root, 'x'), '--signing-key', 'missing.asc']);
  expect(key.stderr).toContain('--signing-key missing.asc: ENOENT');
});

test('`mercato provider publish` refuses a folder it cannot publish whole, naming the file, before any request', async () => {
  const publish = (dir: string) =>
    run(process.execPath, [MERCATO_CLI, 'provider', 'publish', dir, '--namespace', 'acme'], root, {
      ...process.env,
      // Nothing listens there: every refusal below comes before a request.
      MERCATO_ENDPOINT: 'http://127.0.0.1:9',
      MERCATO_TOKEN: 'mct_unused',
    });
  const folder = (name: string, files: Record<string, string>) => {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
    return dir;
  };
  const empty = await publish(folder('empty', { 'README.md': 'no zips' }));
  expect([empty.code, empty.stderr]).toEqual([
    1,
    expect.stringContaining('holds no terraform-provider-<type>_<version>_<os>_<arch>.zip'),
  ]);
  const mixed = await publish(
    folder('mixed', {
      'terraform-provider-dns_1.0.0_linux_amd64.zip': 'x',
      'terraform-provider-dns_1.1.0_linux_amd64.zip': 'x',
    }),
  );
  expect(mixed.stderr).toContain(
    'holds zips of several providers or versions (dns / 1.0.0, 1.1.0): choose with --type and --version',
  );
  const unsigned = await publish(
    folder('no-key', {
      'terraform-provider-dns_1.0.0_linux_amd64.zip': 'x',
      'terraform-provider-dns_1.0.0_SHA256SUMS': 'x',
      'terraform-provider-dns_1.0.0_SHA256SUMS.sig': 'x',
    }),
  );
  expect(unsigned.stderr).toContain(
    'has a SHA256SUMS.sig, so the public key that verifies it is needed: it holds no .asc file',
  );
  const manifest = await publish(
    folder('bad-manifest', {
      'terraform-provider-dns_1.0.0_linux_amd64.zip': 'x',
      'terraform-provider-dns_1.0.0_manifest.json': '{"version": 1,',
    }),
  );
  expect(manifest.stderr).toMatch(/terraform-provider-dns_1\.0\.0_manifest\.json is not JSON/);
});
