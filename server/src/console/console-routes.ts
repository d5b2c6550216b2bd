import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Paths that are never the console's: the API, the registry protocols and Terraform's login. An
 * unknown path under them answers the API's 404 problem, not the console's page.
 */
const NOT_CONSOLE = /^\/(api|v1|\.well-known|oauth)(\/|$)|^\/healthz$/;

/**
 * The console's pages by their first path segment (its routes, console/src/main.tsx): index.html
 * with 200. Any other path is no page: a browser (accepting text/html) gets index.html with 404,
 * whose router shows its "not found" page; any other client the API's 404 problem.
 */
const CONSOLE_SECTIONS = new Set([
  '',
  'sign-in',
  'offerings',
  'orders',
  'projects',
  'resources',
  'approvals',
  'provider-queue',
  'modules',
  'providers',
  'admin',
  'invoices',
  'earnings',
]);

export interface ConsoleOptions {
  /** The console's built assets (`console/dist`); default: the `@mercato/console` package's. */
  dir?: string;
}

/** Where `npm install` built the console: the `@mercato/console` package's dist/. */
function consoleDir(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('@mercato/console/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mercato</title></head>
<body><main><h1>Mercato</h1>
<p>The web console is not built. Build it with <code>npm run build -w console</code> (<code>npm install</code> does),
then reload. The API is at <a href="/api/v1/openapi.json">/api/v1</a>.</p></main></body></html>
`;

/**
 * The web console (console/, a single-page app): its hashed assets under /assets/, cached for good;
 * index.html, never cached, at `/` and at every other path of the console's (its router reads the URL).
 */
export async function consoleRoutes(app: FastifyInstance, options: ConsoleOptions = {}) {
  const dir = options.dir ?? consoleDir();
  const index = dir && path.join(dir, 'index.html');
  if (!dir || !index || !fs.existsSync(index)) {
    app.log.warn(`the web console is not built (${dir ?? '@mercato/console not installed'}): / says so`);
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (NOT_CONSOLE.test(request.url.split('?')[0])) return reply.callNotFound();
      return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    });
    return;
  }

  await app.register(fastifyStatic, {
    root: path.join(dir, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0];
    if (NOT_CONSOLE.test(pathname) || pathname.startsWith('/assets/')) return reply.callNotFound();
    // Files beside index.html (a favicon); anything else is a page of the console's.
    const file = path.basename(pathname);
    if (file && pathname === `/${file}` && file !== 'index.html' && fs.existsSync(path.join(dir, file)))
      return reply.sendFile(file, dir, { maxAge: '1h' });
    const page = CONSOLE_SECTIONS.has(pathname.split('/')[1]);
    if (!page && !request.headers.accept?.includes('text/html')) return reply.callNotFound();
    return reply
      .code(page ? 200 : 404)
      .header('cache-control', 'no-cache')
      .sendFile('index.html', dir);
  });
}
