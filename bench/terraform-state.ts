/**
 * The Terraform state backend (issue 11), spoken as Terraform's http backend speaks it (Basic
 * credentials, raw state bodies, LOCK/UNLOCK), against an authenticated `GET /api/v1/projects/<id>`
 * of the same server and run as the baseline, on SQLite and on PostgreSQL 15:
 * - a write cycle as `terraform apply` makes it: LOCK, POST of a 100 kB state (`?ID=`), UNLOCK;
 * - POST of an 8 MB state (a new version each time);
 * - GET of that state by a project manager (the file as written) and by a project member (the
 *   outputs-only state, made from the file on each read).
 *
 *   npx tsx --conditions=mercato-source bench/terraform-state.ts
 *
 * The server runs as a child process (`mercato serve`, fresh database) each run; requests go one
 * at a time. Knobs (environment): BENCH_RUNS (3), BENCH_ITERATIONS (40), BENCH_DATABASES
 * (`sqlite,postgres`).
 */
import { Client as PgClient } from 'pg';
import { randomBytes } from 'node:crypto';
import { startPostgres, type PostgresCluster } from '@mercato/test-support/postgres';
import { Client, fmt, median, startMercato } from './support/processes';

const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 3), 10);
const ITERATIONS = Math.min(Number(process.env.BENCH_ITERATIONS ?? 40), 1000);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];

const say = (line: string) => console.log(`[terraform-state] ${line}`);

/** A state file as Terraform writes it, of about `bytes` bytes: resources with attributes, two outputs. */
function stateFile(serial: number, bytes: number): string {
  const count = Math.max(1, Math.round(bytes / 1000));
  const resources = Array.from({ length: count }, (_, i) => ({
    mode: 'managed',
    type: 'terraform_data',
    name: `r${i}`,
    provider: 'provider["terraform.io/builtin/terraform"]',
    instances: [
      { schema_version: 0, attributes: { id: `${i}`, input: 'x'.repeat(760), output: null }, sensitive_attributes: [] },
    ],
  }));
  const outputs = {
    endpoint: { value: 'db.internal:5432', type: 'string' },
    password: { value: 'hunter2', type: 'string', sensitive: true },
  };
  const document = { version: 4, terraform_version: '1.11.4', serial, lineage: 'bench', outputs, resources };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Milliseconds of each of `ITERATIONS` calls of `work`, after 5 to warm up. */
async function timed(work: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await work(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** A request as Terraform's http backend makes it; fails on any other status than `expect`. */
async function backend(url: string, token: string, method: string, body?: string, expect = 200): Promise<string> {
  const response = await fetch(url, {
    method,
    body,
    headers: {
      authorization: `Basic ${Buffer.from(`terraform:${token}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
  });
  const text = await response.text();
  if (response.status !== expect) throw new Error(`${method} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text;
}

interface RunResult {
  database: string;
  run: number;
  /** Medians, ms. */
  baseline: number;
  writeCycle: number;
  bigWrite: number;
  managerRead: number;
  memberRead: number;
}

async function freshDatabaseUrl(cluster: PostgresCluster): Promise<string> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const client = new PgClient({ connectionString: cluster.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return cluster.url.replace(/\/[^/]*$/, `/${name}`);
}

async function runOnce(database: 'sqlite' | 'postgres', run: number, cluster?: PostgresCluster): Promise<RunResult> {
  const server = await startMercato({ databaseUrl: cluster ? await freshDatabaseUrl(cluster) : undefined });
  try {
    const admin = new Client(server.url, server.adminToken);
    const organization = await admin.post('/organizations', { name: 'Bench' });
    const project = await admin.post('/projects', { organization_id: organization.id, name: 'bench' });
    const member = await admin.post('/users', { username: 'bench-member', email: 'm@example.com' });
    await admin.post(`/projects/${project.id}/members`, { user_id: member.id, role: 'member' });
    const memberToken = (await admin.post(`/users/${member.id}/tokens`, { name: 'bench' })).token as string;
    const address = (name: string) => `${server.url}/api/v1/projects/${project.id}/terraform-states/${name}`;

    const baseline = await timed(async () => void (await admin.get(`/projects/${project.id}`)));
    const small = address('small');
    let serial = 0;
    const writeCycle = await timed(async (i) => {
      const lock = JSON.stringify({ ID: `run-${i}`, Operation: 'OperationTypeApply', Who: 'bench@host' });
      await backend(small, server.adminToken, 'LOCK', lock);
      await backend(`${small}?ID=run-${i}`, server.adminToken, 'POST', stateFile(++serial, 100_000));
      await backend(small, server.adminToken, 'UNLOCK', lock);
    });
    const big = address('big');
    const template = stateFile(0, 8_000_000);
    let bigSerial = 0;
    const bigWrite = await timed(
      async () =>
        void (await backend(
          big,
          server.adminToken,
          'POST',
          template.replace('"serial": 0,', `"serial": ${++bigSerial},`),
        )),
    );
    const managerRead = await timed(async () => void (await backend(big, server.adminToken, 'GET')));
    const memberRead = await timed(async () => void (await backend(big, memberToken, 'GET')));
    const result: RunResult = {
      database,
      run,
      baseline: median(baseline),
      writeCycle: median(writeCycle),
      bigWrite: median(bigWrite),
      managerRead: median(managerRead),
      memberRead: median(memberRead),
    };
    say(
      `${database} run ${run}: project GET ${fmt(result.baseline, 2)} ms, write cycle ${fmt(result.writeCycle, 2)} ms, 8 MB POST ${fmt(result.bigWrite)} ms, GET manager ${fmt(result.managerRead)} ms, member ${fmt(result.memberRead)} ms (medians of ${ITERATIONS})`,
    );
    return result;
  } finally {
    await server.stop();
  }
}

async function main() {
  const results: RunResult[] = [];
  let cluster: PostgresCluster | undefined;
  try {
    for (const database of DATABASES) {
      if (database === 'postgres' && !cluster) cluster = await startPostgres();
      for (let run = 1; run <= RUNS; run++)
        results.push(await runOnce(database, run, database === 'postgres' ? cluster : undefined));
    }
  } finally {
    cluster?.stop();
  }
  console.log(
    '\n| Database | Project GET (baseline) | Write cycle (LOCK, POST 100 kB, UNLOCK) | POST 8 MB | GET 8 MB, manager | GET 8 MB, member (outputs only) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const database of DATABASES) {
    const mine = results.filter((r) => r.database === database);
    const m = (key: keyof RunResult) => median(mine.map((r) => r[key] as number));
    const ratio = (key: keyof RunResult) => `${fmt(m(key))} ms (${fmt(m(key) / m('baseline'))}x)`;
    console.log(
      `| ${database} | ${fmt(m('baseline'), 2)} ms | ${ratio('writeCycle')} | ${ratio('bigWrite')} | ${ratio('managerRead')} | ${ratio('memberRead')} |`,
    );
  }
  console.log(`RESULT ${JSON.stringify(results)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
