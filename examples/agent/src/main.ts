#!/usr/bin/env node
/**
 * The example site agent's command line, configured by its environment (secrets never in argv):
 *
 *   MERCATO_ENDPOINT, MERCATO_TOKEN    the server, and a token of the offerings' provider
 *   MERCATO_AGENT_OFFERINGS            offering slugs, comma-separated
 *   MERCATO_AGENT_PORT                 listen for signed events on this port (with the secret below)
 *   MERCATO_AGENT_SIGNING_SECRET       the offerings' secret_options.signing_secret
 *   MERCATO_AGENT_POLL_INTERVAL_MS     poll for orders instead (or as well), every this many ms
 *   MERCATO_AGENT_HOST                 where to listen (127.0.0.1)
 *   MERCATO_AGENT_STATE_FILE           keep the simulated resources in this JSON file
 *   MERCATO_AGENT_DELAY_MS             how long each simulated order takes (0)
 *
 * It stops on SIGINT or SIGTERM, and when the process that started it with an IPC channel (as
 * `mercato serve` does) goes away.
 */
import { startExampleAgent } from './index';

const env = process.env;

function required(name: string): string {
  const value = env[name]?.trim();
  if (!value) {
    console.error(`mercato example agent: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const number = (name: string) => (env[name]?.trim() ? Number(env[name]) : undefined);

async function main() {
  const offerings = required('MERCATO_AGENT_OFFERINGS')
    .split(',')
    .map((slug) => slug.trim())
    .filter(Boolean);
  const port = number('MERCATO_AGENT_PORT');
  const pollIntervalMs = number('MERCATO_AGENT_POLL_INTERVAL_MS') ?? (port === undefined ? 5000 : undefined);
  const agent = await startExampleAgent({
    endpoint: required('MERCATO_ENDPOINT'),
    token: required('MERCATO_TOKEN'),
    offerings,
    port,
    host: env.MERCATO_AGENT_HOST?.trim() || undefined,
    signingSecret: port === undefined ? undefined : required('MERCATO_AGENT_SIGNING_SECRET'),
    pollIntervalMs,
    stateFile: env.MERCATO_AGENT_STATE_FILE?.trim() || undefined,
    delayMs: number('MERCATO_AGENT_DELAY_MS'),
    log: (level, message, fields) =>
      console.error(
        `[example agent] ${level === 'info' ? '' : `${level}: `}${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`,
      ),
  });
  const how = [
    agent.url && `listening at ${agent.url}`,
    pollIntervalMs !== undefined && `polling every ${pollIntervalMs} ms`,
  ]
    .filter(Boolean)
    .join(' and ');
  console.log(`Example site agent (simulated backend) for ${offerings.join(', ')}: ${how}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void agent.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (process.connected) process.once('disconnect', stop);
}

main().catch((error: unknown) => {
  console.error(`mercato example agent: ${(error as Error).message}`);
  process.exit(1);
});
