/**
 * How the `mercato` command line reaches the server, as users run it (the built CLI, a child
 * process with only the environment given): MERCATO_TIMEOUT and its short default, each retry
 * noted on stderr; endpoints and proxies named without their credentials; a proxy that fails
 * named as the proxy; an endpoint that is no http(s) URL refused naming MERCATO_ENDPOINT. Against
 * the real server, and against sockets that never answer or are closed, as a stuck server, a
 * stopped one or a proxy would be.
 */
import { execFile, spawn } from 'node:child_process';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { freePort } from '@mercato/test-support/postgres';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { BIN } from './support/run-cli';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** How long the command ran, in milliseconds. */
  ms: number;
}

/** `mercato <args>` with PATH, HOME and `env` only (no proxy or MERCATO_ variable of the test's own). */
function mercato(args: string[], env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

const lines = (text: string) => text.trimEnd().split('\n');

/** A server that accepts connections and never answers, as a stuck server or proxy does; `connections` counts them. */
async function silentServer() {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A forward HTTP proxy, as HTTP_PROXY names one for http:// URLs: passes each request on; `seen` lists the URLs it was asked for. */
async function forwardProxy() {
  const seen: string[] = [];
  const proxy = http.createServer((request, response) => {
    seen.push(request.url!);
    const onward = http.request(request.url!, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(response);
    });
    request.pipe(onward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => (proxy.closeAllConnections(), proxy.close(() => resolve()))),
  };
}

let server: TestServer;
let silent: Awaited<ReturnType<typeof silentServer>>;
let closed: string;
beforeAll(async () => {
  [server, silent] = await Promise.all([startTestServer('sqlite', { worker: { enabled: false } }), silentServer()]);
  closed = `http://127.0.0.1:${await freePort()}`;
});
afterAll(() => Promise.all([server?.close(), silent?.close()]));

describe('MERCATO_TIMEOUT', () => {
  test('a server that never answers: MERCATO_TIMEOUT seconds a try, 3 tries, each retry one line on stderr', async () => {
    const before = silent.connections();
    const run = await mercato(['get', 'offerings'], { MERCATO_ENDPOINT: silent.url, MERCATO_TIMEOUT: '1' });
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(lines(run.stderr)).toEqual([
      'retrying GET /api/v1/offerings (attempt 2 of 3): timed out after 1 s',
      'retrying GET /api/v1/offerings (attempt 3 of 3): timed out after 1 s',
      `error: no answer from the Mercato server at ${silent.url} within 1 s (MERCATO_TIMEOUT); is it overloaded, or is MERCATO_ENDPOINT right?`,
    ]);
    expect(silent.connections() - before).toBe(3);
    // Three tries of 1 s and the backoff between them (0.2 s, 0.4 s), with Node's start.
    expect(run.ms).toBeGreaterThanOrEqual(3000);
    expect(run.ms).toBeLessThan(8000);
  });

  test('without MERCATO_TIMEOUT a try waits 10 s, not the minute @mercato/api waits by default', async () => {
    const child = spawn(process.execPath, [BIN, 'get', 'offerings'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, MERCATO_ENDPOINT: silent.url },
    });
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
          if (stderr.includes('\n')) resolve(stderr.split('\n')[0]);
        });
        timer = setTimeout(() => reject(new Error(`no retry within 20 s; stderr: ${stderr}`)), 20000);
      });
      expect(firstLine).toBe('retrying GET /api/v1/offerings (attempt 2 of 3): timed out after 10 s');
      expect(Date.now() - started).toBeGreaterThanOrEqual(10000);
    } finally {
      clearTimeout(timer);
      child.kill();
    }
  });

  test('a value that is not a number of seconds is refused naming MERCATO_TIMEOUT and what is wrong, before any request', async () => {
    const before = silent.connections();
    const values = ['abc', '10s', '1e3', '-1', '0', '3601'];
    const runs = await Promise.all(
      values.map((value) => mercato(['get', 'offerings'], { MERCATO_ENDPOINT: silent.url, MERCATO_TIMEOUT: value })),
    );
    const expected = 'expected seconds greater than 0 and at most 3600, without a unit, such as 10';
    expect(runs.map((run) => [run.code, run.stdout, run.stderr])).toEqual([
      [1, '', `error: MERCATO_TIMEOUT "abc" is not a number: ${expected}\n`],
      [1, '', `error: MERCATO_TIMEOUT "10s" is not a number: ${expected}\n`],
      [1, '', `error: MERCATO_TIMEOUT "1e3" is not a number: ${expected}\n`],
      [1, '', `error: MERCATO_TIMEOUT "-1" is not a number: ${expected}\n`],
      [1, '', `error: MERCATO_TIMEOUT "0" is out of range: ${expected}\n`],
      [1, '', `error: MERCATO_TIMEOUT "3601" is out of range: ${expected}\n`],
    ]);
    expect(silent.connections()).toBe(before);

    const env = { MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken };
    const [fraction, blank] = await Promise.all([
      mercato(['get', 'users', '-o', 'name'], { ...env, MERCATO_TIMEOUT: ' 2.5 ' }),
      mercato(['get', 'users', '-o', 'name'], { ...env, MERCATO_TIMEOUT: '' }),
    ]);
    expect([fraction.code, fraction.stdout, fraction.stderr]).toEqual([0, 'user/admin\n', '']);
    expect([blank.code, blank.stdout, blank.stderr]).toEqual([0, 'user/admin\n', '']);
  });

  test('mercato --help lists the variables, MERCATO_TIMEOUT with its default', async () => {
    const help = await mercato(['--help'], {});
    expect(help.stdout).toContain(
      'MERCATO_ENDPOINT   the server, an http:// or https:// URL (default http://127.0.0.1:8080)',
    );
    expect(help.stdout).toMatch(
      /MERCATO_TIMEOUT {4}seconds to wait for each answer \(default 10\); a request that is\s+safe to repeat is tried 3 times/,
    );
    expect(help.stdout).toContain('HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY');
  });
});

