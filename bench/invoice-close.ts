/**
 * Closing a month (issue 13): 10,000 resources × 3 components (fixed, limit, usage), on SQLite and
 * on PostgreSQL; the time, and the total checked against an independent sum.
 *
 *   npx tsx --conditions=mercato-source bench/invoice-close.ts
 *
 * Per database, a fresh migrated database (SQLite: a temp dir; PostgreSQL: a new database in one
 * throwaway PostgreSQL 15 cluster from test/support/postgres.ts) is seeded directly with multi-row
 * INSERTs (bench/support/invoice-close-data.ts), which also computes the month's expected total
 * per currency with its own arithmetic. Then, BENCH_RUNS times each:
 * - `compute`: what a close reads and computes, in this process: billingDataOf for every
 *   organization and invoiceFigures (server/src/billing); its totals must equal the expected ones;
 * - `close`: POST /api/v1/invoices/close to the real server over HTTP (timeClose), its final
 *   invoices' totals read back; the ratio close / compute is what writing the invoices adds.
 *
 * Knobs (environment): BENCH_RESOURCES (10000), BENCH_RUNS (3), BENCH_DATABASES (sqlite,postgres),
 * BENCH_PERIOD (2026-11), BENCH_ORGANIZATIONS (20).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Decimal from 'decimal.js';
import { Client as PgClient } from 'pg';
import {
  billingDataOf,
  billingMonth,
  buildApp,
  ensureAdminToken,
  invoiceFigures,
  openDatabase,
  type Database,
} from '@mercato/server';
import { startPostgres, type PostgresCluster } from '@mercato/test-support/postgres';
import { seedMonth, type SeededMonth } from './support/invoice-close-data';
import { fmt, loadAverage, median } from './support/processes';

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 10_000);
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 3), 10);
const PERIOD = process.env.BENCH_PERIOD ?? '2026-11';
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 20);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as Array<
  'sqlite' | 'postgres'
>;
const TARGET_SECONDS = 10;

const say = (line: string) => console.log(`[invoice-close] ${line}`);

interface Measured {
  seconds: number;
  /** Of which reading (billingDataOf), when measured apart. */
  readSeconds?: number;
  /** Totals per currency, summed over every organization's invoice. */
  totals: Record<string, string>;
  invoices: number;
  items: number;
}

/** The read-and-compute part of a close: every organization's figures for the month. */
async function timeCompute(database: Database): Promise<Measured> {
  const month = billingMonth(PERIOD);
  const started = performance.now();
  const data = await billingDataOf(database.db, month, {});
  const read = performance.now();
  const invoices = invoiceFigures(data, month);
  const seconds = (performance.now() - started) / 1000;
  const sums = new Map<string, Decimal>();
  for (const total of invoices.flatMap((i) => i.totals))
    sums.set(total.currency, (sums.get(total.currency) ?? new Decimal(0)).plus(total.amount));
  const totals = Object.fromEntries(
    [...sums]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, sum]) => [currency, sum.toFixed(currency === 'JPY' ? 0 : 2)]),
  );
  return {
    seconds,
    readSeconds: (read - started) / 1000,
    totals,
    invoices: invoices.length,
    items: invoices.reduce((n, i) => n + i.items.length, 0),
  };
}

/**
 * The full close, timed: POST /api/v1/invoices/close `{period}` as staff to the real server over
 * HTTP on this database, then the final invoices' totals summed over every organization (GET
 * /api/v1/invoices?period=…, staff). The close is undone afterwards (its billing_periods row and
 * invoices deleted), so that the next run closes the same month again.
 */
async function timeClose(server: BenchServer): Promise<Measured> {
  const call = (method: string, route: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${route}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const started = performance.now();
  const closed = await call('POST', '/invoices/close', { period: PERIOD });
  const seconds = (performance.now() - started) / 1000;
  if (closed.status !== 201) throw new Error(`close answered ${closed.status}: ${await closed.text()}`);
  const listed = (await (await call('GET', `/invoices?period=${PERIOD}`)).json()) as {
    items: { state: string; items: unknown[]; totals: { currency: string; amount: string }[] }[];
  };
  const sums = new Map<string, Decimal>();
  for (const total of listed.items.flatMap((i) => i.totals))
    sums.set(total.currency, (sums.get(total.currency) ?? new Decimal(0)).plus(total.amount));
  const totals = Object.fromEntries(
    [...sums]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, sum]) => [currency, sum.toFixed(currency === 'JPY' ? 0 : 2)]),
  );
  if (listed.items.some((i) => i.state !== 'final')) throw new Error('an invoice of the closed month is not final');
  await server.database.db.deleteFrom('invoices').where('period', '=', PERIOD).execute();
  await server.database.db.deleteFrom('billing_periods').where('period', '=', PERIOD).execute();
  return {
    seconds,
    totals,
    invoices: listed.items.length,
    items: listed.items.reduce((n, i) => n + i.items.length, 0),
  };
}

