/**
 * The provider at scale (issue 3): N `mercato_resource` of an auto-approved allocation offering
 * against N `terraform_data` with an object `input`, in the same run, through the real Terraform
 * CLI; wall time of `plan` (empty state), `apply -auto-approve`, a no-change `plan` and
 * `destroy -auto-approve`, the median of the runs. The provider is the built bundle, wired with
 * dev_overrides in a temporary CLI config; the server is `mercato serve` as its own process on a
 * fresh SQLite database.
 *
 *   node provider/scripts/build.js && npx tsx bench/provider-scale.ts [--sizes 1,100,1000] [--runs 3]
 *
 * Options: --runs-at-1000 <n> (fewer runs for the largest size when time is short),
 * --timeout <seconds> per Terraform command (600), --readme (write the table into bench/README.md),
 * --cpu-prof <dir> (V8 CPU profile of the server), --keep (leave the work dirs for inspection).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, median, ROOT, startMercato, type MercatoServer } from './support/processes';
import { setUpLicenceCatalog } from './support/licence-catalog';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const flag = (name: string) => argv.includes(`--${name}`);

const SIZES = option('sizes', '1,100,1000').split(',').map(Number);
const RUNS = Math.min(Number(option('runs', '3')), 10);
const RUNS_AT_1000 = Math.min(Number(option('runs-at-1000', String(RUNS))), RUNS);
const COMMAND_TIMEOUT_MS = Math.min(Number(option('timeout', '600')), 1800) * 1000;
const CPU_PROF = option('cpu-prof', '');
const TARGET_RATIO = 1.5;
// BENCH_PROVIDER_BUNDLE: another build of the provider, for an A/B against the current one.
const BUNDLE =
  process.env.BENCH_PROVIDER_BUNDLE ?? path.join(ROOT, 'provider', 'dist', 'terraform-provider-mercato.js');
const TERRAFORM = process.env.TERRAFORM ?? '/usr/local/bin/terraform';
const COMMANDS = ['plan', 'apply', 'plan (no changes)', 'destroy'] as const;
type Command = (typeof COMMANDS)[number];
type Kind = 'mercato' | 'baseline';

const say = (line: string) => console.log(`[provider-scale] ${line}`);

interface Catalog {
  token: string;
  projectId: string;
  offeringId: string;
  planId: string;
}

/** An auto-approved allocation offering with a version and a plan, and a consumer with a project. */
export async function setUpCatalog(server: MercatoServer): Promise<Catalog> {
  const { token, project, offering, plan } = await setUpLicenceCatalog(server, 'scale-consumer');
  return { token, projectId: project.id, offeringId: offering.id, planId: plan.id };
}

export function mercatoConfig(n: number, server: MercatoServer, catalog: Catalog) {
  return `terraform {
  required_providers {
    mercato = { source = "mercato/mercato" }
  }
}

provider "mercato" {
  endpoint = "${server.url}"
  token    = "${catalog.token}"
}

resource "mercato_resource" "r" {
  count       = ${n}
  project_id  = "${catalog.projectId}"
  offering_id = "${catalog.offeringId}"
  plan_id     = "${catalog.planId}"
  name        = "r-\${count.index}"
  attributes  = { edition = "standard" }
  limits      = { seats = 3 }
}
`;
}

function baselineConfig(n: number) {
  return `resource "terraform_data" "r" {
  count = ${n}
  input = { name = "r-\${count.index}", size = 3 }
}
`;
}

/** One Terraform command; resolves with its wall seconds, rejects on failure or after the time limit. */
function terraform(dir: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const started = performance.now();
    const child = spawn(TERRAFORM, args, { cwd: dir, env, stdio: ['ignore', out, out] });
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      fs.closeSync(out);
      if (code === 0) return resolve(seconds);
      const tail = fs.readFileSync(logFile, 'utf8').slice(-3000);
      reject(
        new Error(
          `terraform ${args.join(' ')} in ${dir} ${signal ? `was killed (${signal}, limit ${COMMAND_TIMEOUT_MS / 1000} s)` : `exited ${code}`}:\n${tail}`,
        ),
      );
    });
  });
}

/** Checks Terraform's summary line, so a benchmark never times a command that did less than asked. */
function expectOutput(logFile: string, pattern: RegExp, what: string) {
  const text = fs.readFileSync(logFile, 'utf8');
  if (!pattern.test(text)) throw new Error(`${what}: expected ${pattern} in ${logFile}:\n${text.slice(-2000)}`);
}

/** plan, apply, no-change plan, destroy in `dir`; seconds per command. */
async function cycle(dir: string, n: number, env: NodeJS.ProcessEnv): Promise<Record<Command, number>> {
  const log = (name: string) => path.join(dir, `${name}.log`);
  const common = ['-input=false', '-no-color'];
  const plan = await terraform(dir, ['plan', ...common], env, log('plan'));
  expectOutput(log('plan'), new RegExp(`Plan: ${n} to add, 0 to change, 0 to destroy`), 'plan');
  const apply = await terraform(dir, ['apply', '-auto-approve', ...common], env, log('apply'));
  expectOutput(log('apply'), new RegExp(`Apply complete! Resources: ${n} added`), 'apply');
  const noChanges = await terraform(dir, ['plan', '-detailed-exitcode', ...common], env, log('plan-no-changes'));
  expectOutput(log('plan-no-changes'), /No changes\./, 'no-change plan');
  const destroy = await terraform(dir, ['destroy', '-auto-approve', ...common], env, log('destroy'));
  expectOutput(log('destroy'), new RegExp(`Destroy complete! Resources: ${n} destroyed`), 'destroy');
  return { plan, apply, 'plan (no changes)': noChanges, destroy };
}

