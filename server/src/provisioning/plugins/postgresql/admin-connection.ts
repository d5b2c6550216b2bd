import type { Client } from 'pg';

/** How long to wait for the server to accept a connection. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long one statement may take before the plugin gives up on it (CREATE DATABASE copies a template). */
const QUERY_TIMEOUT_MS = 120_000;

/**
 * A failure of the PostgreSQL server or of a statement, with a message fit to be an order's
 * reason: it names the server (host, port, user) and never holds a password.
 */
export class PostgresFailure extends Error {}

/** Where an admin URL points, for messages: `user@host:port`, without its password. */
export function describeServer(adminUrl: string): string {
  try {
    const url = new URL(adminUrl);
    const user = decodeURIComponent(url.username);
    return `${user ? `${user}@` : ''}${url.hostname}:${url.port || 5432}`;
  } catch {
    return 'the server of secret_options.admin_url';
  }
}

/**
 * Replaces every secret in `text` by `***`: the admin URL whole, its password as written and
 * decoded, and the `extra` secrets (a password being set). pg's errors and Node's can quote a
 * connection string or a part of it.
 */
export function masked(text: string, adminUrl: string, extra: string[] = []): string {
  const secrets = [adminUrl, ...extra];
  try {
    const password = new URL(adminUrl).password;
    if (password) secrets.push(password, decodeURIComponent(password));
  } catch {
    // Not a URL: the whole string is masked above.
  }
  return secrets
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length) // the URL before the password inside it
    .reduce((out, secret) => out.split(secret).join('***'), text);
}

/** An error's text: Node's AggregateError (every address of a host refused) has an empty message. */
function errorText(error: unknown): string {
  const e = error as Error & { code?: string; errors?: Error[] };
  if (e?.message) return e.message;
  if (e?.errors?.length) return e.errors.map((inner) => inner.message).join('; ');
  return e?.code ?? String(error);
}

/**
 * Runs `work` on one connection to the server of `adminUrl` as its (admin) user, and closes the
 * connection whatever happens: no connection is left open. Aborting `signal` closes it at once.
 * Every failure (cannot connect, password refused, a statement refused, a timeout) is thrown as a
 * PostgresFailure whose message names the server and is masked of the admin URL's password and of
 * `secrets`.
 */
export async function withAdminConnection<T>(
  adminUrl: string,
  signal: AbortSignal,
  secrets: string[],
  work: (client: Client) => Promise<T>,
): Promise<T> {
  // Loaded on first use: a server with no PostgreSQL offering (and SQLite) never loads pg.
  const { Client: PgClient }: typeof import('pg') = require('pg');
  const server = describeServer(adminUrl);
  const fail = (what: string, error: unknown) =>
    new PostgresFailure(masked(`${what} ${server}: ${errorText(error)}`, adminUrl, secrets));
  const client = new PgClient({
    connectionString: adminUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: 'mercato-postgresql-plugin',
  });
  // A connection the server drops between statements is reported by the statement that fails;
  // without a listener the 'error' event would end the process.
  client.on('error', () => {});
  const close = () => void client.end().catch(() => {});
  signal.addEventListener('abort', close);
  try {
    if (signal.aborted) throw new Error('the server is stopping');
    try {
      await client.connect();
    } catch (error) {
      throw fail('could not connect to PostgreSQL at', error);
    }
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof PostgresFailure) throw error;
      throw fail('PostgreSQL at', error);
    }
  } finally {
    signal.removeEventListener('abort', close);
    await client.end().catch(() => {});
  }
}
