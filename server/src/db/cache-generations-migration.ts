import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/** The tables each cached kind is built from (see cache-generations.ts), as of this migration. */
const SOURCES = {
  catalog: ['offerings', 'offering_versions', 'categories', 'organizations'],
  access: ['users', 'tokens', 'organization_members', 'project_members', 'projects'],
};

/**
 * `cache_generations` and the triggers that bump it in the transaction of every change to a
 * source table, on both databases: a write path cannot forget to invalidate a cache, and a
 * replica that reads the counters sees every change committed before it read them.
 *
 * One row holds every counter, so a transaction that changes tables of both kinds (creating an
 * organization adds its owner) takes a single row lock, never two in an order another
 * transaction could take them the other way round.
 */
export const cacheGenerations: Migration = {
  async up(db: Kysely<any>) {
    let table = db.schema.createTable('cache_generations');
    for (const kind of Object.keys(SOURCES)) table = table.addColumn(kind, 'bigint', (c) => c.notNull().defaultTo(0));
    await table.execute();
    await db
      .insertInto('cache_generations')
      .values(Object.fromEntries(Object.keys(SOURCES).map((kind) => [kind, 0])))
      .execute();
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    if (postgres) {
      // Once per statement, not per row, and before it: the transaction takes the counter's lock
      // before any row lock of the tables it changes, so two transactions never wait on each
      // other's locks in opposite orders.
      await sql`CREATE FUNCTION bump_cache_generation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          EXECUTE format('UPDATE cache_generations SET %1$I = %1$I + 1', TG_ARGV[0]);
          RETURN NULL;
        END $$`.execute(db);
    }
    for (const [kind, tables] of Object.entries(SOURCES)) await bumpOnChange(db, kind, tables);
  },
};

/**
 * Triggers that bump the `kind` counter of cache_generations in the transaction of every change
 * to `tables` (for a table a later migration adds to a cached kind's sources).
 */
export async function bumpOnChange(db: Kysely<any>, kind: string, tables: string[]) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const source of tables) {
    if (postgres) {
      await sql
        .raw(
          `CREATE TRIGGER ${source}_bumps_${kind} BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${source} FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('${kind}')`,
        )
        .execute(db);
      continue;
    }
    // SQLite has row triggers only, one per kind of change; it has one writer at a time.
    for (const change of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${source}_${change.toLowerCase()}_bumps_${kind} AFTER ${change} ON ${source} BEGIN UPDATE cache_generations SET ${kind} = ${kind} + 1; END`,
        )
        .execute(db);
    }
  }
}
