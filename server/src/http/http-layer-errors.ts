import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem, problemDocument, sendProblem } from './problem';

/**
 * Errors raised before a route runs are problems too (RFC 9457), like every other error of the
 * API. Fastify and Node answer these with their own JSON unless told otherwise:
 * - a URL that does not decode (400) or a path parameter over 100 characters (414): Fastify's
 *   `frameworkErrors` option, answered by `sendProblem`;
 * - what Node's HTTP parser refuses before any request exists, such as headers over 16 kB (431),
 *   a request that is not HTTP (400) or too slow (408): Fastify's `clientErrorHandler` option;
 * - a body over the limit announced with `Expect: 100-continue` (curl's default for large
 *   bodies): 413 at once, without asking for the body (Node's 'checkContinue' event); another
 *   expectation: 417 (Node's 'checkExpectation' event, which Node answers with an empty body);
 * - a request that reaches a server already closing: 503 (in place of Fastify's `return503OnClosing`).
 */

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Lets bodies of up to `limit` bytes through to the routes whose URL (path and query) matches
     * `url`, also when announced with `Expect: 100-continue`; the routes set their own `bodyLimit`.
     */
    allowLargerBodies(url: RegExp, limit: number): void;
  }
}

const rawPath = (url: string | undefined) => (url ?? '/').split('?')[0];

function problemText(status: number, detail: string, path: string): string {
  return JSON.stringify(problemDocument(new Problem(status, STATUS_CODES[status] ?? 'Error', detail), path));
}

/** Fastify's `frameworkErrors` option. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  void sendProblem(error, request, reply);
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'the request headers are larger than 16 kB'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request was not received in time'],
};

/** Fastify's `clientErrorHandler` option: Node's parser refused the bytes; the connection ends. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'the request is not valid HTTP/1.1'];
  const body = problemText(status, detail, '/');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function answerRaw(response: ServerResponse, status: number, detail: string, path: string) {
  const body = problemText(status, detail, path);
  response.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  response.end(body);
}

/** Refuses an announced body over the limit of its URL before the client sends it; lets the others come. */
function checkExpect(server: Server, bodyLimit: (url: string) => number) {
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    if (Number(request.headers['content-length']) > bodyLimit(request.url ?? '/')) {
      answerRaw(response, 413, 'the request body is larger than the limit', rawPath(request.url));
      return;
    }
    response.writeContinue();
    server.emit('request', request, response);
  });
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    answerRaw(
      response,
      417,
      `the server meets no expectation but 100-continue (got "${request.headers.expect}")`,
      rawPath(request.url),
    );
  });
}

/** Registers the hooks; `frameworkErrors`, `clientErrorHandler` and `return503OnClosing: false` are Fastify options. */
export const httpLayerErrors = fp(async (app: FastifyInstance) => {
  const larger: { url: RegExp; limit: number }[] = [];
  app.decorate('allowLargerBodies', (url: RegExp, limit: number) => void larger.push({ url, limit }));
  const limit = app.initialConfig.bodyLimit ?? 1024 * 1024;
  checkExpect(app.server, (url) => larger.find((l) => l.url.test(url))?.limit ?? limit);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing)
      throw new Problem(503, 'Service Unavailable', 'the server is shutting down; retry on another or later');
  });
});
