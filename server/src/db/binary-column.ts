// PLACEHOLDER until the coordinator's "Registry foundation" commit is merged (its version wins).
import { sql, type Kysely } from 'kysely';

export function binaryColumnType(db: Kysely<any>) {
  const postgres = (db as unknown as { getExecutor(): { adapter: { constructor: { name: string } } } })
    .getExecutor()
    .adapter.constructor.name.includes('Postgres');
  return postgres ? sql`bytea` : sql`blob`;
}
