import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const PAGE = path.join(__dirname, 'index.html');

/** The web console: one static page that talks to the same API as everyone else. */
export async function consoleRoutes(app: FastifyInstance) {
  const html = fs.readFileSync(PAGE, 'utf8');
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(html),
  );
}