describe('credentials in MERCATO_ENDPOINT', () => {
  test('are never printed: a refused connection, no answer, a refused token, a refused endpoint', async () => {
    const withCredentials = (url: string, userinfo = 'someone:endpoint-password') =>
      url.replace('://', `://${userinfo}@`);
    const [refused, timedOut, badToken, tokenAsUser, badScheme] = await Promise.all([
      mercato(['get', 'offerings'], { MERCATO_ENDPOINT: withCredentials(closed) }),
      mercato(['get', 'offerings'], { MERCATO_ENDPOINT: withCredentials(silent.url), MERCATO_TIMEOUT: '0.5' }),
      mercato(['get', 'offerings'], { MERCATO_ENDPOINT: withCredentials(server.url), MERCATO_TOKEN: 'mct_wrong' }),
      mercato(['get', 'offerings'], { MERCATO_ENDPOINT: withCredentials(closed, 'endpoint-password') }),
      mercato(['get', 'offerings'], { MERCATO_ENDPOINT: 'ftp://someone:endpoint-password@example.com' }),
    ]);
    const masked = (url: string) => url.replace('://', '://someone:***@');
    expect(lines(refused.stderr).at(-1)).toBe(
      `error: cannot reach the Mercato server at ${masked(closed)}: connection refused; is it running? (\`npm start\`)`,
    );
    expect(lines(timedOut.stderr).at(-1)).toContain(
      `no answer from the Mercato server at ${masked(silent.url)} within`,
    );
    expect(badToken.stderr).toBe(
      `error: the Mercato server at ${masked(server.url)} refused the token (401 Unauthorized); set MERCATO_TOKEN to a valid token\n`,
    );
    // A user alone may be a token: it is not printed either.
    expect(lines(tokenAsUser.stderr).at(-1)).toContain(`at ${closed.replace('://', '://***@')}: connection refused`);
    expect(badScheme.stderr).toBe(
      'error: MERCATO_ENDPOINT "ftp://someone:***@example.com" has the scheme ftp: expected an http:// or https:// URL such as http://127.0.0.1:8080\n',
    );
    for (const run of [refused, timedOut, badToken, tokenAsUser, badScheme]) {
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).not.toContain('endpoint-password');
    }
  });
});

