/**
 * lib/compile-cache.js, the cache of compiled code bin/mercato.js sets up on Node 20 (Node 22.1+
 * has its own): a copy of the built command line that always uses it, run as a user would, with
 * its cache in a directory of the test's own.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const CLI = path.resolve(__dirname, '..');
/** The bundle's identity before V8's data in a cache file: four uint64s (cli/src/compile-cache.ts). */
const HEADER_BYTES = 32;
const DESCRIPTION = 'Mercato: a self-service cloud marketplace managed as code';
const REBUILT = DESCRIPTION.replace('self-service', 'SELF-SERVICE');

let dir: string;
let cacheHome: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mercato-compile-cache-'));
  install(dir);
  cacheHome = path.join(dir, 'cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the built command line in `into`, started by `into/mercato.js`. */
function install(into: string): void {
  cpSync(path.join(CLI, 'lib'), path.join(into, 'lib'), { recursive: true });
  writeFileSync(
    path.join(into, 'mercato.js'),
    "require('./lib/compile-cache.js').keepCompiledCode();\nrequire('./lib/main.js');\n",
  );
}

function mercatoHelp(
  env: Record<string, string> = {},
  { from = dir, nodeOptions = [] as string[] } = {},
): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [...nodeOptions, path.join(from, 'mercato.js'), '--help'], {
    env: { PATH: process.env.PATH, XDG_CACHE_HOME: cacheHome, ...env },
  });
}

const cacheDir = () => path.join(cacheHome, 'mercato', 'compile-cache', `${process.version}-${process.arch}`);
const cacheFiles = () => readdirSync(cacheDir());
const mainCache = () => {
  const [file] = cacheFiles().filter((name) => name.startsWith('main.js-'));
  return path.join(cacheDir(), file);
};

/** Rewrites lib/main.js with the same length, then sets its times back, as `touch -r` or `cp -a` would. */
function rebuildKeepingTimes(): void {
  const bundle = path.join(dir, 'lib/main.js');
  const { atime, mtime } = statSync(bundle);
  writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(DESCRIPTION, REBUILT));
  utimesSync(bundle, atime, mtime);
}

test('the first run writes the cache; the next uses it as it is and prints the same', async () => {
  const first = await mercatoHelp();
  expect(first.stdout).toContain(DESCRIPTION);
  expect(cacheFiles()).toEqual([expect.stringMatching(/^main\.js-[0-9a-f]{8}\.cache$/)]);
  const written = statSync(mainCache());
  expect(written.mode & 0o777).toBe(0o600);
  expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);

  const second = await mercatoHelp();
  expect(second).toEqual(first);
  expect(statSync(mainCache()).mtimeMs).toBe(written.mtimeMs);
});

test('a bundle rewritten since, of the same length and with its old mtime, runs its new code', async () => {
  await mercatoHelp();
  const before = readFileSync(mainCache());
  rebuildKeepingTimes();

  expect((await mercatoHelp()).stdout).toContain(REBUILT);
  expect(readFileSync(mainCache()).equals(before)).toBe(false);
  expect((await mercatoHelp()).stdout).toContain(REBUILT);
});

test('two installs keep a cache file each', async () => {
  const other = path.join(dir, 'other-install');
  install(other);
  await mercatoHelp();
  await mercatoHelp({}, { from: other });
  expect(cacheFiles().filter((name) => name.startsWith('main.js-'))).toHaveLength(2);
});

test('a cache directory that others may write is not read: its files would run as this user', async () => {
  await mercatoHelp();
  const oldCode = readFileSync(mainCache()).subarray(HEADER_BYTES);
  rebuildKeepingTimes();
  await mercatoHelp();
  const newHeader = readFileSync(mainCache()).subarray(0, HEADER_BYTES);
  // A forged file: V8's data for the old bundle under the new bundle's identity. V8 checks only
  // the source's length, so it runs the old code where the directory is trusted...
  const forged = Buffer.concat([newHeader, oldCode]);
  writeFileSync(mainCache(), forged);
  expect((await mercatoHelp()).stdout).toContain(DESCRIPTION);

  // ...and the bundle's own code once others may write the directory.
  chmodSync(cacheDir(), 0o777);
  expect((await mercatoHelp()).stdout).toContain(REBUILT);
  expect(readFileSync(mainCache()).equals(forged)).toBe(true);
});

test('source maps turn the cache off: V8 maps stack traces only for code it compiles from the file', async () => {
  expect((await mercatoHelp({}, { nodeOptions: ['--enable-source-maps'] })).stdout).toContain(DESCRIPTION);
  expect(() => statSync(cacheHome)).toThrow();
});

test('a user with no home directory (no HOME, no passwd entry) runs without a cache', async () => {
  expect(process.getuid?.()).toBe(0); // setpriv needs root: CI and sessions run as root (README)
  chmodSync(dir, 0o755);
  const { stdout, stderr } = await promisify(execFile)(
    'setpriv',
    ['--reuid=4242', '--regid=4242', '--clear-groups', process.execPath, path.join(dir, 'mercato.js'), '--help'],
    { env: { PATH: process.env.PATH }, cwd: dir },
  );
  expect({ stdout, stderr }).toEqual({ stdout: expect.stringContaining(DESCRIPTION), stderr: '' });
});

test('a cache that cannot be written, or is turned off, leaves the command as it is', async () => {
  writeFileSync(cacheHome, 'not a directory');
  expect(await mercatoHelp()).toEqual({ stdout: expect.stringContaining(DESCRIPTION), stderr: '' });

  rmSync(cacheHome);
  expect((await mercatoHelp({ NODE_DISABLE_COMPILE_CACHE: '1' })).stdout).toContain(DESCRIPTION);
  expect(() => statSync(cacheHome)).toThrow();
});
