/**
 * Provisioning plugins from request to done (issue 10): 1,000 create orders of an auto-approved
 * offering through each plugin measured (`webhook` with the example site agent of examples/agent,
 * in a process of its own), against the `allocation` plugin for the same orders in the same run:
 * each subject on a fresh server, turn about, medians of BENCH_RUNS runs; the target is at most
 * 3x allocation's median. A subject is one entry of SUBJECTS, which publishes its offering: the
 * `script` plugin runs a trivial shell script per order.
 *
 *   npx tsx bench/provisioning.ts
 *
 * Knobs (environment): BENCH_ORDERS (1000), BENCH_IN_FLIGHT (20), BENCH_RUNS (3),
 * BENCH_DATABASES (sqlite; or sqlite,postgres), BENCH_SUBJECTS (all; e.g. allocation,webhook),
 * BENCH_TIMEOUT seconds per run (180).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import type { PostgresCluster } from '@mercato/test-support/postgres';
import { type Client, cpuSeconds, fmt, loadAverage, median, pool, ROOT, startMercato } from './support/processes';
import { setUpLicenceCatalog } from './support/licence-catalog';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 20);
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 3), 10);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite').split(',').map((d) => d.trim()) as Array<
  'sqlite' | 'postgres'
>;
const TIMEOUT_MS = Math.min(Number(process.env.BENCH_TIMEOUT ?? 180), 600) * 1000;
const TARGET_RATIO = 3;
const BASELINE = 'allocation';

const say = (line: string) => console.log(`[provisioning] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Catalog = Awaited<ReturnType<typeof setUpLicenceCatalog>>;

/** What a subject sets up on a fresh server: the offering its orders go to, and what to stop after the run. */
interface Subject {
  name: string;
  setUp(
    catalog: Catalog,
    server: { url: string },
  ): Promise<{ offering: { id: string }; plan: { id: string }; helper?: Helper }>;
}

/** A process a subject runs beside the server (a site agent), measured too. */
interface Helper {
  pid: number;
  stop(): Promise<void>;
}

/** Publishes an auto-approved offering of `type` with the licence catalog's version schema and a plan, as its provider. */
async function publish(catalog: Catalog, name: string, type: string, options: object = {}) {
  const { admin, offering: licence } = catalog;
  const offering = await admin.post('/offerings', {
    organization_id: licence.organization_id,
    category_id: licence.category_id,
    name,
    type,
    status: 'active',
    auto_approve: true,
    ...options,
  });
  await admin.post('/offering-versions', {
    offering_id: offering.id,
    version: '1.0.0',
    options_schema: { type: 'object', properties: { edition: { type: 'string', enum: ['standard', 'pro'] } } },
  });
  const plan = await admin.post('/plans', { offering_id: offering.id, name: 'per seat', unit: 'month', prices: {} });
  return { offering, plan };
}

/** A service manager of the provider organization, for an agent to act as. */
async function providerToken(admin: Client, organizationId: string): Promise<string> {
  const user = await admin.post('/users', { username: 'bench-agent', email: 'bench-agent@example.com' });
  await admin.post(`/organizations/${organizationId}/members`, { user_id: user.id, role: 'service-manager' });
  return (await admin.post(`/users/${user.id}/tokens`, { name: 'agent' })).token;
}

