import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * The console's pages by their first path segment (its routes, console/src/main.tsx): each answers
 * index.html at `/<section>` and below, where the console's router reads the URL. Only these: a
 * catch-all route would also take the API's paths whose parameters Fastify refuses (a 414 problem
 * for one over 100 characters), and every other path keeps the API's 404 problem.
 */
const CONSOLE_SECTIONS = [
  'sign-in',
  'offerings',
  'orders',
  'organizations',
  'projects',
  'resources',
  'approvals',
  'provider-queue',
  'modules',
  'providers',
  'admin',
  'invoices',
  'earnings',
];

/** `/`, then each section and what lies below it. */
const CONSOLE_PATHS = ['/', ...CONSOLE_SECTIONS.flatMap((section) => [`/${section}`, `/${section}/*`])];

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
  const built = !!dir && !!index && fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(dir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  } else app.log.warn(`the web console is not built (${dir ?? '@mercato/console not installed'}): / says so`);
  for (const url of CONSOLE_PATHS)
    app.get(url, { schema: { hide: true } }, async (_request, reply) =>
      built
        ? reply.header('cache-control', 'no-cache').sendFile('index.html', dir)
        : reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT),
    );
}
