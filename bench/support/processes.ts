import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Helpers shared by the benchmarks: servers as child processes, autocannon, a bounded pool, medians. */

export const ROOT = path.resolve(__dirname, '..', '..');
/** BENCH_MERCATO_BIN runs another checkout of the server, to compare a change against this one. */
const MERCATO_BIN = process.env.BENCH_MERCATO_BIN ?? path.join(ROOT, 'cli', 'bin', 'mercato.js');

/**
 * BENCH_COMPARE_BIN: another checkout's `cli/bin/mercato.js` (e.g. main's; `server/bin/mercato.js` in older ones), measured in the
 * same run as this one, turn about, so that both see the same load on the machine.
 */
export const COMPARE_BIN = process.env.BENCH_COMPARE_BIN;
const HELLO_WORLD = path.join(__dirname, 'hello-world.ts');

export interface ChildServer {
  url: string;
  pid: number;
  /** SIGTERM, then wait for the exit (a --cpu-prof profile is written on exit). */
  stop(): Promise<void>;
}

export interface MercatoServer extends ChildServer {
  adminToken: string;
  dataDir: string;
}

export interface MercatoOptions {
  databaseUrl?: string;
  /** Extra node flags for the server, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeArgs?: string[];
  logLevel?: string;
  /** The server's `bin/mercato.js`; default this checkout's (or BENCH_MERCATO_BIN). */
  bin?: string;
  /** Seed the demo catalog on start, as `npm start` does; default an empty catalog. */
  seedDemo?: boolean;
}

/** Waits for a line on the child's stdout that matches, or fails when it exits or the time is up. */
function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
  stderr: () => string,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => done(new Error(`no line matching ${pattern} within ${timeoutMs} ms; stdout: ${seen} stderr: ${stderr()}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) done(undefined, match);
    };
    const onExit = (code: number | null) =>
      done(new Error(`server exited with ${code} before it was ready; stdout: ${seen} stderr: ${stderr()}`));
    function done(error?: Error, match?: RegExpMatchArray) {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match!);
    }
    child.stdout!.on('data', onData);
    child.on('exit', onExit);
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // Keep reading stdout so the child never blocks on a full pipe.
  child.stdout!.resume();
  return { child, stderr: () => stderr };
}

/**
 * The real Mercato server (`mercato serve`) in its own process on a free port, with an empty
 * database: SQLite in a fresh temp dir, or the PostgreSQL database at `databaseUrl`.
 */
export async function startMercato(options: MercatoOptions = {}): Promise<MercatoServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-bench-'));
  const adminToken = `mct_bench_${randomBytes(12).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    MERCATO_HTTPS_PORT: '0',
    HOST: '127.0.0.1',
    MERCATO_DATA_DIR: dataDir,
    MERCATO_ADMIN_TOKEN: adminToken,
    MERCATO_SEED_DEMO: options.seedDemo ? 'true' : 'false',
    LOG_LEVEL: options.logLevel ?? 'warn',
    NODE_ENV: 'production',
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const { child, stderr } = spawnNode([...(options.nodeArgs ?? []), options.bin ?? MERCATO_BIN, 'serve'], env);
  const match = await waitForLine(child, /API at (http:\/\/127\.0\.0\.1:\d+)\//, 60000, stderr);
  const stop = stopper(child);
  return {
    url: match[1],
    pid: child.pid!,
    adminToken,
    dataDir,
    stop: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Fastify hello world (`{hello: 'world'}`) in its own process: the baseline. */
export async function startHelloWorld(): Promise<ChildServer> {
  const { child, stderr } = spawnNode(['-r', 'tsx/cjs', HELLO_WORLD], {
    ...process.env,
    PORT: '0',
    NODE_ENV: 'production',
  });
  const match = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 30000, stderr);
  return { url: match[1], pid: child.pid!, stop: stopper(child) };
}

/** Runs `work` over `items` with at most `concurrency` in flight; rejects on the first failure. */
export async function pool<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A small seeded PRNG (mulberry32), so every run seeds the same catalog and asks the same queries. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const copy = [...list];
    const count = int(min, Math.min(max, copy.length));
    const out: T[] = [];
    for (let i = 0; i < count; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  const weighted = <T>(choices: Array<[T, number]>): T => {
    let r = next() * choices.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of choices) if ((r -= w) < 0) return value;
    return choices[choices.length - 1][0];
  };
  return { next, int, pick, some, weighted };
}

/** A minimal JSON client over fetch with a bearer token; throws on an unexpected status. */
export class Client {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  as(token: string) {
    return new Client(this.url, token);
  }

  async call<T = any>(
    method: string,
    apiPath: string,
    body?: unknown,
    expect = [200, 201],
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${this.url}/api/v1${apiPath}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expect.includes(response.status))
      throw new Error(`${method} ${apiPath}: HTTP ${response.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  get = <T = any>(apiPath: string) => this.call<T>('GET', apiPath);
  post = <T = any>(apiPath: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.call<T>('POST', apiPath, body, [200, 201], headers);
}

// autocannon ships no types; this is the part of its programmatic API the benchmarks use.
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  setupRequest?: (request: AutocannonRequest, context: object) => AutocannonRequest;
}
export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
  timeout?: number;
}
interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
}
export interface AutocannonResult {
  latency: Histogram;
  requests: Histogram;
  throughput: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
const autocannonModule: (options: AutocannonOptions) => Promise<AutocannonResult> = require('autocannon');

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function load(options: AutocannonOptions): Promise<LoadResult> {
  const result = await autocannonModule(options);
  const total = result.requests.total;
  return {
    requestsPerSecond: total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export const fmt = (value: number, digits = 1) => value.toFixed(digits);

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (Linux, 100 ticks
 * a second): what a request costs the server, which other load on a shared machine inflates far
 * less than it inflates wall time.
 */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The 1-minute load average: other work on the machine skews every number here. */
export const loadAverage = () => Number(os.loadavg()[0].toFixed(2));
