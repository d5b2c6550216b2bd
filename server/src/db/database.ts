import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Tables } from './tables';
import { migrateToLatest } from './migrations';

export type Db = Kysely<Tables>;

export interface Database {
  db: Db;
  kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl?.startsWith('postgres')
    ? openPostgres(options.databaseUrl)
    : openSqlite(options.dataDir);
  await migrateToLatest(database.db);
  return database;
}

function openSqlite(dataDir: string): Database {
  // Loaded lazily so that a PostgreSQL deployment does not need the native module.
  const SqliteDriver: typeof import('better-sqlite3') = require('better-sqlite3');
  const file = ownFile(dataDir, 'mercato.db');
  const sqlite = new SqliteDriver(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. The same
 * SQL text reuses its statement (queries run one at a time on the single connection).
 */
function withStatementCache(sqlite: SqliteDatabase): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size > 2000) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

function openPostgres(url: string): Database {
  const { Pool, types }: typeof import('pg') = require('pg');
  types.setTypeParser(20, (value: string) => Number(value)); // bigint counts as numbers
  const db = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: 10 }) }),
  });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** True when an error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The database file, made readable and writable by its user only before SQLite opens it: it holds
 * secret options, secret attributes and outputs, and SQLite gives its -wal and -shm files the
 * database file's mode. A data directory made here is its user's only too.
 */
function ownFile(dataDir: string, name: string): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, name);
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  // Files of an older server, made with the default mode, are closed to others too.
  for (const own of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(own)) fs.chmodSync(own, 0o600);
  return file;
}
