import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { ServerConfig } from './config';
import { openDatabase } from './db/database';
import { ensureAdminToken } from './admin-token';
import { seedDemoCatalog } from './demo/seed';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  adminToken?: string;
}

/** Opens the database, makes sure a staff credential exists, seeds the demo catalog once, listens. */
export async function startServer(config: ServerConfig, say: (line: string) => void = console.log): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const admin = await ensureAdminToken(database.db, config.dataDir, config.adminToken);
  const app = await buildApp({ database, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  if (admin.firstStart && config.seedDemo && admin.token) {
    await seedDemoCatalog(app, admin.token);
    say('Seeded the demo catalog.');
  }
  say(`Mercato is running: console and API at ${url}/ (API under ${url}/api/v1, OpenAPI at ${url}/api/v1/openapi.json)`);
  say(`Database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`}`);
  if (admin.writtenTo) say(`Admin token (shown once): ${admin.token}\nIt is also in ${admin.writtenTo}`);
  else if (config.adminToken) say('Admin token: the value of MERCATO_ADMIN_TOKEN');
  else say(`Admin token: in ${config.dataDir}/admin-token`);
  return { app, url, adminToken: admin.token };
}
