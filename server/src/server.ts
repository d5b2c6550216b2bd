import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from './app';
import type { ServerConfig } from './config';
import { openDatabase } from './db/database';
import { ensureAdminToken } from './admin-token';
import type { HttpsAddress } from './tls/https-listener';
import { seedDemoCatalog } from './demo/seed';
import { DEMO_OFFERINGS } from './demo/catalog';
import {
  demoAgentOf,
  demoAgentUrl,
  freeLocalPort,
  newSigningSecret,
  writeDemoAgentSettings,
  type DemoAgent,
} from './demo/demo-agent';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  adminToken?: string;
  /** The demo's site agent for `mercato serve` to run, when the demo catalog was seeded with it. */
  demoAgent?: DemoAgent;
}

/**
 * Opens the database, makes sure a staff credential exists, seeds the demo catalog once, then
 * listens: nothing, `/healthz` included, answers before the server is ready. The console URL and
 * the admin token are printed last, after the logs of starting up.
 */
export async function startServer(
  config: ServerConfig,
  say: (line: string) => void = console.log,
): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const admin = await ensureAdminToken(database.db, config.dataDir, config.adminToken);
  // Written synchronously: pino's default writer is asynchronous, and its start-up lines came out
  // after the lines below that end them.
  const app = await buildApp({
    database,
    logger: { level: config.logLevel, stream: pino.destination({ dest: 1, sync: true }) },
    worker: { pullIntervalMs: config.pullIntervalSeconds * 1000 },
    https:
      config.httpsPort === undefined
        ? undefined
        : {
            port: config.httpsPort,
            host: config.host,
            dataDir: config.dataDir,
            certFile: config.tlsCertFile,
            keyFile: config.tlsKeyFile,
          },
    providerSigningKey: config.providerSigningKey,
    terraform: config.terraform,
  });
  const seeded = admin.firstStart && config.seedDemo && admin.token !== undefined;
  if (seeded)
    await withoutRequestLogs(app, () => seedWithAgent(app, admin.token!, config.dataDir, config.demoPostgresUrl));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  say('');
  if (seeded) say('Seeded the demo catalog.');
  say(
    `Mercato is running: console and API at ${url}/ (API under ${url}/api/v1, OpenAPI at ${url}/api/v1/openapi.json)`,
  );
  if (app.httpsAddress) say(httpsLine(app.httpsAddress));
  say(`Database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`}`);
  if (admin.writtenTo) say(`Admin token (shown once): ${admin.token}\nIt is also in ${admin.writtenTo}`);
  else if (config.adminToken) say('Admin token: the value of MERCATO_ADMIN_TOKEN');
  else say(`Admin token: in ${config.dataDir}/admin-token`);
  // The agent calls the server where it listens on this machine, whatever HOST names.
  const local = ['0.0.0.0', '::'].includes(config.host) ? `http://127.0.0.1:${port}` : url;
  const demoAgent = config.seedDemo ? demoAgentOf(config.dataDir, local, DEMO_AGENT_OFFERINGS) : undefined;
  return { app, url, adminToken: admin.token, demoAgent };
}

/** Where the registry is, and which CA a client must trust when the certificate is the local one. */
function httpsLine({ url, caFile }: HttpsAddress): string {
  const registry = `Terraform registry and HTTPS API at ${url}/ (modules: ${url.replace('https://', '')}/<namespace>/<name>/<system>)`;
  return caFile ? `${registry}\nIts certificate is from a local CA: for Terraform, SSL_CERT_FILE=${caFile}` : registry;
}

const DEMO_AGENT_OFFERINGS = DEMO_OFFERINGS.filter((o) => o.type === 'webhook').map((o) => o.slug);

/** Seeds the demo catalog with its site agent's settings, made now and kept in the data directory, and the PostgreSQL server of MERCATO_DEMO_POSTGRES_URL. */
async function seedWithAgent(app: FastifyInstance, adminToken: string, dataDir: string, postgresAdminUrl?: string) {
  const port = await freeLocalPort();
  const signingSecret = newSigningSecret();
  const { agentToken } = await seedDemoCatalog(app, adminToken, {
    agent: { url: demoAgentUrl(port), signingSecret },
    postgresAdminUrl,
  });
  writeDemoAgentSettings(dataDir, { port, signing_secret: signingSecret, token: agentToken! });
}

/**
 * The demo seed goes through the API in-process, dozens of requests: their request logs would
 * bury the lines people need. Only warnings and errors are logged meanwhile; nothing else is
 * served yet (the server is not listening), so no one else's requests go unlogged.
 */
async function withoutRequestLogs(app: FastifyInstance, work: () => Promise<void>): Promise<void> {
  const level = app.log.level;
  app.log.level = 'warn';
  try {
    await work();
  } finally {
    app.log.level = level;
  }
}
