import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './postgres';

/** The `mercato` command as installed (the built command line), for tests that run it as users do. */
export const MERCATO_BIN = path.join(path.dirname(require.resolve('@mercato/cli/package.json')), 'bin/mercato.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: the process dies mid-work, as in a crash or a power cut. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `mercato serve` as its own process, as users run it. Resolves once it accepts requests. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MERCATO_BIN, 'serve'], {
    // HTTPS on any free port: tests run side by side, and 8443 may be taken.
    env: { ...process.env, PORT: String(port), MERCATO_HTTPS_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  while (!/Mercato is running/.test(output)) {
    if (child.exitCode !== null) throw new Error(`mercato serve exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`mercato serve did not start in 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, output: () => output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
