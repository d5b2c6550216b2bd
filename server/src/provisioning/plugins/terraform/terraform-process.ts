import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * The Terraform CLI as the plugin runs it: one process per command, in the run's working
 * directory with the run's environment, its output read whole, and its machine-readable UI
 * (`-json`: one JSON object a line, Terraform's "Machine-Readable UI" page) taken apart into
 * messages and diagnostics.
 */

/** One line of Terraform's machine-readable UI. */
export interface UiMessage {
  type: string;
  '@level'?: string;
  '@message'?: string;
  diagnostic?: Diagnostic;
  /** `planned_change`: the resource instance and what the plan does to it. */
  change?: { resource: { addr: string }; action: string };
  /** `change_summary`: the counts of a plan or an apply. */
  changes?: { add: number; change: number; remove: number; operation: string };
  /** `outputs`: each root output, with `action` in a plan's and `value` (not for sensitive ones) after an apply. */
  outputs?: Record<string, { sensitive?: boolean; action?: string; value?: unknown }>;
}

/** A diagnostic as `-json` prints it: `summary` is the headline ("Invalid value for variable"), `detail` the explanation. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  address?: string;
}

/** How a command ended. */
export interface TerraformResult {
  /** The exit code; 1 when a signal ended it. */
  code: number;
  stdout: string;
  stderr: string;
  /** The `-json` messages of stdout (empty for a command without `-json`). */
  messages: UiMessage[];
  /** Set when we stopped it (the run was aborted). */
  stopped?: boolean;
}

/** What a command runs with. */
export interface TerraformCall {
  bin: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** From SIGINT (Terraform stops cleanly, releasing the state lock) to SIGKILL, in ms. */
  killGraceMs?: number;
}

/** Where stdout is read up to; a plan of thousands of resources prints megabytes. */
const MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * The executable `bin` names: a path (absolute, or relative to the server's directory) that
 * exists and may be run, or a name found on `searchPath`; undefined when there is none.
 */
export function findExecutable(bin: string, searchPath = process.env.PATH ?? ''): string | undefined {
  const runnable = (file: string) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (bin.includes('/')) return runnable(path.resolve(bin)) ? path.resolve(bin) : undefined;
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, bin);
    if (runnable(file)) return file;
  }
  return undefined;
}

/** Runs `terraform <args>` to its end. Never rejects: a failure to start is exit code 127 with the reason in stderr. */
export function runTerraform(args: string[], call: TerraformCall): Promise<TerraformResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let stopped = false;
    const child = spawn(call.bin, args, { cwd: call.cwd, env: call.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let killer: NodeJS.Timeout | undefined;
    const stop = () => {
      stopped = true;
      child.kill('SIGINT');
      killer = setTimeout(() => child.kill('SIGKILL'), call.killGraceMs ?? 20000);
    };
    if (call.signal.aborted) stop();
    else call.signal.addEventListener('abort', stop, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes <= MAX_OUTPUT) out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let started = true;
    child.on('error', (error) => {
      started = false;
      err.push(Buffer.from(`could not run ${call.bin}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(killer);
      call.signal.removeEventListener('abort', stop);
      const stdout = Buffer.concat(out).toString('utf8');
      resolve({
        code: started ? (code ?? 1) : 127,
        stdout,
        stderr: Buffer.concat(err).toString('utf8'),
        messages: uiMessages(stdout),
        ...(stopped && { stopped }),
      });
    });
  });
}

/** The `-json` messages of a command's stdout; lines that are not JSON objects are left out. */
function uiMessages(stdout: string): UiMessage[] {
  const messages: UiMessage[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      messages.push(JSON.parse(line) as UiMessage);
    } catch {
      // Not a message (a provider's own output); the log keeps the text as it is.
    }
  }
  return messages;
}

/** The error diagnostics of a run. */
const errorsOf = (result: TerraformResult): Diagnostic[] =>
  result.messages.flatMap((m) => (m.type === 'diagnostic' && m.diagnostic?.severity === 'error' ? [m.diagnostic] : []));

/**
 * Terraform's own account of why a command failed: each error diagnostic as `summary: detail`
 * (with the resource address when it names one), else the end of stderr, else the exit code.
 */
export function failureText(result: TerraformResult): string {
  const errors = errorsOf(result);
  if (errors.length)
    return errors
      .map(
        (d) => [d.summary, d.address && `(${d.address})`].filter(Boolean).join(' ') + (d.detail ? `: ${d.detail}` : ''),
      )
      .join('\n');
  const stderr = result.stderr.trim();
  if (stderr) return stderr.length > 4000 ? `...${stderr.slice(-4000)}` : stderr;
  return `exit code ${result.code}`;
}

/**
 * A command's output as a person reads it: a `-json` run's messages rendered as lines (a
 * diagnostic as its severity, summary and detail), anything else as printed; stderr after.
 */
export function renderOutput(result: TerraformResult): string {
  const lines = result.messages.length
    ? result.messages.map((m) =>
        m.type === 'diagnostic' && m.diagnostic
          ? `${m.diagnostic.severity === 'error' ? 'Error' : 'Warning'}: ${m.diagnostic.summary}${m.diagnostic.address ? ` (${m.diagnostic.address})` : ''}${m.diagnostic.detail ? `\n  ${m.diagnostic.detail.replace(/\n/g, '\n  ')}` : ''}`
          : (m['@message'] ?? ''),
      )
    : [result.stdout.trimEnd()];
  const stderr = result.stderr.trimEnd();
  return [...lines, ...(stderr ? [stderr] : [])].join('\n') + '\n';
}
