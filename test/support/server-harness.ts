import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp, ensureAdminToken, openDatabase, type AppOptions } from '@mercato/server';

export type DatabaseKind = 'sqlite' | 'postgres';
export const DATABASE_KINDS: DatabaseKind[] = ['sqlite', 'postgres'];

export interface TestServer {
  url: string;
  /** With `https: true`: the HTTPS listener, e.g. `https://127.0.0.1:43123`. */
  httpsUrl?: string;
  /** With `https: true`: what registry addresses start with, e.g. `127.0.0.1:43123`. */
  registryHost?: string;
  /** With `https: true`: the local CA's certificate, for Terraform's SSL_CERT_FILE. */
  caFile?: string;
  adminToken: string;
  app: FastifyInstance;
  dataDir: string;
  databaseUrl?: string;
  close(): Promise<void>;
}

/** A fresh, empty database of the given kind: a temp SQLite directory or a new PostgreSQL database. */
export async function freshDatabase(kind: DatabaseKind): Promise<{ dataDir: string; databaseUrl?: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-test-'));
  if (kind === 'sqlite') return { dataDir };
  const base = process.env.MERCATO_TEST_POSTGRES_URL;
  if (!base) throw new Error('MERCATO_TEST_POSTGRES_URL is not set: the jest global setup starts PostgreSQL');
  const name = `mercato_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return { dataDir, databaseUrl: base.replace(/\/[^/]*$/, `/${name}`) };
}

export type TestServerOptions = Omit<Partial<AppOptions>, 'https'> & {
  location?: { dataDir: string; databaseUrl?: string };
  https?: boolean;
};

/**
 * The real server on a free port over HTTP, on an existing or fresh database; with `https: true`
 * also over HTTPS on another free port, with a certificate from a local CA in its data directory.
 */
export async function startTestServer(kind: DatabaseKind, options: TestServerOptions = {}): Promise<TestServer> {
  const { location = await freshDatabase(kind), https, ...appOptions } = options;
  const database = await openDatabase(location);
  const adminToken = 'mct_test_admin_token';
  await ensureAdminToken(database.db, location.dataDir, adminToken);
  const app = await buildApp({
    database,
    ...appOptions,
    https: https ? { port: 0, host: '127.0.0.1', dataDir: location.dataDir } : undefined,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const secure = app.httpsAddress && {
    httpsUrl: app.httpsAddress.url,
    registryHost: app.httpsAddress.url.replace('https://', ''),
    caFile: app.httpsAddress.caFile,
  };
  return { url: `http://127.0.0.1:${port}`, adminToken, app, ...location, ...secure, close: () => app.close() };
}
