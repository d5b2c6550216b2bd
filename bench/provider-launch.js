#!/usr/bin/env node
/**
 * Provider launch cost: time from spawn to the go-plugin handshake line, with the environment
 * Terraform sets (magic cookie, a fresh client certificate, protocol versions, port range),
 * next to a bare `node -e 0` measured in the same run.
 *
 *   node bench/provider-launch.js [bundle] [runs]
 *   default bundle: provider/dist/terraform-provider-mercato.js (npm run build -w provider)
 *   BENCH_COMPARE_BUNDLE=<another checkout's bundle>: measured too, turn about with the first
 */
const { spawn, execFileSync } = require('node:child_process');
const { existsSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

async function main() {
  const bundle = path.resolve(
    process.argv[2] || path.join(__dirname, '../provider/dist/terraform-provider-mercato.js'),
  );
  const runs = Number(process.argv[3] || 21);
  if (!existsSync(bundle)) throw new Error(`${bundle} does not exist; build it first (npm run build -w provider)`);
  const env = {
    ...process.env,
    TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    PLUGIN_CLIENT_CERT: clientCertificatePem(),
  };

  const compare = process.env.BENCH_COMPARE_BUNDLE && path.resolve(process.env.BENCH_COMPARE_BUNDLE);
  const bundles = compare ? [bundle, compare] : [bundle];
  const launch = bundles.map(() => []);
  const bare = [];
  for (const each of bundles) await timeToHandshake(each, env); // warm the file cache
  for (let i = 0; i < runs; i++) {
    bare.push(await timeToExit(['-e', '0']));
    for (const [j, each] of bundles.entries()) launch[j].push(await timeToHandshake(each, env));
  }
  const report = (name, samples) =>
    `${name.padEnd(28)} median ${median(samples).toFixed(1)} ms   p90 ${percentile(samples, 0.9).toFixed(1)} ms   min ${Math.min(...samples).toFixed(1)} ms`;
  console.log(`${runs} runs, node ${process.version}`);
  for (const [j, each] of bundles.entries())
    console.log(report(`launch -> handshake line`, launch[j]), ` ${path.relative(process.cwd(), each)}`);
  console.log(report('node -e 0 (exit)', bare));
}

/** Terraform sends a fresh PEM certificate each launch; a real one from openssl keeps this honest. */
function clientCertificatePem() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:secp521r1',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-nodes',
      '-subj',
      '/CN=localhost',
    ],
    { stdio: 'ignore' },
  );
  return require('node:fs').readFileSync(cert, 'utf8');
}

function timeToHandshake(bundle, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [bundle], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (!out.startsWith('1|6|')) reject(new Error(`unexpected output: ${out}`));
        child.kill('SIGKILL');
        child.on('exit', () => resolve(ms));
      }
    });
    child.on('error', reject);
  });
}

function timeToExit(args) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    spawn(process.execPath, args, { stdio: 'ignore' }).on('exit', () =>
      resolve(Number(process.hrtime.bigint() - start) / 1e6),
    );
  });
}

const sorted = (samples) => [...samples].sort((a, b) => a - b);
const median = (samples) => percentile(samples, 0.5);
function percentile(samples, p) {
  const s = sorted(samples);
  return s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))];
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
