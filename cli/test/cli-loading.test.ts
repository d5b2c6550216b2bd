/**
 * Each command loads its code only when it runs: `mercato --help` reads the CLI's bundle and
 * nothing else (no axios, no yaml, no server, provider or code generator), a table no yaml, and
 * no command of the API loads the server. The built command line, as users run it. Its axios
 * leaves out what @mercato/api never uses (cli/scripts/build.js): form-data, follow-redirects,
 * the fetch adapter and with it Node's undici.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { BIN, runMercato } from './support/run-cli';

const PRELOAD = path.join(__dirname, 'support/loaded-files.js');
const CLI = path.resolve(__dirname, '..');

/** The files `mercato <args>` loaded, relative to cli/ (other workspaces and packages by their path). */
function loadedBy(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', PRELOAD, BIN, ...args],
      { env: { PATH: process.env.PATH, ...env } },
      (error, _stdout, stderr) => {
        if (error && !stderr.includes('LOADED'))
          return reject(new Error(`the CLI failed: ${stderr}`, { cause: error }));
        const files = stderr
          .slice(stderr.indexOf('LOADED\n') + 'LOADED\n'.length)
          .trim()
          .split('\n');
        resolve(
          files
            .filter((file) => file !== PRELOAD)
            .map((file) => path.relative(CLI, file))
            .sort(),
        );
      },
    );
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

  test("--help and a command's help: the bundle alone", async () => {
    expect(await loadedBy(['--help'])).toEqual(['bin/mercato.js', 'lib/main.js']);
    expect(await loadedBy(['order', 'create', '--help'])).toEqual(['bin/mercato.js', 'lib/main.js']);
  });

  test('get as a table: the bundle and axios; as YAML, yaml too; never the server, provider or code generator', async () => {
    expect(await loadedBy(['get', 'offerings'], env)).toEqual([
      'bin/mercato.js',
      'lib/main.js',
      'lib/node_modules/axios/index.js',
    ]);
    expect(await loadedBy(['get', 'offerings', '-o', 'yaml'], env)).toEqual([
      'bin/mercato.js',
      'lib/main.js',
      'lib/node_modules/axios/index.js',
      'lib/node_modules/yaml/index.js',
    ]);
  });

  test('the axios of the CLI loads neither undici nor form-data nor follow-redirects', async () => {
    const probe = `require(${JSON.stringify(path.join(CLI, 'lib/node_modules/axios'))}); console.log(JSON.stringify(process.moduleLoadList.filter((name) => name.includes('undici'))))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', probe], { env: { PATH: process.env.PATH } });
    expect(JSON.parse(stdout)).toEqual([]);
    const { readFile } = await import('node:fs/promises');
    const bundle = await readFile(path.join(CLI, 'lib/node_modules/axios/index.js'), 'utf8');
    expect(bundle).not.toContain('node_modules/form-data/');
    expect(bundle).not.toContain('node_modules/follow-redirects/');
  });

  test('a redirect is an error naming where it pointed, not followed, with the axios of the CLI', async () => {
    const reached: string[] = [];
    const elsewhere = await listen((request, response) => (reached.push(request.url!), response.end('{}')));
    const redirecting = await listen((request, response) =>
      response.writeHead(302, { location: `${elsewhere.url}${request.url}` }).end(),
    );
    try {
      const run = await runMercato(['get', 'offerings'], redirecting.url, server.adminToken);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`a redirect to ${elsewhere.url}/api/v1/offerings`);
      expect(reached).toEqual([]);
    } finally {
      await Promise.all([redirecting.close(), elsewhere.close()]);
    }
  });
});

/** A local HTTP server answering with `answer`. */
async function listen(answer: http.RequestListener) {
  const listener = http.createServer(answer);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
}
