/**
 * @mercato/api's client against the real server over HTTP; for the answers that only a gateway
 * gives (429, 502, 503, 504), through a small proxy in front of it that answers them first.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import {
  ApiError,
  checkedEndpoint,
  environmentSettings,
  MercatoClient,
  normalizeEndpoint,
  proxyFor,
  secondsSetting,
  SettingError,
  UnreachableError,
  withoutCredentials,
  type RetryNote,
} from '@mercato/api';
import { freePort } from '@mercato/test-support/postgres';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite', { worker: { enabled: false } });
});
afterAll(() => server.close());

const client = (settings: { endpoint?: string; attempts?: number } = {}) =>
  new MercatoClient({ endpoint: server.url, token: server.adminToken, ...settings });

/** A gateway in front of the server: answers the statuses given, one request each, then passes requests on. */
interface Gateway {
  url: string;
  /** Every request that reached the gateway: method, path and Idempotency-Key. */
  seen: { method: string; path: string; key?: string }[];
  close(): Promise<void>;
}

async function gateway(failures: number[]): Promise<Gateway> {
  const target = new URL(server.url);
  const seen: Gateway['seen'] = [];
  const proxy = http.createServer((request, response) => {
    seen.push({
      method: request.method!,
      path: request.url!,
      key: request.headers['idempotency-key'] as string | undefined,
    });
    const status = failures.shift();
    if (status) {
      request.resume();
      response
        .writeHead(status, { 'content-type': 'text/html' })
        .end(`<html><body>${status} from the gateway</body></html>`);
      return;
    }
    const forward = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(response);
      },
    );
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => proxy.close(() => resolve())) };
}

