import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The demo's site agent (examples/agent, simulated backends) that `mercato serve` runs beside the
 * server for the demo catalog's `webhook` offerings. Its settings are made on the first start,
 * when the catalog is seeded: a free port on 127.0.0.1 (the offerings' `url`), a signing secret
 * (their `signing_secret`) and a token of a service manager of the demo organization. They are
 * kept in `<data dir>/demo-agent.json`, readable by its user only, so later starts run the same
 * agent with no setup.
 */

export interface DemoAgentSettings {
  port: number;
  signing_secret: string;
  token: string;
}

/** What `mercato serve` needs to run the demo agent. */
export interface DemoAgent {
  /** The server's URL as the agent calls it. */
  endpoint: string;
  /** Where the agent listens: the offerings' `plugin_options.url`. */
  url: string;
  port: number;
  signingSecret: string;
  token: string;
  /** Slugs of the offerings it serves. */
  offerings: string[];
  /** Where it keeps its simulated resources. */
  stateFile: string;
}

const FILE = 'demo-agent.json';

export const demoAgentUrl = (port: number) => `http://127.0.0.1:${port}/`;

/** A port nothing listens on now, on 127.0.0.1. */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A signing secret as the Standard Webhooks spec writes one: `whsec_` and 32 random bytes in base64. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export function writeDemoAgentSettings(dataDir: string, settings: DemoAgentSettings): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, FILE), `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
}

/** The demo agent to run, when this data directory has its settings. */
export function demoAgentOf(dataDir: string, endpoint: string, offerings: string[]): DemoAgent | undefined {
  const file = path.join(dataDir, FILE);
  if (!fs.existsSync(file)) return undefined;
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoAgentSettings;
  return {
    endpoint,
    url: demoAgentUrl(settings.port),
    port: settings.port,
    signingSecret: settings.signing_secret,
    token: settings.token,
    offerings,
    stateFile: path.join(dataDir, 'demo-agent-backend.json'),
  };
}
