import type { Client } from 'pg';

/**
 * The statements the plugin runs on a PostgreSQL server, on roles and databases. Values go as
 * bind parameters where the protocol allows; utility statements (CREATE ROLE, ALTER DATABASE...)
 * take none, so names go through pg's escapeIdentifier and literals (a password, a comment)
 * through escapeLiteral. Statements holding a password are never logged or put in an error.
 */

/** pg, loaded on first use as in admin-connection.ts. */
function pg() {
  const loaded: typeof import('pg') = require('pg');
  return loaded;
}
const id = (name: string) => pg().escapeIdentifier(name);
const literal = (text: string) => pg().escapeLiteral(text);

/** A connection limit as PostgreSQL takes it: -1 is no limit. */
const limitSql = (limit: number) => String(Math.trunc(limit));

export interface RoleFacts {
  /** The role's COMMENT: the plugin's mark when it made the role. */
  mark: string | null;
  canLogin: boolean;
  connectionLimit: number;
}

export async function findRole(client: Client, name: string): Promise<RoleFacts | undefined> {
  const { rows } = await client.query<{ mark: string | null; can_login: boolean; connection_limit: number }>(
    `SELECT shobj_description(oid, 'pg_authid') AS mark, rolcanlogin AS can_login, rolconnlimit AS connection_limit
       FROM pg_roles WHERE rolname = $1`,
    [name],
  );
  const row = rows[0];
  return row && { mark: row.mark, canLogin: row.can_login, connectionLimit: row.connection_limit };
}

export interface DatabaseFacts {
  owner: string;
  allowConnections: boolean;
  connectionLimit: number;
}

export async function findDatabase(client: Client, name: string): Promise<DatabaseFacts | undefined> {
  const { rows } = await client.query<{ owner: string; allow_connections: boolean; connection_limit: number }>(
    `SELECT pg_get_userbyid(datdba) AS owner, datallowconn AS allow_connections, datconnlimit AS connection_limit
       FROM pg_database WHERE datname = $1`,
    [name],
  );
  const row = rows[0];
  return row && { owner: row.owner, allowConnections: row.allow_connections, connectionLimit: row.connection_limit };
}

/** Makes a login role with its mark as COMMENT, both or neither (one transaction). */
export async function createRole(client: Client, name: string, password: string, limit: number, mark: string) {
  await client.query('BEGIN');
  try {
    await client.query(
      `CREATE ROLE ${id(name)} LOGIN PASSWORD ${literal(password)} CONNECTION LIMIT ${limitSql(limit)}`,
    );
    await client.query(`COMMENT ON ROLE ${id(name)} IS ${literal(mark)}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Sets a new password and the limit on a role the plugin made before (a create run again). */
export async function resetRole(client: Client, name: string, password: string, limit: number) {
  await client.query(
    `ALTER ROLE ${id(name)} WITH LOGIN PASSWORD ${literal(password)} CONNECTION LIMIT ${limitSql(limit)}`,
  );
}

/**
 * Makes the admin user a member of the role, unless it is a superuser or a member already: only
 * a member may create a database owned by the role (PostgreSQL 15 and older; 16 asks to be able to
 * SET ROLE to it), terminate its sessions and drop its database.
 */
export async function joinRole(client: Client, name: string) {
  const { rows } = await client.query<{ joined: boolean }>(
    `SELECT rolsuper OR pg_has_role(current_user, $1, 'MEMBER') AS joined FROM pg_roles WHERE rolname = current_user`,
    [name],
  );
  if (!rows[0]?.joined) await client.query(`GRANT ${id(name)} TO CURRENT_USER`);
}

/** Makes a database owned by `owner`; one that already exists is left for the caller to judge. */
export async function createDatabase(client: Client, name: string, owner: string, limit: number) {
  try {
    await client.query(`CREATE DATABASE ${id(name)} OWNER ${id(owner)} CONNECTION LIMIT ${limitSql(limit)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // duplicate_database
  }
}

/**
 * Only its owner (and superusers) may connect to the database: by default PUBLIC may connect to
 * every database, so the consumers of other resources on the same server could.
 */
export async function closeToOthers(client: Client, name: string, mark: string) {
  await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${id(name)} FROM PUBLIC`);
  await client.query(`COMMENT ON DATABASE ${id(name)} IS ${literal(mark)}`);
}

export async function setConnectionLimit(client: Client, name: string, limit: number) {
  await client.query(`ALTER ROLE ${id(name)} CONNECTION LIMIT ${limitSql(limit)}`);
  await client.query(`ALTER DATABASE ${id(name)} CONNECTION LIMIT ${limitSql(limit)}`);
}

/**
 * Paused: the database accepts no connection and the role cannot log in; sessions open at the
 * time are ended. Resumed: both again.
 */
export async function setPaused(client: Client, name: string, paused: boolean) {
  await client.query(`ALTER DATABASE ${id(name)} WITH ALLOW_CONNECTIONS ${paused ? 'false' : 'true'}`);
  await client.query(`ALTER ROLE ${id(name)} ${paused ? 'NOLOGIN' : 'LOGIN'}`);
  if (paused) await terminateSessions(client, name);
}

/** Ends the sessions in the database and those of the role (not the caller's own). */
async function terminateSessions(client: Client, name: string) {
  await client.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE (datname = $1 OR usename = $1) AND pid <> pg_backend_pid()`,
    [name],
  );
}

/** Drops the database after closing it and ending its sessions; nothing when it is gone. */
export async function dropDatabase(client: Client, name: string) {
  if (!(await findDatabase(client, name))) return;
  await client.query(`ALTER DATABASE ${id(name)} WITH ALLOW_CONNECTIONS false`);
  await terminateSessions(client, name);
  await client.query(`DROP DATABASE IF EXISTS ${id(name)}`);
}

export async function dropRole(client: Client, name: string) {
  await terminateSessions(client, name);
  await client.query(`DROP ROLE IF EXISTS ${id(name)}`);
}

/** The database's size on disk, in bytes. */
export async function databaseBytes(client: Client, name: string): Promise<number> {
  const { rows } = await client.query<{ bytes: string }>('SELECT pg_database_size($1) AS bytes', [name]);
  return Number(rows[0].bytes);
}
