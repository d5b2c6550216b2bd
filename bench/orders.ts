/**
 * Orders from request to done (issue 2): 1,000 create orders of an auto-approved allocation
 * offering, about 20 in flight, on SQLite and on PostgreSQL; the wall time from the first
 * request until the last order is done. The server runs as a child process on a fresh database
 * each run; the provisioning worker inside it takes the orders through the allocation plugin.
 *
 *   npx tsx bench/orders.ts
 *
 * Knobs (environment): BENCH_ORDERS (1000), BENCH_IN_FLIGHT (20), BENCH_RUNS (3),
 * BENCH_DATABASES (sqlite,postgres), BENCH_TIMEOUT seconds per run (120),
 * BENCH_CPU_PROF=<dir> to write a V8 CPU profile of each server child,
 * BENCH_COMPARE_BIN=<another checkout>/cli/bin/mercato.js to run that server too, turn about.
 */
import { Client as PgClient } from 'pg';
import { startPostgres, type PostgresCluster } from '@mercato/test-support/postgres';
import {
  type Client,
  COMPARE_BIN,
  cpuSeconds,
  fmt,
  loadAverage,
  median,
  pool,
  startMercato,
} from './support/processes';
import { setUpLicenceCatalog } from './support/licence-catalog';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 20);
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 3), 10);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as Array<
  'sqlite' | 'postgres'
>;
const TIMEOUT_MS = Math.min(Number(process.env.BENCH_TIMEOUT ?? 120), 600) * 1000;
const CPU_PROF = process.env.BENCH_CPU_PROF;
const TARGET_SECONDS = 10;

const say = (line: string) => console.log(`[orders] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The servers measured: this checkout, and the compared one when BENCH_COMPARE_BIN is set. */
const SUBJECTS: Array<{ label: string; bin?: string }> = [
  { label: 'this' },
  ...(COMPARE_BIN ? [{ label: 'compared', bin: COMPARE_BIN }] : []),
];

interface RunResult {
  database: string;
  /** `this` or `compared`. */
  subject: string;
  run: number;
  /** First request to the last order seen done. */
  wallSeconds: number;
  /** First request to the last order placed (201). */
  placeSeconds: number;
  done: number;
  erred: number;
  /** CPU seconds the server process used from the first request to the last order done. */
  serverCpuSeconds: number;
  /** 1-minute load average of the machine before and after the run. */
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
  subject: (typeof SUBJECTS)[number],
  cluster?: PostgresCluster,
): Promise<RunResult> {
  let databaseUrl: string | undefined;
  if (database === 'postgres') {
    const name = `bench_orders_${process.pid}_${run}_${subject.label}`;
    const client = new PgClient({ connectionString: cluster!.url });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    databaseUrl = cluster!.url.replace(/\/[^/]*$/, `/${name}`);
  }
  const nodeArgs = CPU_PROF
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${CPU_PROF}`,
        `--cpu-prof-name=orders-${database}-${run}-${subject.label}.cpuprofile`,
      ]
    : [];
  const server = await startMercato({ databaseUrl, nodeArgs, bin: subject.bin });
  try {
    const { admin, consumer, offering, plan, project } = await setUpLicenceCatalog(server, 'bench-consumer');
    const loadBefore = loadAverage();
    const cpuBefore = cpuSeconds(server.pid);
    const started = performance.now();
    const orders = await pool(
      Array.from({ length: ORDERS }, (_, i) => i),
      IN_FLIGHT,
      async (i) => {
        const order = await consumer.post(
          '/orders',
          {
            type: 'create',
            project_id: project.id,
            offering_id: offering.id,
            plan_id: plan.id,
            name: `seat-pool-${i + 1}`,
            attributes: { edition: i % 3 ? 'standard' : 'pro' },
            limits: { seats: 1 + (i % 50) },
          },
          { 'idempotency-key': `bench-${run}-${i}` },
        ); // as the Terraform provider sends
        if (order.state !== 'executing' && order.state !== 'done')
          throw new Error(`order ${order.id} is ${order.state}, expected executing`);
        return order.id as string;
      },
    );
    const placed = performance.now();
    if (new Set(orders).size !== ORDERS) throw new Error('orders were not all placed');
    // Done when no order of the project is executing any more; then count how each ended.
    const deadline = started + TIMEOUT_MS;
    let finished = performance.now();
    for (;;) {
      const executing = await admin.get(`/orders?project_id=${project.id}&state=executing&limit=1`);
      finished = performance.now();
      if (!executing.items.length) break;
      if (finished > deadline) break;
      await sleep(20);
    }
    const serverCpu = cpuSeconds(server.pid) - cpuBefore;
    const [done, erred] = await Promise.all([
      countOrders(admin, project.id, 'done'),
      countOrders(admin, project.id, 'erred'),
    ]);
    const result = {
      database,
      subject: subject.label,
      run,
      wallSeconds: (finished - started) / 1000,
      placeSeconds: (placed - started) / 1000,
      done,
      erred,
      serverCpuSeconds: serverCpu,
      load: [loadBefore, loadAverage()] as [number, number],
    };
    say(
      `${database} ${subject.label} run ${run}: ${done} done, ${erred} erred; placed in ${fmt(result.placeSeconds, 2)} s, all done in ${fmt(result.wallSeconds, 2)} s, server CPU ${fmt(serverCpu, 2)} s (load average ${result.load.join(' -> ')})`,
    );
    if (done !== ORDERS)
      say(`  WARNING: only ${done} of ${ORDERS} orders are done (time limit ${TIMEOUT_MS / 1000} s)`);
    return result;
  } finally {
    await server.stop();
  }
}

