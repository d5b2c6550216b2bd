/**
 * The provider as a Node single executable (issue 11): time from spawn to the go-plugin handshake
 * line on stdout, with the environment Terraform sets, of
 *   - the plain bundle as `mercato provider install` ships it (`node terraform-provider-mercato.js`), the baseline;
 *   - the single executable with a start-up snapshot (what `mercato provider release` builds);
 *   - the single executable with V8's code cache instead;
 *   - the single executable with neither;
 * each launched in turn within every round, in the same run; medians of the rounds and each
 * one's ratio to the baseline (target: the release's executable faster, ratio < 1).
 *
 *   npm run build && npx tsx bench/provider-sea.ts [--runs 41]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, bundleAll } from '@mercato/terraform-provider/build';
import { buildSingleExecutable, hostPlatform, type StartUp } from '@mercato/terraform-provider/release';
import { fmt, loadAverage, median, ROOT } from './support/processes';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const RUNS = Math.min(Number(option('runs', '41')), 500);
const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

interface Variant {
  name: string;
  command: string[];
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-sea-'));
  try {
    const variants = await buildVariants(work);
    const env = {
      ...process.env,
      TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE,
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
      PLUGIN_MIN_PORT: '10000',
      PLUGIN_MAX_PORT: '25000',
      PLUGIN_CLIENT_CERT: clientCertificatePem(work),
    };
    for (const variant of variants) await timeToHandshake(variant, env); // warm the file cache
    const samples = new Map(variants.map((v) => [v.name, [] as number[]]));
    const loadBefore = loadAverage();
    for (let round = 0; round < RUNS; round++)
      for (const variant of variants) samples.get(variant.name)!.push(await timeToHandshake(variant, env));
    const baseline = median(samples.get(variants[0].name)!);
    console.log(`${RUNS} rounds, node ${process.version}, load average ${loadBefore} -> ${loadAverage()}\n`);
    console.log('| Variant | Median launch -> handshake (ms) | p10 | p90 | Ratio to the plain bundle |');
    console.log('|---|---:|---:|---:|---:|');
    const result: Record<string, number> = {};
    for (const variant of variants) {
      const s = samples.get(variant.name)!;
      result[variant.name] = median(s);
      console.log(
        `| ${variant.name} | ${fmt(median(s))} | ${fmt(percentile(s, 0.1))} | ${fmt(percentile(s, 0.9))} | ${fmt(median(s) / baseline, 2)} |`,
      );
    }
    console.log(`\nRESULT ${JSON.stringify({ runs: RUNS, medians_ms: result })}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function buildVariants(work: string): Promise<Variant[]> {
  const bundle = await build(undefined, path.join(work, 'plain', 'terraform-provider-mercato.js'));
  const seaBundle = await bundleAll(path.join(ROOT, 'provider/src/release/sea-entry.ts'), path.join(work, 'sea.js'));
  const variants: Variant[] = [{ name: 'plain bundle (node script.js)', command: [process.execPath, bundle] }];
  const kinds: [StartUp, string][] = [
    ['snapshot', 'single executable, start-up snapshot (released)'],
    ['code-cache', 'single executable, code cache'],
    ['none', 'single executable, neither'],
  ];
  for (const [startUp, name] of kinds) {
    const output = path.join(work, `sea-${startUp}`);
    await buildSingleExecutable({
      bundle: seaBundle,
      nodeBinary: process.execPath,
      platform: hostPlatform(),
      output,
      startUp,
    });
    variants.push({ name, command: [output] });
  }
  return variants;
}

/** Terraform sends a fresh PEM certificate each launch; a real one from openssl keeps this honest. */
function clientCertificatePem(dir: string): string {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp521r1', '-keyout', key];
  execFileSync('openssl', [...args, '-out', cert, '-days', '1', '-nodes', '-subj', '/CN=localhost'], {
    stdio: 'ignore',
  });
  return readFileSync(cert, 'utf8');
}

function timeToHandshake(variant: Variant, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const [command, ...args] = variant.command;
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!out.includes('\n')) return;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (!out.startsWith('1|6|')) reject(new Error(`${variant.name}: unexpected output: ${out}`));
      child.kill('SIGKILL');
      child.on('exit', () => resolve(ms));
    });
    child.on('error', reject);
  });
}

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
