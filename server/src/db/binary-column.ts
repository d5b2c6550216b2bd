import { type Kysely, PostgresAdapter } from 'kysely';

/** The column type for bytes, for a migration: `bytea` on PostgreSQL, `blob` on SQLite. Both read back as a Buffer. */
export function binaryColumnType(db: Kysely<unknown>): 'bytea' | 'blob' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
}