/** An HTTP server answering with `answer`, recording each request's method, path and Authorization. */
async function recorder(answer: http.RequestListener) {
  const seen: { method: string; path: string; authorization?: string }[] = [];
  const listener = http.createServer((request, response) => {
    seen.push({ method: request.method!, path: request.url!, authorization: request.headers.authorization });
    request.resume();
    answer(request, response);
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
}

describe('settings', () => {
  test('MERCATO_ENDPOINT, MERCATO_TOKEN and MERCATO_TIMEOUT are read in one place, unchecked; blank is unset', () => {
    expect(
      environmentSettings({ MERCATO_ENDPOINT: ' http://h:8080/ ', MERCATO_TOKEN: 'mct_x', MERCATO_TIMEOUT: ' abc ' }),
    ).toStrictEqual({ endpoint: 'http://h:8080/', token: 'mct_x', timeout: 'abc' });
    expect(environmentSettings({ MERCATO_ENDPOINT: '', MERCATO_TOKEN: '  ', MERCATO_TIMEOUT: '' })).toStrictEqual({
      endpoint: undefined,
      token: undefined,
      timeout: undefined,
    });
  });

  test('a user checks what it uses: an endpoint is an http(s) URL, a timeout a number of seconds; the error names the variable', () => {
    expect(checkedEndpoint(' https://h:8443/api/v1/ ', 'MERCATO_ENDPOINT')).toBe('https://h:8443');
    expect(secondsSetting('2.5', 'MERCATO_TIMEOUT', 60)).toBe(2.5);
    const refused = (check: () => unknown) => {
      try {
        check();
      } catch (error) {
        return error instanceof SettingError ? error.message : `not a SettingError: ${String(error)}`;
      }
      return 'accepted';
    };
    expect(refused(() => checkedEndpoint('ftp://u:pw@h', 'endpoint'))).toBe(
      'endpoint "ftp://u:***@h" has the scheme ftp: expected an http:// or https:// URL such as http://127.0.0.1:8080',
    );
    expect(refused(() => secondsSetting('61', 'MERCATO_TIMEOUT', 60))).toBe(
      'MERCATO_TIMEOUT "61" is out of range: expected seconds greater than 0 and at most 60, without a unit, such as 10',
    );
  });

  test('withoutCredentials masks a password, and a user alone (which may be a token), in a URL or not', () => {
    expect(withoutCredentials('http://alice:s3cret@h:8080/x')).toBe('http://alice:***@h:8080/x');
    expect(withoutCredentials('https://mct_token@h')).toBe('https://***@h');
    expect(withoutCredentials('alice:s3cret@h')).toBe('alice:***@h');
    expect(withoutCredentials('http://h:8080/?to=a@b')).toBe('http://h:8080/?to=a@b');
    expect(withoutCredentials('http://a:b@c@h/')).toBe('http://a:***@h/');
  });

  test("the proxy is chosen as axios chooses it: the scheme's variable, lower case first, then ALL_PROXY; NO_PROXY excludes", () => {
    const chosen = (target: string, env: NodeJS.ProcessEnv) => {
      const proxy = proxyFor(target, env);
      return proxy && `${proxy.url.href} ${proxy.variable}`;
    };
    expect(chosen('http://h', { HTTP_PROXY: 'http://p:1', http_proxy: 'http://q:2' })).toBe('http://q:2/ http_proxy');
    expect(chosen('https://h', { HTTP_PROXY: 'http://p:1' })).toBeUndefined();
    expect(chosen('https://h', { HTTPS_PROXY: 'p:3', ALL_PROXY: 'http://a:4' })).toBe('https://p:3/ HTTPS_PROXY');
    expect(chosen('https://h', { ALL_PROXY: 'http://a:4' })).toBe('http://a:4/ ALL_PROXY');
    const proxied = { HTTP_PROXY: 'http://p:1' };
    for (const [target, noProxy, excluded] of [
      ['http://api.example.com', '.example.com', true],
      ['http://api.example.com', '*.example.com', true],
      ['http://example.com', '.example.com', false],
      ['http://example.com:8080', 'example.com:8080', true],
      ['http://example.com:8080', 'example.com:9090', false],
      ['http://127.0.0.1:8080', 'localhost', true],
      ['http://[::1]:8080', '127.0.0.1', true],
      ['http://10.1.2.3', '10.0.0.0/8', true],
      ['http://11.1.2.3', '10.0.0.0/8', false],
      ['http://h', 'other, *', true],
      ['http://h', '', false],
    ] as const) {
      expect([target, noProxy, proxyFor(target, { ...proxied, NO_PROXY: noProxy }) === undefined]).toEqual([
        target,
        noProxy,
        excluded,
      ]);
    }
    expect(proxyFor('http://h', { ...proxied, no_proxy: 'h', NO_PROXY: 'other' })).toBeUndefined();
    expect(() => proxyFor('http://h', { HTTP_PROXY: 'http://' })).toThrow(
      'HTTP_PROXY "http://" is not a URL: expected a proxy such as http://proxy.example.com:3128',
    );
  });

  test('an endpoint with a trailing slash or /api/v1 is the same server', async () => {
    for (const endpoint of ['http://h:8080', 'http://h:8080/', 'http://h:8080/api/v1', 'http://h:8080/api/v1/'])
      expect(normalizeEndpoint(endpoint)).toBe('http://h:8080');
    expect((await client({ endpoint: `${server.url}/api/v1/` }).get<{ username: string }>('/users/me')).username).toBe(
      'admin',
    );
  });
});

describe('answers', () => {
  test('listAll follows next_cursor to the last page', async () => {
    const titles = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].map((t) => `Pages ${t}`);
    for (const title of titles) await client().create('/categories', { title });
    const gate = await gateway([]);
    try {
      const listed = await client({ endpoint: gate.url }).listAll<{ title: string }>('/categories', { limit: 2 });
      expect(listed.map((c) => c.title)).toEqual(expect.arrayContaining(titles));
      expect(gate.seen.length).toBeGreaterThanOrEqual(3);
    } finally {
      await gate.close();
    }
  });

  test('an error answer is an ApiError with its status, problem and field errors', async () => {
    const error = await client()
      .create('/organizations', { name: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.request).toBe('POST /organizations');
    expect(apiError.problem).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String) });
    expect(apiError.fieldErrors.map((e) => e.field)).toEqual(['name']);
    expect(apiError.message).toBe(`POST /organizations: ${apiError.problem.detail}`);
    expect(await client().find('/organizations/00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  test('a redirect is an ApiError naming its Location, and is not followed: the token stays with the endpoint', async () => {
    const elsewhere = await recorder((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[],"next_cursor":null}'),
    );
    const redirecting = await recorder((request, response) =>
      response.writeHead(request.method === 'GET' ? 302 : 307, { location: `${elsewhere.url}${request.url}` }).end(),
    );
    try {
      const redirected = client({ endpoint: redirecting.url });
      const calls: [Promise<unknown>, number, string][] = [
        [redirected.get('/offerings'), 302, '/api/v1/offerings'],
        [redirected.create('/organizations', { name: 'x' }), 307, '/api/v1/organizations'],
        [redirected.action('/orders/o/approve'), 307, '/api/v1/orders/o/approve'],
      ];
      for (const [call, status, path] of calls) {
        const error = await call.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(status);
        expect((error as ApiError).message).toContain(`a redirect to ${elsewhere.url}${path}, which is not followed`);
      }
      expect((await redirected.request('GET', '/offerings')).status).toBe(302);
      expect(redirecting.seen).toHaveLength(4);
      expect(redirecting.seen.every((request) => request.authorization === `Bearer ${server.adminToken}`)).toBe(true);
      expect(elsewhere.seen).toEqual([]);
    } finally {
      await Promise.all([redirecting.close(), elsewhere.close()]);
    }
  });

  test('no answer is an UnreachableError naming the endpoint and the socket error', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const error = await client({ endpoint, attempts: 2 })
      .get('/users/me')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect(error).toMatchObject({ endpoint, code: 'ECONNREFUSED', request: 'GET /users/me' });
  });
});

