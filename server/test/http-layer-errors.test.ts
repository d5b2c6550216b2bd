import http from 'node:http';
import net from 'node:net';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';

/**
 * Errors that Fastify and Node raise before a route runs are problem+json like every other
 * error: a URL that does not decode, a path parameter that is too long, headers that are too
 * large, bytes that are not HTTP, a body announced too large with Expect: 100-continue, a request
 * that reaches a closing server.
 */

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** One request with Node's client, which can send what fetch refuses to (huge headers, Expect). */
function request(
  url: string,
  options: http.RequestOptions,
  send?: (req: http.ClientRequest) => void,
): Promise<RawAnswer & { continued: boolean }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = http.request(url, options, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : null, continued }),
      );
    });
    req.on('continue', () => {
      continued = true;
      send?.(req);
    });
    req.on('error', reject);
    if (!(options.headers as Record<string, string> | undefined)?.expect) send?.(req);
  });
}

/** Writes bytes on a plain TCP connection, in steps, and reads everything until the server closes it. */
function exchange(port: number, steps: Array<string | (() => Promise<unknown>)>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.once('connect', () => {
      const send = async () => {
        for (const step of steps) {
          if (typeof step === 'string') socket.write(step);
          else await step();
        }
      };
      send().catch(reject);
    });
  });
}

/** The HTTP responses in a byte stream: status and parsed problem body of each. */
function responsesIn(stream: string) {
  return [...stream.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n(\{[^\n]*?\}(?=HTTP\/1\.1|$))/g)].map(
    ([, status, headers, body]) => ({
      status: Number(status),
      type: /content-type: ([^\r]+)/i.exec(headers)?.[1],
      body: JSON.parse(body),
    }),
  );
}

function expectProblem(
  answer: { status: number; body: any },
  type: string | undefined,
  status: number,
  detail: RegExp,
) {
  expect([answer.status, type, answer.body]).toEqual([
    status,
    expect.stringContaining('application/problem+json'),
    {
      type: 'about:blank',
      title: http.STATUS_CODES[status],
      status,
      detail: expect.stringMatching(detail),
      instance: expect.stringMatching(/^\//),
      errors: [],
    },
  ]);
}

describe.each(DATABASE_KINDS)('errors of the HTTP layer on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let port: number;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  test('a path parameter over 100 characters is a 414 problem, a URL that does not decode a 400 problem', async () => {
    const long = await admin.get(`/orders/${'a'.repeat(150)}`);
    expectProblem(long, long.headers.get('content-type') ?? undefined, 414, /longer than 100 characters/);
    const undecodable = await admin.get('/orders/%E0%A4%A');
    expectProblem(undecodable, undecodable.headers.get('content-type') ?? undefined, 400, /not a valid url component/);
  });

  test('headers over 16 kB are a 431 problem', async () => {
    const answer = await request(
      `${server.url}/api/v1/users/me`,
      { headers: { authorization: `Bearer ${server.adminToken}`, 'x-padding': 'a'.repeat(20000) } },
      (req) => req.end(),
    );
    expectProblem(answer, answer.headers['content-type'], 431, /headers are larger than 16 kB/);
  });

  test('bytes that are not HTTP get a 400 problem before the connection closes', async () => {
    const [answer] = responsesIn(await exchange(port, ['HELLO THERE\r\n\r\n']));
    expectProblem(answer, answer.type, 400, /not valid HTTP/);
  });

  test('a body over the limit announced with Expect: 100-continue is a 413 problem at once; a small one is asked for', async () => {
    const headers = {
      authorization: `Bearer ${server.adminToken}`,
      'content-type': 'application/json',
      expect: '100-continue',
    };
    const big = await request(
      `${server.url}/api/v1/organizations`,
      { method: 'POST', headers: { ...headers, 'content-length': String(3 * 1024 * 1024) } },
      (req) => req.end('x'.repeat(3 * 1024 * 1024)),
    );
    expect(big.continued).toBe(false);
    expectProblem(big, big.headers['content-type'], 413, /larger than the limit/);
    const body = JSON.stringify({ name: 'Continued Inc' });
    const small = await request(
      `${server.url}/api/v1/organizations`,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (req) => req.end(body),
    );
    expect([small.continued, small.status, small.body.name]).toEqual([true, 201, 'Continued Inc']);
    // an expectation the server does not know is 417, a problem too
    const [unknown] = responsesIn(
      await exchange(port, [
        `POST /api/v1/organizations HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      ]),
    );
    expectProblem(unknown, unknown.type, 417, /no expectation but 100-continue/);
  });

  test('a request that reaches a closing server is a 503 problem', async () => {
    const closing = await startTestServer(kind, { worker: { enabled: false } });
    const body = '{"name":"Before Close"}';
    let closed: Promise<void> | undefined;
    const stream = await exchange(Number(new URL(closing.url).port), [
      // the first request is under way (its body not sent yet) when the server starts closing
      `POST /api/v1/organizations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${closing.adminToken}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      () => new Promise((resolve) => setTimeout(resolve, 100)),
      async () => {
        closed = closing.close();
      },
      () => new Promise((resolve) => setTimeout(resolve, 100)),
      `${body}GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${closing.adminToken}\r\n\r\n`,
    ]);
    await closed;
    const [first, second] = responsesIn(stream);
    expect(first.status).toBe(201);
    expectProblem(second, second.type, 503, /shutting down/);
  });
});