const ADMIN_TOKEN = 'mct_bench_close_admin';

interface BenchServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/** The real server on this database, on a free port, its worker off (nothing is ordered). */
async function startServer(database: Database, dataDir: string): Promise<BenchServer> {
  await ensureAdminToken(database.db, dataDir, ADMIN_TOKEN);
  const app = await buildApp({ database, worker: { enabled: false }, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, database, close: () => app.close() };
}

async function freshDatabase(kind: 'sqlite' | 'postgres', cluster?: PostgresCluster) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-bench-close-'));
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const name = `bench_close_${process.pid}`;
    const client = new PgClient({ connectionString: cluster!.url });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    databaseUrl = cluster!.url.replace(/\/[^/]*$/, `/${name}`);
  }
  const database = await openDatabase({ dataDir, databaseUrl });
  return {
    database,
    dataDir,
    cleanUp: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

interface DatabaseResult {
  database: string;
  seeded: SeededMonth;
  compute: Measured[];
  close: Measured[];
  load: [number, number];
}

async function measure(kind: 'sqlite' | 'postgres', cluster?: PostgresCluster): Promise<DatabaseResult> {
  const { database, dataDir, cleanUp } = await freshDatabase(kind, cluster);
  const server = await startServer(database, dataDir);
  try {
    const seeded = await seedMonth(database, { resources: RESOURCES, period: PERIOD, organizations: ORGANIZATIONS });
    say(
      `${kind}: seeded ${seeded.resources} resources, ${seeded.orders} orders, ${seeded.usageReports} usage reports in ${fmt(seeded.seedSeconds, 2)} s; expected ${JSON.stringify(seeded.expected)} in ${seeded.expectedItems} items`,
    );
    const loadBefore = loadAverage();
    const compute: Measured[] = [];
    const close: Measured[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const figures = await timeCompute(database);
      compute.push(figures);
      say(
        `${kind} run ${run}: compute ${fmt(figures.seconds, 2)} s (read ${fmt(figures.readSeconds!, 2)} s), ${figures.invoices} invoices, ${figures.items} items, totals ${JSON.stringify(figures.totals)} ${same(figures.totals, seeded.expected) && figures.items === seeded.expectedItems ? '= expected' : 'DIFFERS from expected'}`,
      );
      const closed = await timeClose(server);
      close.push(closed);
      say(
        `${kind} run ${run}: close ${fmt(closed.seconds, 2)} s, ${closed.items} items, totals ${JSON.stringify(closed.totals)}`,
      );
    }
    return { database: kind, seeded, compute, close, load: [loadBefore, loadAverage()] };
  } finally {
    await server.close();
    await cleanUp();
  }
}

async function main() {
  let cluster: PostgresCluster | undefined;
  const results: DatabaseResult[] = [];
  try {
    for (const kind of DATABASES) {
      if (kind === 'postgres') {
        cluster = await startPostgres();
        say(`PostgreSQL 15 cluster at ${cluster.url}`);
      }
      results.push(await measure(kind, cluster));
    }
  } finally {
    cluster?.stop();
  }
  console.log('');
  console.log(
    `| ${RESOURCES} resources × 3 components, ${PERIOD} | part | runs (s) | median (s) | ÷ compute | total = independent sum | target |`,
  );
  console.log('|---|---|---|---:|---:|---|---|');
  let failed = false;
  for (const r of results) {
    const baseline = median(r.compute.map((m) => m.seconds));
    for (const [part, runs] of [
      ['compute (billingDataOf + invoiceFigures, in process)', r.compute],
      ['close (POST /invoices/close over HTTP)', r.close],
    ] as const) {
      const right = runs.every((m) => same(m.totals, r.seeded.expected) && m.items === r.seeded.expectedItems);
      const seconds = median(runs.map((m) => m.seconds));
      failed ||= !right;
      console.log(
        `| ${r.database} | ${part} | ${runs.map((m) => fmt(m.seconds, 2)).join(', ')} | ${fmt(seconds, 2)} | ${fmt(seconds / baseline, 2)}x | ${right ? `yes: ${JSON.stringify(r.seeded.expected)}` : `NO: ${JSON.stringify(runs[0].totals)} ≠ ${JSON.stringify(r.seeded.expected)}`} | ${seconds < TARGET_SECONDS ? 'met' : 'MISSED'} (< ${TARGET_SECONDS} s) |`,
      );
    }
  }
  console.log(`load average ${results.map((r) => `${r.database} ${r.load.join(' -> ')}`).join('; ')}`);
  console.log(`RESULT ${JSON.stringify({ resources: RESOURCES, period: PERIOD, results })}`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
