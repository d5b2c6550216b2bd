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
 * process reads the counters as each request begins (GenerationReader) and uses what it keeps
 * only while it was built at the current generation, so every replica serves a committed change
 * from its next request on, whichever replica wrote it, and no write path has to remember to
 * invalidate anything. (PostgreSQL's LISTEN/NOTIFY alone could not promise that: a notification
 * may arrive after the next request.)
 *
 * - `catalog`: the catalog search index, built from offerings, offering_versions, categories,
 *   organizations (provider names) and offering_audience (migration `007-offering-rules`);
 * - `access`: callers resolved from bearer tokens, built from users, tokens, organization_members,
 *   project_members and projects.
 */
export type CacheKind = 'catalog' | 'access';

export type Generations = Record<CacheKind, number>;

/** The query, compiled once per database: building and compiling it anew would cost as much as running it. */
const compiledReads = new WeakMap<Db, CompiledQuery<CacheGenerationsRow>>();

/** The current generation of every kind: one query of a one-row table. */
async function readGenerations(db: Db): Promise<Generations> {
  let read = compiledReads.get(db);
  if (!read) compiledReads.set(db, (read = db.selectFrom('cache_generations').select(['catalog', 'access']).compile()));
  const [row] = (await db.executeQuery(read)).rows;
  return { catalog: Number(row.catalog), access: Number(row.access) };
}

/**
 * Reads the generations for requests that have arrived, one query for all those waiting: a read
 * serves exactly the requests that arrived before it started (so none is served a change older
 * than itself), which under load is every request of an event-loop turn rather than one each.
 */
class GenerationReader {
  private waiting: Array<{ resolve: (g: Generations) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;
  private reading = false;

  constructor(private readonly db: Db) {}

  read(): Promise<Generations> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.schedule();
    });
  }

  /** After the requests of this turn have arrived; after the read in flight, which began before them. */
  private schedule() {
    if (this.scheduled || this.reading) return;
    this.scheduled = true;
    setImmediate(() => void this.readForWaiting());
  }

  private async readForWaiting() {
    this.scheduled = false;
    this.reading = true;
    const batch = this.waiting;
    this.waiting = [];
    try {
      const generations = await readGenerations(this.db);
      batch.forEach((w) => w.resolve(generations));
    } catch (error) {
      batch.forEach((w) => w.reject(error));
    } finally {
      this.reading = false;
      if (this.waiting.length) this.schedule();
    }
  }
}

/** Reads the generations as each API or registry protocol request begins, before authentication uses them. */
export const cacheGenerationsPerRequest = fp(async (app: FastifyInstance) => {
  const reader = new GenerationReader(app.db);
  app.decorateRequest('generations', null as unknown as Generations);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/v1/')) request.generations = await reader.read();
  });
});