async function main() {
  let cluster: PostgresCluster | undefined;
  const results: RunResult[] = [];
  try {
    for (const database of DATABASES) {
      if (database === 'postgres') {
        cluster = await startPostgres();
        say(`PostgreSQL 15 cluster at ${cluster.url}`);
      }
      for (let run = 1; run <= RUNS; run++) {
        // Turn about, so that neither server always runs first.
        for (const subject of run % 2 ? SUBJECTS : [...SUBJECTS].reverse())
          results.push(await runOnce(database, run, subject, cluster));
      }
    }
  } finally {
    cluster?.stop();
  }
  console.log('');
  console.log(
    `| ${ORDERS} allocation orders, ${IN_FLIGHT} in flight | server | runs (s) | median placed (s) | median all done (s) | median server CPU (s) | target |`,
  );
  console.log('|---|---|---|---:|---:|---:|---|');
  const summary: Record<string, unknown> = {};
  for (const database of DATABASES) {
    const medians: Record<string, { wall: number; cpu: number }> = {};
    for (const subject of SUBJECTS) {
      const mine = results.filter((r) => r.database === database && r.subject === subject.label);
      const wall = median(mine.map((r) => r.wallSeconds));
      const placed = median(mine.map((r) => r.placeSeconds));
      const cpu = median(mine.map((r) => r.serverCpuSeconds));
      const complete = mine.every((r) => r.done === ORDERS && r.erred === 0);
      console.log(
        `| ${database} | ${subject.label} | ${mine.map((r) => fmt(r.wallSeconds, 2)).join(', ')} | ${fmt(placed, 2)} | ${fmt(wall, 2)} | ${fmt(cpu, 2)} | ${complete && wall < TARGET_SECONDS ? 'met' : 'MISSED'} (< ${TARGET_SECONDS} s) |`,
      );
      summary[subject.label === 'this' ? database : `${database} (compared)`] = {
        medianWallSeconds: wall,
        medianPlaceSeconds: placed,
        medianServerCpuSeconds: cpu,
        runs: mine,
      };
      medians[subject.label] = { wall, cpu };
      if (!complete) process.exitCode = 1;
    }
    if (COMPARE_BIN)
      console.log(
        `${database}: this / compared: median all done ${fmt(medians.this.wall / medians.compared.wall, 3)}, median server CPU ${fmt(medians.this.cpu / medians.compared.cpu, 3)}`,
      );
  }
  console.log(
    `RESULT ${JSON.stringify({ date: new Date().toISOString(), orders: ORDERS, inFlight: IN_FLIGHT, ...summary })}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
