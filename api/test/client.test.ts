/**
 * @mercato/api's client against the real server over HTTP; for the answers that only a gateway
 * gives (429, 502, 503, 504), through a small proxy in front of it that answers them first.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, environmentSettings, MercatoClient, normalizeEndpoint, UnreachableError } from '@mercato/api';
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
  test('MERCATO_ENDPOINT and MERCATO_TOKEN are read in one place; blank is unset', () => {
    expect(environmentSettings({ MERCATO_ENDPOINT: ' http://h:8080/ ', MERCATO_TOKEN: 'mct_x' })).toEqual({
      endpoint: 'http://h:8080/',
      token: 'mct_x',
    });
    expect(environmentSettings({ MERCATO_ENDPOINT: '', MERCATO_TOKEN: '  ' })).toEqual({
      endpoint: undefined,
      token: undefined,
    });
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
