/**
 * The part of gRPC that go-plugin uses, served with node:http2: unary calls, plus streams that are
 * accepted and held open without an answer (go-plugin opens its stdio and broker streams on every
 * launch; we forward nothing through them). One client, Terraform, over one connection.
 *
 * Why not grpc-js: its server costs ~12 ms of start-up and ~0.2 ms of CPU per call, and Terraform
 * makes several calls per resource over 3-5 launches per command (bench/README.md, "Provider at scale").
 *
 * Wire format (gRPC over HTTP/2): a request is a POST to `/<package.Service>/<Method>` whose body is
 * length-prefixed messages (1 byte compressed flag, 4 bytes big-endian length, the bytes); the answer
 * is headers, the same framing, and trailers carrying `grpc-status` (0 = OK) and `grpc-message`.
 */
import type * as http2 from 'node:http2';

export type UnaryHandler = (request: Buffer) => Promise<Buffer>;

export interface GrpcRoutes {
  /** Full method path (`/tfplugin6.Provider/PlanResourceChange`) to its handler. */
  unary: Map<string, UnaryHandler>;
  /** Streaming methods we accept and never answer: they end when the connection does. */
  heldOpen: Set<string>;
}

export interface GrpcServerOptions {
  maxMessageBytes: number;
  /** PEM key, certificate and the one client certificate to trust; absent = plain HTTP/2 (h2c). */
  tls?: { key: string; cert: string; clientCert: string };
}

/** gRPC status codes we answer with. */
const STATUS = { OK: 0, INTERNAL: 13, UNIMPLEMENTED: 12, RESOURCE_EXHAUSTED: 8 } as const;
const PREFIX_BYTES = 5;
const RESPONSE_HEADERS = { ':status': 200, 'content-type': 'application/grpc' };
const OK_TRAILERS = { 'grpc-status': String(STATUS.OK) };

/**
 * An HTTP/2 server answering gRPC calls with `routes`: the same for every connection, or made for
 * each connection by a function (a provider that Terraform attaches to serves each connection
 * as if it were its own process).
 */
export function createGrpcServer(
  routes: GrpcRoutes | ((session: http2.Http2Session) => GrpcRoutes),
  options: GrpcServerOptions,
): http2.Http2Server {
  // Loaded when a server starts, not with the module: the single executable's start-up snapshot
  // (release/sea-entry.ts) holds this module, and node:http2 cannot be loaded while one is built.
  const { createSecureServer, createServer }: typeof import('node:http2') = require('node:http2');
  const settings = { maxHeaderListSize: 64 * 1024, initialWindowSize: 1024 * 1024 };
  // A state message can be far larger than http2's default 10 MB of per-session buffering.
  const maxSessionMemory = Math.ceil((2 * options.maxMessageBytes) / (1024 * 1024));
  const server = options.tls
    ? createSecureServer({
        key: options.tls.key,
        cert: options.tls.cert,
        ca: options.tls.clientCert,
        requestCert: true,
        rejectUnauthorized: true,
        settings,
        maxSessionMemory,
      })
    : createServer({ settings, maxSessionMemory });
  const routesOf = typeof routes === 'function' ? perSession(routes) : () => routes;
  server.on('stream', (stream, headers) =>
    route(routesOf(stream.session!), options.maxMessageBytes, stream, String(headers[':path'])),
  );
  // A broken connection ends Terraform's use of us; it is not a reason to crash mid-answer.
  server.on('sessionError', () => undefined);
  server.on('session', (session) => session.on('error', () => undefined));
  return server;
}

function perSession(make: (session: http2.Http2Session) => GrpcRoutes): (session: http2.Http2Session) => GrpcRoutes {
  const made = new WeakMap<http2.Http2Session, GrpcRoutes>();
  return (session) => {
    let routes = made.get(session);
    if (!routes) made.set(session, (routes = make(session)));
    return routes;
  };
}

function route(routes: GrpcRoutes, maxMessageBytes: number, stream: http2.ServerHttp2Stream, path: string): void {
  stream.on('error', () => undefined);
  const unary = routes.unary.get(path);
  if (unary) return serveUnary(stream, unary, maxMessageBytes);
  stream.resume(); // what a client sends on any other stream is read and dropped
  if (!routes.heldOpen.has(path)) answerStatus(stream, STATUS.UNIMPLEMENTED, `unknown method ${path}`);
}

function serveUnary(stream: http2.ServerHttp2Stream, handle: UnaryHandler, maxMessageBytes: number): void {
  const chunks: Buffer[] = [];
  let received = 0;
  stream.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received <= maxMessageBytes + PREFIX_BYTES) chunks.push(chunk);
    else answerStatus(stream, STATUS.RESOURCE_EXHAUSTED, `request larger than ${maxMessageBytes} bytes`);
  });
  stream.on('end', () => {
    if (stream.headersSent) return;
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const request = readSingleMessage(body);
    if (typeof request === 'string') return answerStatus(stream, STATUS.INTERNAL, request);
    handle(request).then(
      (response) => answerMessage(stream, response),
      (error) => answerStatus(stream, STATUS.INTERNAL, String((error as Error)?.message ?? error)),
    );
  });
}

/** The one message of a unary request, or what is wrong with the body. */
function readSingleMessage(body: Buffer): Buffer | string {
  if (body.length < PREFIX_BYTES) return 'request without a message';
  if (body[0] !== 0) return 'compressed messages are not supported';
  const length = body.readUInt32BE(1);
  if (body.length !== PREFIX_BYTES + length) return 'a unary request must hold exactly one message';
  return body.subarray(PREFIX_BYTES);
}

function answerMessage(stream: http2.ServerHttp2Stream, message: Buffer): void {
  if (stream.destroyed || stream.closed) return; // Terraform cancelled the call meanwhile.
  const framed = Buffer.allocUnsafe(PREFIX_BYTES + message.length);
  framed[0] = 0;
  framed.writeUInt32BE(message.length, 1);
  message.copy(framed, PREFIX_BYTES);
  stream.respond(RESPONSE_HEADERS, { waitForTrailers: true });
  stream.once('wantTrailers', () => stream.sendTrailers(OK_TRAILERS));
  stream.end(framed);
}

/** A "trailers-only" answer: the status without a message. */
function answerStatus(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.closed || stream.headersSent) return;
  stream.respond(
    { ...RESPONSE_HEADERS, 'grpc-status': String(code), 'grpc-message': encodeURIComponent(message) },
    { endStream: true },
  );
}
