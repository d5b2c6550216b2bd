/**
 * Each command loads its code only when it runs: `mercato --help` reads the CLI's bundle and
 * nothing else (no axios, no yaml, no server, provider or code generator), a table no yaml, and
 * no command of the API loads the server. The built command line, as users run it. Its axios
 * leaves out what @mercato/api never uses (cli/scripts/build.js): form-data, follow-redirects,
 * the fetch adapter and with it Node's undici.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import Module from 'node:module';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { BIN, runMercato } from './support/run-cli';

const PRELOAD = path.join(__dirname, 'support/loaded-files.js');
const CLI = path.resolve(__dirname, '..');

interface Loaded {
  /** Files of JavaScript, relative to cli/ (other workspaces and packages by their path), sorted. */
  files: string[];
  /** Node's built-in modules, such as `https`. */
  builtins: string[];
}

/** What `mercato <args>` loaded. */
function loadedBy(args: string[], env: Record<string, string> = {}): Promise<Loaded> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', PRELOAD, BIN, ...args],
      { env: { PATH: process.env.PATH, ...env } },
      (error, _stdout, stderr) => {
        if (error && !stderr.includes('LOADED'))
          return reject(new Error(`the CLI failed: ${stderr}`, { cause: error }));
        const [files, builtins] = stderr.slice(stderr.indexOf('LOADED\n') + 'LOADED\n'.length).split('BUILTINS ');
        resolve({
          files: files
            .trim()
            .split('\n')
            .filter((file) => file !== PRELOAD)
            .map((file) => path.relative(CLI, file))
            .sort(),
          builtins: builtins.trim().split(' '),
        });
      },
    );
  });
}

/** lib/compile-cache.js keeps the compiled code of lib/ on a Node without module.enableCompileCache (20). */
const COMPILE_CACHE = 'enableCompileCache' in Module ? [] : ['lib/compile-cache.js'];
const bundle = (...files: string[]) => ['bin/mercato.js', ...COMPILE_CACHE, 'lib/main.js', ...files].sort();

describe('what each mercato command loads (sqlite)', () => {
  let server: TestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { enabled: false } });
    env = { MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken };
  });
  afterAll(() => server.close());

  test("--help and a command's help: the bundle alone", async () => {
    expect((await loadedBy(['--help'])).files).toEqual(bundle());
    expect((await loadedBy(['order', 'create', '--help'])).files).toEqual(bundle());
  });

  test('get as a table: the bundle and axios; as YAML, yaml too; never the server, provider or code generator', async () => {
    expect((await loadedBy(['get', 'offerings'], env)).files).toEqual(bundle('lib/node_modules/axios/index.js'));
    expect((await loadedBy(['get', 'offerings', '-o', 'yaml'], env)).files).toEqual(
      bundle('lib/node_modules/axios/index.js', 'lib/node_modules/yaml/index.js'),
    );
  });

  test('a request to an http:// endpoint loads neither TLS, HTTP/2, crypto nor https-proxy-agent', async () => {
    const { files, builtins } = await loadedBy(['get', 'offerings'], env);
    expect(builtins).toContain('http');
    expect(builtins.filter((name) => ['https', 'tls', 'http2', 'crypto'].includes(name))).toEqual([]);
    expect(files.filter((file) => file.includes('proxy'))).toEqual([]);
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

describe('the axios of the CLI over TLS and through a proxy (sqlite)', () => {
  let server: TestServer;
  let tls: Awaited<ReturnType<typeof tlsInFrontOf>>;
  let proxy: Awaited<ReturnType<typeof connectProxy>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { enabled: false } });
    [tls, proxy] = await Promise.all([tlsInFrontOf(server.url), connectProxy()]);
  });
  afterAll(async () => {
    await Promise.all([tls?.close(), proxy?.close(), server?.close()]);
    if (tls) rmSync(tls.dir, { recursive: true, force: true });
  });

  test('an https:// endpoint through HTTPS_PROXY: a CONNECT tunnel, loaded on use, and the answer', async () => {
    const env = {
      MERCATO_ENDPOINT: tls.url,
      MERCATO_TOKEN: server.adminToken,
      HTTPS_PROXY: proxy.url,
      NODE_EXTRA_CA_CERTS: tls.certificate,
    };
    const { files, builtins } = await loadedBy(['get', 'projects', '-o', 'name'], env);
    expect(files).toContain('lib/node_modules/https-proxy-agent/index.js');
    expect(builtins).toEqual(expect.arrayContaining(['https', 'tls']));
    expect(proxy.tunnels).toEqual([new URL(tls.url).host]);

    const mercato = (args: string[]) =>
      promisify(execFile)(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env } });
    const created = await mercato(['create', 'organization', 'Behind TLS', '-o', 'name']);
    const listed = await mercato(['get', 'organizations', '-o', 'name']);
    expect(listed.stdout.split('\n')).toContain(created.stdout.trim());
    expect(created.stdout).toBe('organization/Behind TLS\n');
    expect(proxy.tunnels).toHaveLength(3);
  });
});

/**
 * TLS terminated in front of the server at `target`, as a load balancer does: a certificate made
 * by openssl for 127.0.0.1, each request passed on over HTTP.
 */
async function tlsInFrontOf(target: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mercato-tls-'));
  const [key, certificate] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  await promisify(execFile)('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
    ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', certificate],
  ]);
  const front = https.createServer({ key: readFileSync(key), cert: readFileSync(certificate) }, (request, response) => {
    const options = { method: request.method, headers: request.headers, agent: false };
    const onward = http.request(`${target}${request.url}`, options, (answer) => {
      response.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(response);
    });
    request.pipe(onward);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => (front.closeAllConnections(), front.close(() => resolve())));
  return { url: `https://127.0.0.1:${port}`, certificate, dir, close };
}

/** An HTTP proxy that only tunnels (CONNECT), as HTTPS_PROXY names; `tunnels` lists each tunnel's host:port. */
async function connectProxy() {
  const tunnels: string[] = [];
  const sockets = new Set<Duplex>();
  const proxy = http.createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request: http.IncomingMessage, client: Duplex, head: Buffer) => {
    tunnels.push(request.url!);
    const [host, port] = request.url!.split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      proxy.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { url: `http://127.0.0.1:${port}`, tunnels, close };
}

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