describe('no answer', () => {
  test('a timeout is an ETIMEDOUT UnreachableError, after `attempts` tries, each retry told to `log`', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const notes: RetryNote[] = [];
    try {
      const log = (_message: string, note?: RetryNote) => notes.push(note!);
      const error = await new MercatoClient({ endpoint, timeoutMs: 200, attempts: 2, log })
        .get('/offerings')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreachableError);
      expect(error).toMatchObject({ code: 'ETIMEDOUT', request: 'GET /offerings' });
      expect(notes).toEqual([{ request: 'GET /offerings', attempt: 1, attempts: 2, code: 'ETIMEDOUT' }]);
      expect(sockets.length).toBe(2);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test("an UnreachableError names the proxy the request went through, and neither the endpoint's nor the proxy's credentials", async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const error = await new MercatoClient({
      endpoint: `http://someone:endpoint-password@${closed}`,
      attempts: 1,
      env: { HTTP_PROXY: `http://proxy-user:proxy-password@${closed}` },
    })
      .get('/offerings')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as UnreachableError).message).toBe(
      `cannot reach the proxy http://proxy-user:***@${closed} (HTTP_PROXY) for http://someone:***@${closed} (ECONNREFUSED) for GET /offerings`,
    );
    expect((error as UnreachableError).proxy).toEqual({
      url: `http://proxy-user:***@${closed}`,
      variable: 'HTTP_PROXY',
    });
  });
});

describe('retries', () => {
  test('a GET is retried through 429, 502, 503 and 504 until it is answered', async () => {
    const gate = await gateway([429, 502, 503, 504]);
    try {
      expect((await client({ endpoint: gate.url }).get<{ username: string }>('/users/me')).username).toBe('admin');
      expect(gate.seen).toHaveLength(5);
    } finally {
      await gate.close();
    }
  });

  test('a create is retried with the same Idempotency-Key, and makes one object', async () => {
    const gate = await gateway([503, 502]);
    try {
      const created = await client({ endpoint: gate.url }).create<{ id: string }>('/organizations', {
        name: 'Retried Once',
      });
      const keys = new Set(gate.seen.map((request) => request.key));
      expect(gate.seen).toHaveLength(3);
      expect(keys.size).toBe(1);
      expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
      const named = (await client().listAll<{ id: string; name: string }>('/organizations')).filter(
        (o) => o.name === 'Retried Once',
      );
      expect(named.map((o) => o.id)).toEqual([created.id]);
    } finally {
      await gate.close();
    }
  });

  test('a create whose answer was lost is answered from its Idempotency-Key, not made twice', async () => {
    const api = client();
    const first = await api.create<{ id: string }>('/organizations', { name: 'Sent Twice' }, 'key-sent-twice');
    const again = await api.create<{ id: string }>('/organizations', { name: 'Sent Twice' }, 'key-sent-twice');
    expect(again.id).toBe(first.id);
  });

  test("an action, a PATCH and a DELETE are not repeated: the gateway's 503 is the answer", async () => {
    const organization = await client().create<{ id: string }>('/organizations', { name: 'Not Repeated' });
    const gate = await gateway([503, 503, 503]);
    try {
      const api = client({ endpoint: gate.url });
      for (const call of [
        () => api.patch(`/organizations/${organization.id}`, { name: 'Changed' }),
        () => api.delete(`/organizations/${organization.id}`),
        () => api.action('/orders/00000000-0000-4000-8000-000000000000/approve'),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(503);
        expect((error as ApiError).detail).toContain('503 from the gateway');
      }
      expect(gate.seen.map((r) => r.method)).toEqual(['PATCH', 'DELETE', 'POST']);
    } finally {
      await gate.close();
    }
  });

  test('retries end after `attempts` tries with the last answer', async () => {
    const gate = await gateway([503, 503, 503]);
    try {
      const error = await client({ endpoint: gate.url, attempts: 2 })
        .get('/users/me')
        .catch((e: unknown) => e);
      expect((error as ApiError).status).toBe(503);
      expect(gate.seen).toHaveLength(2);
    } finally {
      await gate.close();
    }
  });
});
