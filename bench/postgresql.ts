/**
 * PostgreSQL databases through the `postgresql` plugin (issue 10): 100 create orders, then their
 * 100 terminate orders, each phase from its first request until no order of it is executing, with
 * the same orders through the `allocation` plugin in the same server and run as the baseline.
 * Every database the plugin made must exist after the creates (with its role), and none after the
 * terminates.
 *
 *   npx tsx bench/postgresql.ts
 *
 * The server runs as a child process (SQLite in a fresh temp dir) each run; the target is one
 * throwaway PostgreSQL 15 cluster (test/support/postgres.ts: fsync off, as the tests run it) whose
 * superuser has a password (scram-sha-256), as a real server would.
 *
 * Knobs (environment): BENCH_DATABASES (100), BENCH_IN_FLIGHT (20), BENCH_RUNS (3),
 * BENCH_TIMEOUT seconds per phase (300).
 */
import { Client as PgClient } from 'pg';
import { randomBytes } from 'node:crypto';
import { startPostgres, type PostgresCluster } from '@mercato/test-support/postgres';
import { Client, cpuSeconds, fmt, loadAverage, median, pool, startMercato } from './support/processes';

const DATABASES = Number(process.env.BENCH_DATABASES ?? 100);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 20);
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 3), 10);
const TIMEOUT_MS = Math.min(Number(process.env.BENCH_TIMEOUT ?? 300), 900) * 1000;
const PLUGINS = ['postgresql', 'allocation'] as const;
type Plugin = (typeof PLUGINS)[number];

const say = (line: string) => console.log(`[postgresql] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface PhaseResult {
  seconds: number;
  done: number;
  erred: number;
}

interface RunResult {
  plugin: Plugin;
  run: number;
  create: PhaseResult;
  terminate: PhaseResult;
  /** CPU seconds of the server process over both phases. */
  serverCpuSeconds: number;
  /** Databases of the run's names on the cluster after the creates, and after the terminates. */
  databasesAfterCreate: number;
  databasesAfterTerminate: number;
  load: [number, number];
}

/** An auto-approved offering of `type` with a `connection_limit` attribute, a version and a plan. */
async function publish(admin: Client, organizationId: string, categoryId: string, type: Plugin, adminUrl: string) {
  const offering = await admin.post('/offerings', {
    organization_id: organizationId,
    category_id: categoryId,
    name: `Bench ${type}`,
    type,
    status: 'active',
    auto_approve: true,
    ...(type === 'postgresql' ? { secret_options: { admin_url: adminUrl } } : {}),
  });
  await admin.post('/offering-versions', {
    offering_id: offering.id,
    version: '1.0.0',
    options_schema: {
      type: 'object',
      additionalProperties: false,
      properties: { connection_limit: { type: 'integer', minimum: -1 } },
    },
  });
  const plan = await admin.post('/plans', { offering_id: offering.id, name: 'db', unit: 'month', prices: {} });
  return { id: offering.id as string, planId: plan.id as string };
}

/** Waits until no order of the project is executing; the time from `started` to then, in seconds. */
async function settle(admin: Client, projectId: string, started: number): Promise<number> {
  const deadline = started + TIMEOUT_MS;
  for (;;) {
    const executing = await admin.get(`/orders?project_id=${projectId}&state=executing&limit=1`);
    const now = performance.now();
    if (!executing.items.length || now > deadline) return (now - started) / 1000;
    await sleep(20);
  }
}

async function countOrders(admin: Client, projectId: string, type: string, state: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ type: string }>; next_cursor: string | null } = await admin.get(
      `/orders?project_id=${projectId}&state=${state}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    );
    count += page.items.filter((o) => o.type === type).length;
    cursor = page.next_cursor;
  } while (cursor);
  return count;
}

/** Databases and roles on the cluster whose names start with `prefix` (both must agree). */
async function countOnCluster(cluster: PostgresCluster, prefix: string): Promise<number> {
  const client = new PgClient({ connectionString: cluster.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ databases: number; roles: number }>(
      `SELECT (SELECT count(*)::int FROM pg_database WHERE starts_with(datname, $1)) AS databases,
              (SELECT count(*)::int FROM pg_roles WHERE starts_with(rolname, $1)) AS roles`,
      [prefix],
    );
    if (rows[0].databases !== rows[0].roles)
      throw new Error(`${rows[0].databases} databases but ${rows[0].roles} roles start with ${prefix}`);
    return rows[0].databases;
  } finally {
    await client.end();
  }
}

/** Places one order per item, `IN_FLIGHT` at once, as the project's owner; answers the orders. */
function placeAll<T>(consumer: Client, items: T[], body: (item: T, i: number) => object) {
  return pool(items, IN_FLIGHT, async (item, i) => {
    const order = await consumer.post('/orders', body(item, i));
    if (order.state !== 'executing' && order.state !== 'done')
      throw new Error(`order ${order.id} is ${order.state}, expected executing`);
    return order as { id: string; resource_id: string };
  });
}

