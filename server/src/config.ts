import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL; absent means SQLite in the data directory. */
  databaseUrl?: string;
  adminToken?: string;
  /** Seed the demo catalog when the database is new. */
  seedDemo: boolean;
  /** Admin URL of the PostgreSQL server the demo PostgreSQL offering provisions on; without it that offering is seeded paused. */
  demoPostgresUrl?: string;
  logLevel: string;
  /** How long a resource goes between two pulls from its backend, in seconds. */
  pullIntervalSeconds: number;
  /** The HTTPS listener's port (the registry protocols need HTTPS); undefined: no HTTPS listener. */
  httpsPort?: number;
  /** PEM files of the operator's certificate and key; without them a local CA makes one. */
  tlsCertFile?: string;
  tlsKeyFile?: string;
  /** The operator's OpenPGP key for signing published providers (MERCATO_PROVIDER_SIGNING_KEY, a file). */
  providerSigningKey?: { armoredPrivateKey: string; passphrase?: string };
  /** The `terraform` plugin's Terraform CLI (MERCATO_TERRAFORM_BIN; default `terraform` on PATH) and the operator's CLI configuration (MERCATO_TERRAFORM_CLI_CONFIG). */
  terraform: { bin?: string; cliConfigFile?: string };
}

/**
 * The server's settings from its environment (README, Configuration). A relative
 * `MERCATO_DATA_DIR` is taken from `baseDirectory`: the command line passes where the user ran the
 * command, which under `npm start` is not the process's own directory.
 */
export function configFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  baseDirectory: string = process.cwd(),
): ServerConfig {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(baseDirectory, env.MERCATO_DATA_DIR ?? './.mercato'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.MERCATO_ADMIN_TOKEN || undefined,
    seedDemo: env.MERCATO_SEED_DEMO !== 'false',
    demoPostgresUrl: env.MERCATO_DEMO_POSTGRES_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    pullIntervalSeconds: positiveSeconds(env, 'MERCATO_PULL_INTERVAL_SECONDS', 60),
    httpsPort: httpsPort(env.MERCATO_HTTPS_PORT),
    tlsCertFile: env.MERCATO_TLS_CERT ? path.resolve(baseDirectory, env.MERCATO_TLS_CERT) : undefined,
    tlsKeyFile: env.MERCATO_TLS_KEY ? path.resolve(baseDirectory, env.MERCATO_TLS_KEY) : undefined,
    providerSigningKey: providerSigningKey(env, baseDirectory),
    terraform: {
      bin: env.MERCATO_TERRAFORM_BIN || undefined,
      cliConfigFile: env.MERCATO_TERRAFORM_CLI_CONFIG
        ? path.resolve(baseDirectory, env.MERCATO_TERRAFORM_CLI_CONFIG)
        : undefined,
    },
  };
}

/** MERCATO_HTTPS_PORT: 8443 when unset, `off` for no HTTPS listener, else a port number (0: any free one). */
function httpsPort(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return 8443;
  if (text === 'off') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`MERCATO_HTTPS_PORT must be a port number (0-65535) or "off", not "${text}"`);
  return port;
}

/** MERCATO_PROVIDER_SIGNING_KEY: the file of an armored private key; its passphrase in MERCATO_PROVIDER_SIGNING_KEY_PASSPHRASE. */
function providerSigningKey(env: NodeJS.ProcessEnv, baseDirectory: string): ServerConfig['providerSigningKey'] {
  const file = env.MERCATO_PROVIDER_SIGNING_KEY;
  if (!file) return undefined;
  try {
    return {
      armoredPrivateKey: readFileSync(path.resolve(baseDirectory, file), 'utf8'),
      passphrase: env.MERCATO_PROVIDER_SIGNING_KEY_PASSPHRASE || undefined,
    };
  } catch (error) {
    throw new Error(`MERCATO_PROVIDER_SIGNING_KEY: cannot read ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** A number of seconds greater than 0 from the environment; throws naming the variable otherwise. */
function positiveSeconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a number of seconds greater than 0, not "${text}"`);
  return value;
}
