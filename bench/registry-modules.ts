/**
 * `terraform init` of a module from Mercato's module registry against the same module from a
 * local path, in the same run (issue 11): the real server (`mercato serve`, its HTTPS listener
 * on a free port, the certificate from the CA it makes) with one published module; each sample a
 * fresh configuration folder and a fresh `terraform init`, the kinds turn about so the machine's
 * load hits all alike; the median of each kind and its ratio to the local path's median.
 * Target: at most 1.5x the local path.
 *
 * The registry is measured twice: with a trust store of Mercato's CA only, and with the machine's
 * trust store too. Terraform's TLS client (Go) parses every CA file of /etc/ssl/certs in each
 * process that opens an HTTPS connection, whatever the registry; on Debian that is ~290 files and
 * costs about as much as Mercato's whole part, so the two are reported apart.
 *
 * What the registry's init does beyond the local one: service discovery, the versions list, the
 * download endpoint, the signed archive (HTTPS each), and unpacking it; the local path's init only
 * records where the module is. Both run with an empty CLI configuration, no provider to install
 * (the module uses terraform_data, built into Terraform) and no network but 127.0.0.1.
 *
 *   npm run build && npx tsx bench/registry-modules.ts
 *
 * Knobs (environment): BENCH_RUNS (15, at most 40).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fmt, loadAverage, median, ROOT, startMercato } from './support/processes';

const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 15), 40);
const TARGET_RATIO = 1.5;
const TERRAFORM = '/usr/local/bin/terraform';
const MERCATO = path.join(ROOT, 'cli', 'bin', 'mercato.js');
const say = (line: string) => console.log(`[registry-modules] ${line}`);

const KINDS = ['local', 'registry', 'registrySystemTrust'] as const;
type Kind = (typeof KINDS)[number];
const LABELS: Record<Kind, string> = {
  local: 'module from a local path',
  registry: "module from Mercato, Mercato's CA trusted",
  registrySystemTrust: "module from Mercato, Mercato's CA and the system's trust store",
};

/** A module of a realistic size: variables with validations, a resource, outputs, a README and an example. */
const MODULE_FILES: Record<string, string> = {
  'main.tf': `resource "terraform_data" "network" {
  input = { name = var.name, cidr = var.cidr, subnets = var.subnets }
}
`,
  'variables.tf': `variable "name" {
  type        = string
  description = "Name of the network"
  validation {
    condition     = length(var.name) > 2
    error_message = "At least 3 characters."
  }
}

variable "cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "subnets" {
  type    = map(object({ cidr = string, public = optional(bool, false) }))
  default = {}
}
`,
  'outputs.tf': `output "network" {
  value       = terraform_data.network.output
  description = "The network"
}
`,
  'versions.tf': 'terraform {\n  required_version = ">= 1.5"\n}\n',
  'README.md': `# Network\n\n${'A network module for the benchmark. '.repeat(40)}\n`,
  'examples/basic/main.tf': 'module "network" {\n  source = "../.."\n  name   = "bench"\n}\n',
};

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

const consumer = (source: string, version?: string) => `module "network" {
  source = "${source}"${version ? `\n  version = "${version}"` : ''}
  name   = "bench"
}
`;