/** The example site agent (examples/agent, built) as its own process, listening on a free port. */
async function startExampleAgent(env: Record<string, string>): Promise<Helper & { url: string }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'examples/agent/lib/main.js')], {
    env: { PATH: process.env.PATH, MERCATO_AGENT_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  // Each order is a line or two on stderr: read it so the pipe never fills, keep the end.
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening at (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the example agent exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const ALL_SUBJECTS: Subject[] = [
  {
    name: 'allocation',
    setUp: async (catalog) => ({ offering: catalog.offering, plan: catalog.plan }),
  },
  {
    name: 'webhook',
    setUp: async (catalog, server) => {
      const signingSecret = `whsec_${randomBytes(32).toString('base64')}`;
      const agent = await startExampleAgent({
        MERCATO_ENDPOINT: server.url,
        MERCATO_TOKEN: await providerToken(catalog.admin, catalog.offering.organization_id),
        MERCATO_AGENT_OFFERINGS: 'site-vm',
        MERCATO_AGENT_SIGNING_SECRET: signingSecret,
      });
      const published = await publish(catalog, 'Site VM', 'webhook', {
        slug: 'site-vm',
        plugin_options: { url: agent.url },
        secret_options: { signing_secret: signingSecret },
      });
      return { ...published, helper: agent };
    },
  },
  {
    // A trivial script: reports a backend id (the order on its stdin unread); as many at once as orders in flight.
    name: 'script',
    setUp: (catalog) =>
      publish(catalog, 'Scripted', 'script', {
        plugin_options: {
          create: ['/bin/sh', '-c', 'echo \'{"backend_id": "scripted"}\''],
          update: ['/bin/sh', '-c', 'true'],
          terminate: ['/bin/sh', '-c', 'true'],
          max_concurrency: IN_FLIGHT,
        },
      }),
  },
];
const SUBJECTS = ALL_SUBJECTS.filter(
  (s) => !process.env.BENCH_SUBJECTS || process.env.BENCH_SUBJECTS.split(',').includes(s.name),
);

interface RunResult {
  database: string;
  subject: string;
  run: number;
  /** First request to the last order seen done. */
  wallSeconds: number;
  /** First request to the last order placed (201). */
  placeSeconds: number;
  done: number;
  erred: number;
  /** CPU seconds of the server process, and of the subject's helper (the agent), during the run. */
  serverCpuSeconds: number;
  helperCpuSeconds: number;
  load: [number, number];
}

async function countOrders(admin: Client, projectId: string, state: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: { items: unknown[]; next_cursor: string | null } = await admin.get(
      `/orders?project_id=${projectId}&state=${state}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    );
    count += page.items.length;
    cursor = page.next_cursor;
  } while (cursor);
  return count;
}

async function runOnce(
  database: 'sqlite' | 'postgres',
  run: number,
  subject: Subject,
  cluster?: PostgresCluster,
): Promise<RunResult> {
  let databaseUrl: string | undefined;
  if (database === 'postgres') {
    const name = `bench_provisioning_${process.pid}_${run}_${subject.name}`;
    const client = new PgClient({ connectionString: cluster!.url });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    databaseUrl = cluster!.url.replace(/\/[^/]*$/, `/${name}`);
  }
  const server = await startMercato({ databaseUrl });
  let helper: Helper | undefined;
  try {
    const catalog = await setUpLicenceCatalog(server, 'bench-consumer');
    const target = await subject.setUp(catalog, server);
    helper = target.helper;
    const { admin, consumer, project } = catalog;
    const loadBefore = loadAverage();
    const cpuBefore = cpuSeconds(server.pid);
    const helperBefore = helper ? cpuSeconds(helper.pid) : 0;
    const started = performance.now();
    await pool(
      Array.from({ length: ORDERS }, (_, i) => i),
      IN_FLIGHT,
      async (i) => {
        const order = await consumer.post(
          '/orders',
          {
            type: 'create',
            project_id: project.id,
            offering_id: target.offering.id,
            plan_id: target.plan.id,
            name: `item-${i + 1}`,
            attributes: { edition: i % 3 ? 'standard' : 'pro' },
          },
          { 'idempotency-key': `bench-${run}-${i}` },
        );
        if (order.state !== 'executing' && order.state !== 'done')
          throw new Error(`order ${order.id} is ${order.state}, expected executing`);
      },
    );
    const placed = performance.now();
    const deadline = started + TIMEOUT_MS;
    let finished = performance.now();
    for (;;) {
      const executing = await admin.get(`/orders?project_id=${project.id}&state=executing&limit=1`);
      finished = performance.now();
      if (!executing.items.length || finished > deadline) break;
      await sleep(20);
    }
    const serverCpu = cpuSeconds(server.pid) - cpuBefore;
    const helperCpu = helper ? cpuSeconds(helper.pid) - helperBefore : 0;
    const [done, erred] = await Promise.all([
      countOrders(admin, project.id, 'done'),
      countOrders(admin, project.id, 'erred'),
    ]);
    const result: RunResult = {
      database,
      subject: subject.name,
      run,
      wallSeconds: (finished - started) / 1000,
      placeSeconds: (placed - started) / 1000,
      done,
      erred,
      serverCpuSeconds: serverCpu,
      helperCpuSeconds: helperCpu,
      load: [loadBefore, loadAverage()],
    };
    say(
      `${database} ${subject.name} run ${run}: ${done} done, ${erred} erred; placed in ${fmt(result.placeSeconds, 2)} s, all done in ${fmt(result.wallSeconds, 2)} s, server CPU ${fmt(serverCpu, 2)} s${helper ? `, agent CPU ${fmt(helperCpu, 2)} s` : ''} (load average ${result.load.join(' -> ')})`,
    );
    return result;
  } finally {
    await server.stop();
    await helper?.stop();
  }
}

async function main() {
  let cluster: PostgresCluster | undefined;
  const results: RunResult[] = [];
  try {
    for (const database of DATABASES) {
      if (database === 'postgres') {
        // Loaded only for PostgreSQL: test-support resolves with `npx tsx --conditions=mercato-source` only.
        const {
          startPostgres,
        }: typeof import('@mercato/test-support/postgres') = require('@mercato/test-support/postgres');
        cluster = await startPostgres();
        say(`PostgreSQL 15 cluster at ${cluster.url}`);
      }
      for (let run = 1; run <= RUNS; run++) {
        // Turn about, so that no subject always runs first.
        for (const subject of run % 2 ? SUBJECTS : [...SUBJECTS].reverse())
          results.push(await runOnce(database, run, subject, cluster));
      }
    }
  } finally {
    cluster?.stop();
  }
  console.log('');
  console.log(
    `| ${ORDERS} orders, ${IN_FLIGHT} in flight | plugin | runs, all done (s) | median placed (s) | median all done (s) | x ${BASELINE} | median server CPU (s) | median agent CPU (s) | target |`,
  );
  console.log('|---|---|---|---:|---:|---:|---:|---:|---|');
  const summary: Record<string, unknown> = {};
  for (const database of DATABASES) {
    const mine = (name: string) => results.filter((r) => r.database === database && r.subject === name);
    const baseline = median(mine(BASELINE).map((r) => r.wallSeconds));
    for (const subject of SUBJECTS) {
      const runs = mine(subject.name);
      const wall = median(runs.map((r) => r.wallSeconds));
      const ratio = wall / baseline;
      const complete = runs.every((r) => r.done === ORDERS && r.erred === 0);
      const met = complete && (subject.name === BASELINE || ratio <= TARGET_RATIO);
      console.log(
        `| ${database} | ${subject.name} | ${runs.map((r) => fmt(r.wallSeconds, 2)).join(', ')} | ${fmt(median(runs.map((r) => r.placeSeconds)), 2)} | ${fmt(wall, 2)} | ${fmt(ratio, 2)} | ${fmt(median(runs.map((r) => r.serverCpuSeconds)), 2)} | ${subject.name === BASELINE ? '' : fmt(median(runs.map((r) => r.helperCpuSeconds)), 2)} | ${subject.name === BASELINE ? (complete ? 'baseline' : 'INCOMPLETE') : `${met ? 'met' : 'MISSED'} (≤ ${TARGET_RATIO}x)`} |`,
      );
      summary[`${database} ${subject.name}`] = { medianWallSeconds: wall, ratio, runs };
      if (!met) process.exitCode = 1;
    }
  }
  console.log(
    `RESULT ${JSON.stringify({ date: new Date().toISOString(), orders: ORDERS, inFlight: IN_FLIGHT, ...summary })}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
