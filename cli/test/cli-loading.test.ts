/**
 * Each command loads its code only when it runs: `mercato --help` reads the CLI's bundle and
 * nothing else (no axios, no yaml, no server, provider or code generator), a table no yaml, and
 * no command of the API loads the server. The built command line, as users run it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { BIN } from './support/run-cli';

const PRELOAD = path.join(__dirname, 'support/loaded-files.js');
const CLI = path.resolve(__dirname, '..');

/** The files `mercato <args>` loaded, relative to cli/ (other workspaces and packages by their path). */
function loadedBy(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', PRELOAD, BIN, ...args], { env: { PATH: process.env.PATH, ...env } }, (error, _stdout, stderr) => {
      if (error && !stderr.includes('LOADED')) return reject(new Error(`the CLI failed: ${stderr}`, { cause: error }));
      const files = stderr.slice(stderr.indexOf('LOADED\n') + 'LOADED\n'.length).trim().split('\n');
      resolve(files.filter((file) => file !== PRELOAD).map((file) => path.relative(CLI, file)).sort());
    });
  });
}

describe('what each mercato command loads (sqlite)', () => {
  let server: TestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { enabled: false } });
    env = { MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken };
  });
  afterAll(() => server.close());

  test('--help and a command\'s help: the bundle alone', async () => {
    expect(await loadedBy(['--help'])).toEqual(['bin/mercato.js', 'lib/main.js']);
    expect(await loadedBy(['order', 'create', '--help'])).toEqual(['bin/mercato.js', 'lib/main.js']);
  });

  test('get as a table: the bundle and axios; as YAML, yaml too; never the server, provider or code generator', async () => {
    expect(await loadedBy(['get', 'offerings'], env)).toEqual(['bin/mercato.js', 'lib/main.js', 'lib/node_modules/axios/index.js']);
    expect(await loadedBy(['get', 'offerings', '-o', 'yaml'], env)).toEqual(['bin/mercato.js', 'lib/main.js', 'lib/node_modules/axios/index.js', 'lib/node_modules/yaml/index.js']);
  });
});
