/**
 * The gRPC-over-HTTP/2 server, spoken to by a plain node:http2 client over mutual TLS: framing,
 * statuses and the client certificate check. Terraform itself talks to it in every acceptance test.
 */
import { randomBytes } from 'node:crypto';
import http2 from 'node:http2';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerCertificate } from '../src/protocol';
import { createGrpcServer, type GrpcRoutes, type UnaryHandler } from '../src/protocol/grpc-server';

const serverCert = createServerCertificate();
const clientCert = createServerCertificate();
const strangerCert = createServerCertificate();

let reversed = 0;
const routes: GrpcRoutes = {
  unary: new Map<string, UnaryHandler>([
    [
      '/test.Echo/Reverse',
      async (request: Buffer) => {
        reversed++;
        return Buffer.from(request).reverse();
      },
    ],
    ['/test.Echo/Fail', async () => Promise.reject(new Error('broken: 100% sure'))],
  ]),
  heldOpen: new Set(['/test.Echo/Hold']),
};

/** Larger than http2's default windows and buffers, as a big state or data source answer can be. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

let dir: string;
let socketPath: string;
let server: http2.Http2Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'grpc-server-'));
  socketPath = join(dir, 'plugin.sock');
  server = createGrpcServer(routes, {
    maxMessageBytes: MAX_MESSAGE_BYTES,
    tls: { key: serverCert.keyPem, cert: serverCert.certPem, clientCert: clientCert.certPem },
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function connect(identity = clientCert): http2.ClientHttp2Session {
  return http2.connect('https://localhost', {
    path: socketPath,
    ca: serverCert.certPem,
    key: identity.keyPem,
    cert: identity.certPem,
    servername: 'localhost',
  } as http2.SecureClientSessionOptions);
}

function framed(message: Buffer, compressed = 0): Buffer {
  const prefix = Buffer.alloc(5);
  prefix[0] = compressed;
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

interface Answer {
  status: string;
  message?: string;
  body: Buffer;
}

function call(session: http2.ClientHttp2Session, path: string, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const chunks: Buffer[] = [];
    let headers: http2.IncomingHttpHeaders = {};
    stream.on('response', (h) => (headers = h));
    stream.on('trailers', (t) => (headers = { ...headers, ...t }));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () =>
      resolve({
        status: String(headers['grpc-status']),
        message:
          headers['grpc-message'] === undefined ? undefined : decodeURIComponent(String(headers['grpc-message'])),
        body: Buffer.concat(chunks),
      }),
    );
    stream.on('error', reject);
    stream.end(body);
  });
}

test('a unary call answers one framed message and status 0 in the trailers', async () => {
  const session = connect();
  try {
    const answer = await call(session, '/test.Echo/Reverse', framed(Buffer.from('abc')));
    expect(answer.status).toBe('0');
    expect(answer.body).toEqual(framed(Buffer.from('cba')));
    // Many calls share the connection, as Terraform's do.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(session, '/test.Echo/Reverse', framed(Buffer.from(`x${i}`)))),
    );
    expect(answers.map((a) => a.body.subarray(5).toString())).toEqual(
      Array.from({ length: 20 }, (_, i) => [...`x${i}`].reverse().join('')),
    );
  } finally {
    session.close();
  }
});

test('messages of many megabytes pass both ways', async () => {
  const session = connect();
  try {
    const big = randomBytes(MAX_MESSAGE_BYTES / 2);
    const answer = await call(session, '/test.Echo/Reverse', framed(big));
    expect(answer.status).toBe('0');
    expect(answer.body.equals(framed(Buffer.from(big).reverse()))).toBe(true);
  } finally {
    session.close();
  }
});

test('errors are gRPC statuses with a readable message', async () => {
  const session = connect();
  try {
    expect(await call(session, '/test.Echo/Nope', framed(Buffer.from('a')))).toMatchObject({
      status: '12',
      message: 'unknown method /test.Echo/Nope',
    });
    expect(await call(session, '/test.Echo/Fail', framed(Buffer.from('a')))).toMatchObject({
      status: '13',
      message: 'broken: 100% sure',
    });
    expect(await call(session, '/test.Echo/Reverse', framed(Buffer.from('a'), 1))).toMatchObject({
      status: '13',
      message: 'compressed messages are not supported',
    });
    expect(
      await call(session, '/test.Echo/Reverse', Buffer.concat([framed(Buffer.from('a')), framed(Buffer.from('b'))])),
    ).toMatchObject({
      status: '13',
      message: 'a unary request must hold exactly one message',
    });
    expect(await call(session, '/test.Echo/Reverse', framed(Buffer.alloc(MAX_MESSAGE_BYTES + 1)))).toMatchObject({
      status: '8',
      message: `request larger than ${MAX_MESSAGE_BYTES} bytes`,
    });
  } finally {
    session.close();
  }
});

test('a held-open stream gets no answer, and calls beside it still do', async () => {
  const session = connect();
  try {
    const held = session.request({ ':method': 'POST', ':path': '/test.Echo/Hold', 'content-type': 'application/grpc' });
    let answered = false;
    held.on('response', () => (answered = true));
    held.on('error', () => undefined);
    held.end(framed(Buffer.alloc(0)));
    expect((await call(session, '/test.Echo/Reverse', framed(Buffer.from('ok')))).status).toBe('0');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
  } finally {
    session.destroy();
  }
});

test('a client without the trusted certificate is refused', async () => {
  const session = connect(strangerCert);
  session.on('error', () => undefined);
  const before = reversed;
  const answer = await call(session, '/test.Echo/Reverse', framed(Buffer.from('abc'))).catch((error: Error) => ({
    status: error.message,
    body: Buffer.alloc(0),
  }));
  session.destroy();
  expect(answer.status).not.toBe('0');
  expect(answer.body.length).toBe(0);
  expect(reversed).toBe(before);
});
