/**
 * The `mercato` command's start-up cost (issue 9): `mercato get offerings` against a running
 * server with the demo catalog, and `mercato --help`, each against a bare `node -e 0` measured
 * in the same run. Every command is a fresh process, as a person or a script runs it; the runs
 * take turns (one of each per round, the order rotating), so that all see the same load on the
 * machine. Medians; ratios are median / median of the baseline of the same run. The CLI keeps
 * its compiled code between runs; "first run" measures `get offerings` with that cache empty.
 *
 *   npx tsx bench/cli.ts
 *
 * Knobs (environment): BENCH_RUNS (21), BENCH_WARMUP (3 of each, not counted),
 * BENCH_MODULES=1 to print, after the table, what each command loads (slowest requires first,
 * bench/support/module-timing.js), BENCH_COMPARE_CLI=<another checkout>/cli/bin/mercato.js to
 * measure that command line too, in the same rounds.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, loadAverage, median, ROOT, startMercato } from './support/processes';

const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 21), 200);
const WARMUP = Math.min(Number(process.env.BENCH_WARMUP ?? 3), 20);
const COMPARE_CLI = process.env.BENCH_COMPARE_CLI;
const CLI = path.join(ROOT, 'cli/bin/mercato.js');
const MODULE_TIMING = path.join(__dirname, 'support/module-timing.js');

/** What is measured: the baseline first; each command's target is a ratio to it. */
interface Subject {
  label: string;
  args: string[];
  target?: number;
  /** Each run with an empty cache of compiled code (a first run after installing or upgrading). */
  emptyCompileCache?: boolean;
}

function subjects(): Subject[] {
  const commands = (bin: string, label: string): Subject[] => [
    { label: `${label} get offerings`, args: [bin, 'get', 'offerings'], target: 2.5 },
    { label: `${label} --help`, args: [bin, '--help'], target: 2 },
  ];
  const firstRun = {
    label: 'mercato get offerings, first run',
    args: [CLI, 'get', 'offerings'],
    emptyCompileCache: true,
  };
  return [
    { label: 'node -e 0', args: ['-e', '0'] },
    ...commands(CLI, 'mercato'),
    firstRun,
    ...(COMPARE_CLI ? commands(path.resolve(COMPARE_CLI), 'compared') : []),
  ];
}

/** One process from spawn to exit, in milliseconds; its output read and dropped, a failure thrown. */
function time(
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<{ ms: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ ms, stderr });
    });
  });
}

async function main(): Promise<void> {
  const server = await startMercato({ seedDemo: true });
  // The CLI keeps its compiled code between runs (cli/src/compile-cache.ts): in a directory of the
  // benchmark's own, which the warm-up rounds fill, not in the user's ~/.cache.
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-bench-cache-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    XDG_CACHE_HOME: cacheHome,
    MERCATO_ENDPOINT: server.url,
    MERCATO_TOKEN: server.adminToken,
  };
  /** One run of `subject`; with an empty compile cache of its own when it asks for one. */
  const run = async (subject: Subject, nodeArgs: string[] = []) => {
    if (!subject.emptyCompileCache) return time(subject.args, env, nodeArgs);
    const empty = fs.mkdtempSync(path.join(cacheHome, 'empty-'));
    try {
      return await time(subject.args, { ...env, XDG_CACHE_HOME: empty }, nodeArgs);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  };
  try {
    const measured = subjects();
    for (let i = 0; i < WARMUP; i++) for (const subject of measured) await run(subject);
    const samples = measured.map(() => [] as number[]);
    const loadBefore = loadAverage();
    for (let round = 0; round < RUNS; round++) {
      for (let k = 0; k < measured.length; k++) {
        const index = (round + k) % measured.length;
        samples[index].push((await run(measured[index])).ms);
      }
    }
    const loadAfter = loadAverage();
    const baseline = median(samples[0]);
    console.log(
      `\n${RUNS} runs of each, taking turns; node ${process.version}; 1-minute load average ${loadBefore} before, ${loadAfter} after\n`,
    );
    console.log('| Command | Median | Min | Max | Ratio to `node -e 0` | Target |');
    console.log('|---|---:|---:|---:|---:|---|');
    const results = measured.map((subject, i) => {
      const ratio = median(samples[i]) / baseline;
      const verdict =
        subject.target === undefined ? '' : `≤ ${subject.target}x: ${ratio <= subject.target ? 'met' : 'missed'}`;
      console.log(
        `| \`${subject.label}\` | ${fmt(median(samples[i]))} ms | ${fmt(Math.min(...samples[i]))} ms | ${fmt(Math.max(...samples[i]))} ms | ${fmt(ratio, 2)}x | ${verdict} |`,
      );
      return { label: subject.label, medianMs: median(samples[i]), ratio, target: subject.target, samples: samples[i] };
    });
    console.log(`\nRESULT ${JSON.stringify({ runs: RUNS, load: [loadBefore, loadAfter], results })}`);
    if (process.env.BENCH_MODULES === '1') {
      for (const subject of measured.slice(1))
        console.log(`\n${subject.label}:\n${(await run(subject, ['-r', MODULE_TIMING])).stderr}`);
    }
  } finally {
    await server.stop();
    fs.rmSync(cacheHome, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
