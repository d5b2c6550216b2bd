import { startPostgres } from './postgres';

/** One PostgreSQL cluster for the whole run; each test file makes its own database in it. */
export default async function globalSetup() {
  if (process.env.MERCATO_TEST_POSTGRES_URL) return;
  const cluster = await startPostgres();
  process.env.MERCATO_TEST_POSTGRES_URL = cluster.url;
  (globalThis as { mercatoPostgres?: typeof cluster }).mercatoPostgres = cluster;
}
