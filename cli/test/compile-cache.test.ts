/**
 * lib/compile-cache.js, the cache of compiled code bin/mercato.js sets up on Node 20 (Node 22.1+
 * has its own): a copy of the built command line that always uses it, run as a user would, with
 * its cache in a directory of the test's own.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const CLI = path.resolve(__dirname, '..');
const DESCRIPTION = 'Mercato: a self-service cloud marketplace managed as code';

let dir: string;
let cacheHome: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mercato-compile-cache-'));
  cpSync(path.join(CLI, 'lib'), path.join(dir, 'lib'), { recursive: true });
  writeFileSync(
    path.join(dir, 'mercato.js'),
    "require('./lib/compile-cache.js').keepCompiledCode();\nrequire('./lib/main.js');\n",
  );
  cacheHome = path.join(dir, 'cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function mercatoHelp(env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [path.join(dir, 'mercato.js'), '--help'], {
    env: { PATH: process.env.PATH, XDG_CACHE_HOME: cacheHome, ...env },
  });
}

const cacheDir = () => path.join(cacheHome, 'mercato', 'compile-cache', `${process.version}-${process.arch}`);
const mainCache = () => path.join(cacheDir(), 'main.js.cache');

test('the first run writes the cache; the next uses it as it is and prints the same', async () => {
  const first = await mercatoHelp();
  expect(first.stdout).toContain(DESCRIPTION);
  expect(readdirSync(cacheDir())).toEqual(['main.js.cache']);
  const written = statSync(mainCache());
  expect(written.mode & 0o777).toBe(0o600);
  expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);

  const second = await mercatoHelp();
  expect(second).toEqual(first);
  expect(statSync(mainCache()).mtimeMs).toBe(written.mtimeMs);
});

test('a bundle rebuilt since, of the same length, runs its new code and gets a new cache', async () => {
  await mercatoHelp();
  const before = readFileSync(mainCache());
  const bundle = path.join(dir, 'lib/main.js');
  const rebuilt = DESCRIPTION.replace('self-service', 'SELF-SERVICE');
  writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(DESCRIPTION, rebuilt));

  expect((await mercatoHelp()).stdout).toContain(rebuilt);
  expect(readFileSync(mainCache()).equals(before)).toBe(false);
  expect((await mercatoHelp()).stdout).toContain(rebuilt);
});

test('a cache that cannot be written, or is turned off, leaves the command as it is', async () => {
  writeFileSync(cacheHome, 'not a directory');
  expect(await mercatoHelp()).toEqual({ stdout: expect.stringContaining(DESCRIPTION), stderr: '' });

  rmSync(cacheHome);
  expect((await mercatoHelp({ NODE_DISABLE_COMPILE_CACHE: '1' })).stdout).toContain(DESCRIPTION);
  expect(() => statSync(cacheHome)).toThrow();
});