interface Row {
  n: number;
  runs: number;
  command: Command;
  mercato: number[];
  baseline: number[];
}

async function main() {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} does not exist: run node provider/scripts/build.js first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-scale-'));
  // dev_overrides: Terraform runs <dir>/terraform-provider-mercato without `terraform init`. A symlink
  // keeps the bundle's own directory for Node's module resolution (dist/node_modules).
  const pluginDir = path.join(work, 'plugins');
  fs.mkdirSync(pluginDir);
  fs.symlinkSync(BUNDLE, path.join(pluginDir, 'terraform-provider-mercato'));
  const cliConfig = path.join(work, 'terraformrc');
  fs.writeFileSync(
    cliConfig,
    `provider_installation {\n  dev_overrides {\n    "mercato/mercato" = "${pluginDir}"\n  }\n  direct {}\n}\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
  };
  delete env.TF_LOG;
  delete env.MERCATO_ENDPOINT;
  delete env.MERCATO_TOKEN;

  const nodeArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
  const server = await startMercato({ nodeArgs });
  say(
    `server ${server.url} (pid ${server.pid}), SQLite in ${server.dataDir}; terraform ${TERRAFORM}; work dir ${work}`,
  );
  const rows: Row[] = [];
  try {
    const catalog = await setUpCatalog(server);
    for (const n of SIZES) {
      const runs = n >= 1000 ? RUNS_AT_1000 : RUNS;
      const dirs: Record<Kind, string> = {
        mercato: path.join(work, `mercato-${n}`),
        baseline: path.join(work, `baseline-${n}`),
      };
      fs.mkdirSync(dirs.mercato);
      fs.mkdirSync(dirs.baseline);
      fs.writeFileSync(path.join(dirs.mercato, 'main.tf'), mercatoConfig(n, server, catalog));
      fs.writeFileSync(path.join(dirs.baseline, 'main.tf'), baselineConfig(n));
      const samples: Record<Kind, Array<Record<Command, number>>> = { mercato: [], baseline: [] };
      for (let run = 1; run <= runs; run++) {
        for (const kind of ['mercato', 'baseline'] as Kind[]) {
          const result = await cycle(dirs[kind], n, env);
          samples[kind].push(result);
          say(`N=${n} run ${run} ${kind.padEnd(8)} ${COMMANDS.map((c) => `${c} ${fmt(result[c], 2)} s`).join(', ')}`);
        }
      }
      for (const command of COMMANDS) {
        rows.push({
          n,
          runs,
          command,
          mercato: samples.mercato.map((s) => s[command]),
          baseline: samples.baseline.map((s) => s[command]),
        });
      }
    }
  } finally {
    await server.stop();
    if (!flag('keep')) fs.rmSync(work, { recursive: true, force: true });
  }

  const table = [
    `| N | command | mercato_resource (s) | terraform_data (s) | ratio | runs | target (<= ${TARGET_RATIO}x at 1,000) |`,
    '|---:|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const m = median(r.mercato);
      const b = median(r.baseline);
      const ratio = m / b;
      const verdict = r.n >= 1000 ? (ratio <= TARGET_RATIO ? 'met' : 'MISSED') : '';
      return `| ${r.n} | ${r.command} | ${fmt(m, 2)} | ${fmt(b, 2)} | ${fmt(ratio, 2)}x | ${r.runs} | ${verdict} |`;
    }),
  ].join('\n');
  console.log('');
  console.log(table);
  console.log(`RESULT ${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows })}`);
  if (flag('readme')) writeReadme(table);
}

/** Replaces (or appends) the "Provider at scale" section of bench/README.md, leaving the others alone. */
function writeReadme(table: string) {
  const file = path.join(__dirname, 'README.md');
  const heading = '## Provider at scale';
  const section = `${heading}

\`npx tsx bench/provider-scale.ts --sizes ${SIZES.join(',')} --runs ${RUNS}\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}, Terraform at ${TERRAFORM}).
Baseline: \`terraform_data\` with \`input = { name = "r-\${count.index}", size = 3 }\`; Mercato: \`mercato_resource\` of an
auto-approved allocation offering, server on SQLite in its own process. Wall seconds, median of the runs.

${table}
`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(heading);
  let next = start >= 0 ? text.indexOf('\n## ', start + heading.length) : -1;
  if (next >= 0) next += 1;
  const updated =
    start < 0
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, start)}${section}${next >= 0 ? `\n${text.slice(next)}` : ''}`;
  fs.writeFileSync(file, updated);
  say(`wrote the "Provider at scale" section of ${path.relative(ROOT, file)}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
