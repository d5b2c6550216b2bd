import { createAgent, type AgentLog } from '@mercato/agent-sdk';
import { simulatedHandlers } from './handlers';
import { SimulatedBackend } from './simulated-backend';

/**
 * The example site agent of Mercato's `webhook` plugin: Virtual Machines and OpenShift Hosted
 * Clusters on a simulated backend (it says so in every resource's outputs). `npm start` runs it
 * beside the server for the demo catalog; `src/main.ts` is its command line.
 */

export interface ExampleAgentOptions {
  /** The Mercato server's base URL. */
  endpoint: string;
  /** A token of an owner or service manager of the offerings' organization. */
  token: string;
  /** Slugs (or ids) of the offerings served; an offering whose slug names OpenShift is served as clusters, any other as virtual machines. */
  offerings: string[];
  /** Listen for signed events on this port (0: any free one); with `signingSecret`. */
  port?: number;
  host?: string;
  signingSecret?: string;
  /** Poll for orders every this many ms (for offerings with no `url`). */
  pollIntervalMs?: number;
  /** Keep the simulated resources in this JSON file; in memory only without it. */
  stateFile?: string;
  /** How long each order takes on the simulated backend, in ms; default 0. */
  delayMs?: number;
  log?: AgentLog;
}

export interface RunningExampleAgent {
  /** Where it listens (the offerings' `plugin_options.url`), when it listens. */
  url?: string;
  close(): Promise<void>;
}

export async function startExampleAgent(options: ExampleAgentOptions): Promise<RunningExampleAgent> {
  const backend = new SimulatedBackend(options.stateFile);
  const agent = createAgent({
    endpoint: options.endpoint,
    token: options.token,
    signingSecret: options.signingSecret,
    offering: options.offerings,
    handlers: simulatedHandlers(backend, options.delayMs),
    log: options.log,
  });
  const url = options.port === undefined ? undefined : await agent.listen(options.port, options.host);
  if (options.pollIntervalMs !== undefined) agent.poll({ intervalMs: options.pollIntervalMs });
  return {
    url,
    async close() {
      await agent.close();
      backend.flush();
    },
  };
}
