import { userPath } from '../../cli/src/working-directory';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL; absent means SQLite in the data directory. */
  databaseUrl?: string;
  adminToken?: string;
  /** Seed the demo catalog when the database is new. */
  seedDemo: boolean;
  logLevel: string;
}

export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    // Relative to where the user ran the command, not to the folder npm runs the script in.
    dataDir: userPath(env.MERCATO_DATA_DIR ?? './.mercato', env),
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.MERCATO_ADMIN_TOKEN || undefined,
    seedDemo: env.MERCATO_SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