async function measure(
  plugin: Plugin,
  run: number,
  setUp: { admin: Client; consumer: Client; organizationId: string; offering: { id: string; planId: string } },
  serverPid: number,
  cluster: PostgresCluster,
): Promise<RunResult> {
  const { admin, consumer, organizationId, offering } = setUp;
  const project = await consumer.post('/projects', { organization_id: organizationId, name: `${plugin} ${run}` });
  const prefix = `bench_${run}_`;
  const loadBefore = loadAverage();
  const cpuBefore = cpuSeconds(serverPid);

  let started = performance.now();
  const created = await placeAll(consumer, Array.from({ length: DATABASES }), (_, i) => ({
    type: 'create',
    project_id: project.id,
    offering_id: offering.id,
    plan_id: offering.planId,
    name: `bench ${run} ${i + 1}`,
    attributes: { connection_limit: 5 },
  }));
  const createSeconds = await settle(admin, project.id, started);
  const databasesAfterCreate = plugin === 'postgresql' ? await countOnCluster(cluster, prefix) : 0;

  started = performance.now();
  await placeAll(consumer, created, (order) => ({ type: 'terminate', resource_id: order.resource_id }));
  const terminateSeconds = await settle(admin, project.id, started);
  const serverCpu = cpuSeconds(serverPid) - cpuBefore;
  const databasesAfterTerminate = plugin === 'postgresql' ? await countOnCluster(cluster, prefix) : 0;

  const phase = async (type: string, seconds: number): Promise<PhaseResult> => ({
    seconds,
    done: await countOrders(admin, project.id, type, 'done'),
    erred: await countOrders(admin, project.id, type, 'erred'),
  });
  const result: RunResult = {
    plugin,
    run,
    create: await phase('create', createSeconds),
    terminate: await phase('terminate', terminateSeconds),
    serverCpuSeconds: serverCpu,
    databasesAfterCreate,
    databasesAfterTerminate,
    load: [loadBefore, loadAverage()],
  };
  say(
    `${plugin} run ${run}: create ${fmt(createSeconds, 2)} s (${result.create.done} done, ${result.create.erred} erred), terminate ${fmt(terminateSeconds, 2)} s (${result.terminate.done} done, ${result.terminate.erred} erred); databases on the cluster ${databasesAfterCreate} -> ${databasesAfterTerminate}; server CPU ${fmt(serverCpu, 2)} s (load average ${result.load.join(' -> ')})`,
  );
  return result;
}

async function runOnce(run: number, cluster: PostgresCluster, adminUrl: string): Promise<RunResult[]> {
  const server = await startMercato();
  try {
    const admin = new Client(server.url, server.adminToken);
    const provider = await admin.post('/organizations', { name: 'Database Provider' });
    const category = await admin.post('/categories', { title: 'Databases' });
    const offerings = {
      postgresql: await publish(admin, provider.id, category.id, 'postgresql', adminUrl),
      allocation: await publish(admin, provider.id, category.id, 'allocation', adminUrl),
    };
    const user = await admin.post('/users', { username: 'bench-consumer', email: 'bench-consumer@example.com' });
    const { token } = await admin.post(`/users/${user.id}/tokens`, { name: 'bench' });
    const consumer = admin.as(token);
    const organization = await consumer.post('/organizations', { name: 'Consumer' });
    const results: RunResult[] = [];
    // Turn about, so that neither plugin always runs first.
    for (const plugin of run % 2 ? PLUGINS : [...PLUGINS].reverse())
      results.push(
        await measure(
          plugin,
          run,
          { admin, consumer, organizationId: organization.id, offering: offerings[plugin] },
          server.pid,
          cluster,
        ),
      );
    return results;
  } finally {
    await server.stop();
  }
}

function complete(r: RunResult): boolean {
  const ordersDone =
    r.create.done === DATABASES && r.terminate.done === DATABASES && !r.create.erred && !r.terminate.erred;
  const databases = r.plugin !== 'postgresql' || (r.databasesAfterCreate === DATABASES && !r.databasesAfterTerminate);
  return ordersDone && databases;
}

async function main() {
  const password = randomBytes(12).toString('hex');
  const cluster = await startPostgres({ password });
  const results: RunResult[] = [];
  try {
    say(`PostgreSQL 15 cluster on port ${new URL(cluster.url).port}`);
    for (let run = 1; run <= RUNS; run++) results.push(...(await runOnce(run, cluster, cluster.url)));
  } finally {
    cluster.stop();
  }
  console.log('');
  console.log(
    `| ${DATABASES} databases, ${IN_FLIGHT} orders in flight | create runs (s) | median create (s) | terminate runs (s) | median terminate (s) | median total (s) | median server CPU (s) | all done, none left |`,
  );
  console.log('|---|---|---:|---|---:|---:|---:|---|');
  const summary: Record<string, unknown> = {};
  const totals: Record<string, number> = {};
  for (const plugin of PLUGINS) {
    const mine = results.filter((r) => r.plugin === plugin);
    const create = median(mine.map((r) => r.create.seconds));
    const terminate = median(mine.map((r) => r.terminate.seconds));
    const total = median(mine.map((r) => r.create.seconds + r.terminate.seconds));
    const cpu = median(mine.map((r) => r.serverCpuSeconds));
    const ok = mine.every(complete);
    if (!ok) process.exitCode = 1;
    totals[plugin] = total;
    console.log(
      `| ${plugin} | ${mine.map((r) => fmt(r.create.seconds, 2)).join(', ')} | ${fmt(create, 2)} | ${mine.map((r) => fmt(r.terminate.seconds, 2)).join(', ')} | ${fmt(terminate, 2)} | ${fmt(total, 2)} | ${fmt(cpu, 2)} | ${ok ? 'yes' : 'NO'} |`,
    );
    summary[plugin] = {
      medianCreateSeconds: create,
      medianTerminateSeconds: terminate,
      medianTotalSeconds: total,
      runs: mine,
    };
  }
  console.log(`postgresql / allocation, median total: ${fmt(totals.postgresql / totals.allocation, 1)}x`);
  console.log(
    `RESULT ${JSON.stringify({ date: new Date().toISOString(), databases: DATABASES, inFlight: IN_FLIGHT, ...summary })}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
