import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** How one command of a `script` offering is run. */
export interface CommandRun {
  /** argv[0] is an absolute path or a name looked up on `searchPath`; run without a shell. */
  argv: string[];
  /** Written to the command's stdin, then stdin is closed. */
  stdin: string;
  timeoutMs: number;
  /** From SIGTERM to SIGKILL when the command is stopped (timeout, abort). */
  killGraceMs: number;
  /** The command's PATH. */
  searchPath: string;
  /** Bytes of stdout read at most; a command writing more is stopped. */
  maxStdoutBytes: number;
  /** Bytes kept of the end of stderr. */
  stderrTailBytes: number;
  signal: AbortSignal;
}

/** How a command ended. `stopped` says why we stopped it, if we did. */
export interface CommandResult {
  /** The exit code, or null when a signal ended it. */
  exitCode: number | null;
  /** The signal that ended it (ours or another's), or null. */
  exitSignal: NodeJS.Signals | null;
  stopped?: 'timeout' | 'abort' | 'stdout-limit';
  /** Why it could not start (ENOENT, EACCES...), when it did not. */
  startError?: Error;
  stdout: Buffer;
  /** The last `stderrTailBytes` of stderr. */
  stderrTail: Buffer;
  /** Whether stderr was longer than its tail. */
  stderrCut: boolean;
}

/**
 * Runs a command in a process group of its own, with a clean environment (PATH, LANG=C.UTF-8 and
 * HOME only) in a fresh temporary directory that is its HOME and working directory and is removed
 * afterwards. Nothing of the server's environment (database URL, admin token) reaches it. When it
 * exits, what it left running in its group is killed: the command is the whole of the work. Never
 * rejects.
 */
export async function runCommand(run: CommandRun): Promise<CommandResult> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'mercato-script-'));
  try {
    return await runIn(home, run);
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
}

function runIn(home: string, run: CommandRun): Promise<CommandResult> {
  return new Promise((resolve) => {
    const stdout = new Capped(run.maxStdoutBytes, 'head');
    const stderr = new Capped(run.stderrTailBytes, 'tail');
    let stopped: CommandResult['stopped'];
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const timers: NodeJS.Timeout[] = [];
    let finished = false;

    const child = spawn(run.argv[0], run.argv.slice(1), {
      cwd: home,
      env: { PATH: run.searchPath, LANG: 'C.UTF-8', HOME: home },
      // A group of its own, so that a stop reaches its children too (`kill -TERM -pid`).
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });

    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // ESRCH: the group is gone already.
      }
    };
    const finish = (startError?: Error) => {
      if (finished) return;
      finished = true;
      timers.forEach(clearTimeout);
      run.signal.removeEventListener('abort', onAbort);
      resolve({
        exitCode: exit?.code ?? null,
        exitSignal: exit?.signal ?? null,
        stopped,
        startError,
        stdout: stdout.bytes(),
        stderrTail: stderr.bytes(),
        stderrCut: stderr.cut,
      });
    };
    const stop = (why: NonNullable<CommandResult['stopped']>) => {
      if (stopped || exit) return;
      stopped = why;
      if (why === 'stdout-limit') return killGroup('SIGKILL');
      killGroup('SIGTERM');
      timers.push(setTimeout(() => killGroup('SIGKILL'), run.killGraceMs));
    };
    const onAbort = () => stop('abort');

    child.once('error', (error) => {
      // Only a failed start comes without a pid; a failed kill is handled in killGroup.
      if (child.pid === undefined) finish(error);
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      killGroup('SIGKILL');
      // A process that left the group can hold the pipes open: give up on them after the grace.
      timers.push(
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish();
        }, run.killGraceMs),
      );
    });
    child.once('close', () => finish());
    child.stdout.on('data', (chunk: Buffer) => {
      if (!stdout.add(chunk)) stop('stdout-limit');
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
    // A command that does not read its stdin closes it early: EPIPE is no failure of ours.
    child.stdin.on('error', () => undefined);
    child.stdin.end(run.stdin);

    timers.push(setTimeout(() => stop('timeout'), run.timeoutMs));
    if (run.signal.aborted) stop('abort');
    else run.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Bytes of a stream up to a cap: the first ones (`head`) or the last ones (`tail`). */
class Capped {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Whether the stream went past the cap. */
  cut = false;

  constructor(
    private readonly cap: number,
    private readonly keep: 'head' | 'tail',
  ) {}

  /** False when the stream went past the cap (the part kept is still there). */
  add(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size <= this.cap) return true;
    this.cut = true;
    const all = Buffer.concat(this.chunks);
    this.chunks = [this.keep === 'head' ? all.subarray(0, this.cap) : all.subarray(all.length - this.cap)];
    this.size = this.cap;
    return false;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
