import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { CompiledQuery } from 'kysely';
import type { Db } from './database';
import type { CacheGenerationsRow } from './tables';

declare module 'fastify' {
  interface FastifyRequest {
    /** The cache generations as this request began: what it may serve from memory. */
    generations: Generations;
  }
}

/**
 * What a server process keeps in memory, by kind, and a counter per kind in the database
 * (`cache_generations`, one row, a column per kind) that triggers bump in the same transaction
 * as every change to the tables the kind is built from (migration `005-cache-generations`). A
 * process reads the counters once per request and uses what it keeps only while it was built at
 * the current generation, so every replica serves a committed change from its next request on,
 * whichever replica wrote it, and no write path has to remember to invalidate anything.
 *
 * - `catalog`: the catalog search index, built from offerings, offering_versions, categories and
 *   organizations (provider names);
 * - `access`: callers resolved from bearer tokens, built from users, tokens, organization_members,
 *   project_members and projects.
 */
export type CacheKind = 'catalog' | 'access';

export type Generations = Record<CacheKind, number>;

/** The query, compiled once per database: building and compiling it anew would cost as much as running it. */
const compiledReads = new WeakMap<Db, CompiledQuery<CacheGenerationsRow>>();

/** The current generation of every kind: one query of a one-row table. */
export async function readGenerations(db: Db): Promise<Generations> {
  let read = compiledReads.get(db);
  if (!read) compiledReads.set(db, (read = db.selectFrom('cache_generations').select(['catalog', 'access']).compile()));
  const [row] = (await db.executeQuery(read)).rows;
  return { catalog: Number(row.catalog), access: Number(row.access) };
}

/** Reads the generations as each API request begins, before authentication uses them. */
export const cacheGenerationsPerRequest = fp(async (app: FastifyInstance) => {
  app.decorateRequest('generations', null as unknown as Generations);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) request.generations = await readGenerations(app.db);
  });
});