async function timeInit(dir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const started = process.hrtime.bigint();
  await promisify(execFile)(TERRAFORM, ['init', '-input=false', '-no-color'], { cwd: dir, env });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-bench-modules-'));
  // Its HTTPS listener on a free port (MERCATO_HTTPS_PORT=0), the certificate from the CA it makes.
  const server = await startMercato();
  try {
    const moduleDir = path.join(root, 'module');
    writeFiles(moduleDir, MODULE_FILES);
    const organization = (await (
      await fetch(`${server.url}/api/v1/organizations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Bench Modules', slug: 'bench' }),
      })
    ).json()) as { slug: string };
    // Published as a user does, with the CLI (which packs the folder).
    const published = await promisify(execFile)(
      process.execPath,
      [
        MERCATO,
        'module',
        'publish',
        moduleDir,
        '--namespace',
        organization.slug,
        '--name',
        'network',
        '--system',
        'bench',
        '--version',
        '1.0.0',
      ],
      { env: { PATH: process.env.PATH, MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken } },
    );
    say(published.stdout.trim());
    // The source to write, as the CLI prints it: the registry's host and port, then the module's path.
    const source = /source = "([^"]+)"/.exec(published.stdout)?.[1];
    if (!source?.startsWith('127.0.0.1:')) throw new Error(`no registry source in: ${published.stdout}`);

    const home = path.join(root, 'home');
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(root, 'empty.tfrc'), '');
    // A trust store holding only Mercato's CA, for the runs that leave out the machine's store.
    const mercatoTrust = path.join(root, 'trust');
    fs.mkdirSync(mercatoTrust);
    fs.copyFileSync(path.join(server.dataDir, 'tls', 'ca.pem'), path.join(mercatoTrust, 'ca.pem'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      TF_CLI_CONFIG_FILE: path.join(root, 'empty.tfrc'),
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '127.0.0.1,localhost',
    };
    const registryConfig = (dir: string) => fs.writeFileSync(path.join(dir, 'main.tf'), consumer(source, '~> 1.0'));
    const kinds: Record<Kind, { setUp: (dir: string) => void; env: NodeJS.ProcessEnv }> = {
      local: {
        setUp: (dir) => {
          writeFiles(path.join(dir, 'modules', 'network'), MODULE_FILES);
          fs.writeFileSync(path.join(dir, 'main.tf'), consumer('./modules/network'));
        },
        env,
      },
      // Go reads SSL_CERT_DIR's files beside SSL_CERT_FILE: pointing both at Mercato's CA is a
      // trust store of one certificate.
      registry: {
        setUp: registryConfig,
        env: { ...env, SSL_CERT_FILE: path.join(mercatoTrust, 'ca.pem'), SSL_CERT_DIR: mercatoTrust },
      },
      // SSL_CERT_FILE alone, as `mercato serve` prints it: Go also parses every file in
      // /etc/ssl/certs (Debian: each CA twice, once alone and once in the bundle).
      registrySystemTrust: {
        setUp: registryConfig,
        env: { ...env, SSL_CERT_FILE: path.join(server.dataDir, 'tls', 'ca.pem') },
      },
    };
    const samples: Record<Kind, number[]> = { local: [], registry: [], registrySystemTrust: [] };
    say(`${RUNS} runs; load average ${loadAverage()}`);
    // One of each first, not counted: Terraform's and the server's first start (disk cache, TLS set-up).
    for (let run = -1; run < RUNS; run++) {
      const order = KINDS.map((_, index) => KINDS[(index + run + 1) % KINDS.length]);
      const times: Partial<Record<Kind, number>> = {};
      for (const kind of order) {
        const dir = path.join(root, `${kind}-${run + 1}`);
        fs.mkdirSync(dir);
        kinds[kind].setUp(dir);
        times[kind] = await timeInit(dir, kinds[kind].env);
      }
      if (run < 0) continue;
      for (const kind of KINDS) samples[kind].push(times[kind]!);
      say(`run ${run + 1}: ${KINDS.map((kind) => `${kind} ${fmt(times[kind]!)} ms`).join(', ')}`);
    }
    const local = median(samples.local);
    console.log('\n| terraform init | median (ms) | min | max | ratio to local |');
    console.log('|---|---|---|---|---|');
    for (const kind of KINDS)
      console.log(
        `| ${LABELS[kind]} | ${fmt(median(samples[kind]))} | ${fmt(Math.min(...samples[kind]))} | ${fmt(Math.max(...samples[kind]))} | ${(median(samples[kind]) / local).toFixed(2)}x |`,
      );
    const ratio = median(samples.registry) / local;
    console.log(
      `\nmodule from Mercato: ${ratio.toFixed(2)}x a local path; target ≤ ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`,
    );
    console.log(`RESULT ${JSON.stringify({ runs: RUNS, ...samples, ratio })}`);
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
