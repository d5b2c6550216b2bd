import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The built command line, as users run it. */
export const BIN = path.resolve(__dirname, '../../bin/mercato.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `mercato <args>` as a child process talking to `endpoint` as the holder of `token`, with
 * `input` on its standard input; nothing else of the test's environment reaches it.
 */
export function runMercato(args: string[], endpoint: string, token: string, input = ''): Promise<Run> {
  const child = startMercato(args, endpoint, token);
  child.stdin!.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A `mercato` child process (for a command that runs until stopped, such as `get --watch`). */
export function startMercato(args: string[], endpoint: string, token: string): ChildProcess {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, MERCATO_ENDPOINT: endpoint, MERCATO_TOKEN: token };
  return spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
}
