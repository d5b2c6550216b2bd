import type { ChildProcess } from 'node:child_process';
import type { DemoAgent } from '@mercato/server';

/** How long each order takes on the demo agent's simulated backend: long enough to see it Creating. */
const DEMO_DELAY_MS = 1500;

export interface RunningDemoAgent {
  /** SIGTERM, then waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Runs the example site agent (@mercato/example-agent, simulated backends) as a child process
 * for the demo catalog's `webhook` offerings, configured by its environment (its token and
 * signing secret never in argv), with an IPC channel: it stops when this process goes away, even
 * unannounced.
 */
export function startDemoAgent(agent: DemoAgent, say: (line: string) => void): RunningDemoAgent {
  const { spawn }: typeof import('node:child_process') = require('node:child_process');
  const child: ChildProcess = spawn(process.execPath, [require.resolve('@mercato/example-agent/main')], {
    env: {
      PATH: process.env.PATH,
      MERCATO_ENDPOINT: agent.endpoint,
      MERCATO_TOKEN: agent.token,
      MERCATO_AGENT_OFFERINGS: agent.offerings.join(','),
      MERCATO_AGENT_PORT: String(agent.port),
      MERCATO_AGENT_SIGNING_SECRET: agent.signingSecret,
      MERCATO_AGENT_STATE_FILE: agent.stateFile,
      MERCATO_AGENT_DELAY_MS: String(DEMO_DELAY_MS),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (!stopping)
      say(
        `The demo site agent stopped (${signal ?? `exit code ${code}`}): orders of ${agent.offerings.join(' and ')} will not be carried out until the next start.`,
      );
  });
  return {
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