describe('a proxy', () => {
  test('that refuses the connection is named, with the variable that set it and without its credentials', async () => {
    const proxy = closed.replace('://', '://proxy-user:proxy-password@');
    const [httpProxy, httpsProxy] = await Promise.all([
      mercato(['get', 'offerings'], { MERCATO_ENDPOINT: server.url, HTTP_PROXY: proxy }),
      mercato(['get', 'offerings'], {
        MERCATO_ENDPOINT: 'https://mercato.example.com',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        https_proxy: proxy,
      }),
    ]);
    const masked = closed.replace('://', '://proxy-user:***@');
    expect(lines(httpProxy.stderr)).toEqual([
      'retrying GET /api/v1/offerings (attempt 2 of 3): connection refused',
      'retrying GET /api/v1/offerings (attempt 3 of 3): connection refused',
      `error: cannot reach the proxy ${masked} (HTTP_PROXY) for ${server.url}: connection refused; check HTTP_PROXY`,
    ]);
    // As axios reads them: the lower-case variable first.
    expect(lines(httpsProxy.stderr).at(-1)).toBe(
      `error: cannot reach the proxy ${masked} (https_proxy) for https://mercato.example.com: connection refused; check https_proxy`,
    );
    for (const run of [httpProxy, httpsProxy]) {
      expect(run.code).toBe(1);
      expect(run.stderr).not.toContain('proxy-password');
    }
  });

  test('that never answers is named in the timeout', async () => {
    const run = await mercato(['get', 'offerings'], {
      MERCATO_ENDPOINT: server.url,
      HTTP_PROXY: silent.url,
      MERCATO_TIMEOUT: '0.5',
    });
    expect(lines(run.stderr).at(-1)).toBe(
      `error: no answer from the Mercato server at ${server.url} through the proxy ${silent.url} (HTTP_PROXY) within 0.5 s (MERCATO_TIMEOUT); is it overloaded, or is HTTP_PROXY right?`,
    );
  });

  test('carries the requests when it works; NO_PROXY sends them past it', async () => {
    const proxy = await forwardProxy();
    try {
      const env = { MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken };
      const through = await mercato(['get', 'users', '-o', 'name'], { ...env, HTTP_PROXY: proxy.url });
      expect([through.code, through.stdout, through.stderr]).toEqual([0, 'user/admin\n', '']);
      expect(proxy.seen).toEqual([`${server.url}/api/v1/users?limit=500`]);

      const past = await Promise.all(
        ['127.0.0.1', 'localhost', `127.0.0.1:${new URL(server.url).port}`, '127.0.0.0/8', '*'].map((noProxy) =>
          mercato(['get', 'users', '-o', 'name'], { ...env, HTTP_PROXY: closed, NO_PROXY: noProxy }),
        ),
      );
      expect(past.map((run) => [run.code, run.stdout, run.stderr])).toEqual(past.map(() => [0, 'user/admin\n', '']));
      const notPast = await mercato(['get', 'users'], {
        ...env,
        HTTP_PROXY: closed,
        no_proxy: 'example.com,10.0.0.0/8',
      });
      expect(lines(notPast.stderr).at(-1)).toContain(`cannot reach the proxy ${closed} (HTTP_PROXY)`);
    } finally {
      await proxy.close();
    }
  });
});

describe('MERCATO_ENDPOINT', () => {
  test('that is not an http:// or https:// URL is refused naming it, its value and what is expected', async () => {
    const values = ['not-a-url', 'ftp://example.com', 'localhost:8080', 'http://'];
    const runs = await Promise.all(values.map((value) => mercato(['get', 'offerings'], { MERCATO_ENDPOINT: value })));
    const expected = 'expected an http:// or https:// URL such as http://127.0.0.1:8080';
    expect(runs.map((run) => [run.code, run.stdout, run.stderr])).toEqual([
      [1, '', `error: MERCATO_ENDPOINT "not-a-url" is not a URL: ${expected}\n`],
      [1, '', `error: MERCATO_ENDPOINT "ftp://example.com" has the scheme ftp: ${expected}\n`],
      [1, '', `error: MERCATO_ENDPOINT "localhost:8080" has the scheme localhost: ${expected}\n`],
      [1, '', `error: MERCATO_ENDPOINT "http://" is not a URL: ${expected}\n`],
    ]);
  });
});
