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
 * Then `terraform init` of the released provider from Mercato's registry (HTTPS, a server in this
 * process on SQLite, the release published with Mercato's signature) in a fresh configuration and
 * HOME each time, against `terraform init` of the same zip from a local filesystem mirror (no
 * registry, no signature to check) in the same run, turn about: medians and their ratio.
 *
 *   npm run build && npx tsx --conditions=mercato-source bench/provider-sea.ts [--runs 41] [--init-runs 7]
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, bundleAll } from '@mercato/terraform-provider/build';
import { buildRelease, buildSingleExecutable, hostPlatform, type StartUp } from '@mercato/terraform-provider/release';
import { fmt, loadAverage, median, ROOT } from './support/processes';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const RUNS = Math.min(Number(option('runs', '41')), 500);
const INIT_RUNS = Math.min(Number(option('init-runs', '7')), 50);
const TERRAFORM = process.env.TERRAFORM ?? '/usr/local/bin/terraform';
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
    const init = INIT_RUNS > 0 ? await terraformInit(work) : undefined;
    console.log(`\nRESULT ${JSON.stringify({ runs: RUNS, medians_ms: result, init })}`);
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

/**
 * `terraform init` from the registry against the same zip from a filesystem mirror, turn about,
 * INIT_RUNS times each; answers the medians in seconds.
 */
async function terraformInit(work: string) {
  const { startTestServer } = await import('@mercato/test-support/server-harness');
  const { Api } = await import('@mercato/test-support/api-client');
  const release = await buildRelease({ outDir: path.join(work, 'release') });
  const server = await startTestServer('sqlite', { https: true, worker: { enabled: false } });
  try {
    const admin = new Api(server.url, server.adminToken);
    await admin.expect(201, admin.post('/organizations', { name: 'Mercato', slug: 'mercato' }));
    const [zip] = release.platforms;
    const filename = path.basename(zip.zip);
    await admin.expect(
      201,
      admin.post('/terraform-provider-versions', {
        namespace: 'mercato',
        type: 'mercato',
        version: release.version,
        protocols: ['6.0'],
        visibility: 'public',
        archives: [{ filename, content: readFileSync(zip.zip).toString('base64') }],
      }),
    );
    const host = server.registryHost!;
    const mirror = path.join(work, 'mirror');
    mkdirSync(path.join(mirror, host, 'mercato', 'mercato'), { recursive: true });
    copyFileSync(zip.zip, path.join(mirror, host, 'mercato', 'mercato', filename));
    const mainTf = `terraform {\n  required_providers {\n    mercato = { source = "${host}/mercato/mercato" }\n  }\n}\n`;
    let n = 0;
    // Asynchronous: the server answering Terraform runs in this very process.
    const initOnce = async (cliConfig: string) => {
      const dir = path.join(work, `init-${n++}`);
      mkdirSync(path.join(dir, 'home'), { recursive: true });
      writeFileSync(path.join(dir, 'main.tf'), mainTf);
      writeFileSync(path.join(dir, 'cli.tfrc'), cliConfig);
      const env = {
        PATH: process.env.PATH,
        HOME: path.join(dir, 'home'),
        TF_CLI_CONFIG_FILE: path.join(dir, 'cli.tfrc'),
        SSL_CERT_FILE: server.caFile!,
        CHECKPOINT_DISABLE: '1',
        TF_IN_AUTOMATION: '1',
      };
      const start = process.hrtime.bigint();
      const result = await new Promise<{ status: number | null; output: string }>((resolve) => {
        const child = spawn(TERRAFORM, ['init', '-input=false', '-no-color'], { cwd: dir, env });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (status) => resolve({ status, output }));
      });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (result.status !== 0) throw new Error(`terraform init failed:\n${result.output}`);
      rmSync(dir, { recursive: true, force: true });
      return seconds;
    };
    const fromMirror = `provider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n  }\n}\n`;
    const registry: number[] = [];
    const local: number[] = [];
    await initOnce(''); // warm up: the server's first signature, the file cache
    for (let i = 0; i < INIT_RUNS; i++) {
      registry.push(await initOnce(''));
      local.push(await initOnce(fromMirror));
    }
    console.log(
      `\nterraform init of mercato/mercato ${release.version} (${INIT_RUNS} runs each, fresh HOME and configuration)\n`,
    );
    console.log('| Source | Median (s) | Min (s) | Max (s) | Ratio to the filesystem mirror |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, samples] of [
      ["Mercato's registry (HTTPS, signed)", registry],
      ['filesystem mirror of the same zip', local],
    ] as const)
      console.log(
        `| ${name} | ${fmt(median(samples), 2)} | ${fmt(Math.min(...samples), 2)} | ${fmt(Math.max(...samples), 2)} | ${fmt(median(samples) / median(local), 2)} |`,
      );
    return { registry_s: median(registry), mirror_s: median(local), zip_bytes: statSync(zip.zip).size };
  } finally {
    await server.close();
  }
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
