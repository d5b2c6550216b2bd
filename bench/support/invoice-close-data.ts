import Decimal from 'decimal.js';
import type { Database } from '@mercato/server';
import {
  categoryRow,
  insertRows,
  offeringRow,
  orderRow,
  organizationRow,
  planRow,
  projectRow,
  resourceRow,
  usageReportRow,
} from '@mercato/test-support/billing-rows';
import { prng } from './processes';

/**
 * The data of the month-close benchmark (issue 13): N resources with three components each
 * (`base` fixed, `cpu` limit, `storage` usage) written straight into a database in multi-row
 * INSERTs, with lives varied in and around the month (created before, in or after it; terminated
 * before, in or after it, or exactly at its end; limit changes, plan switches between plans priced
 * per month, day and hour, pauses on an offering that bills paused time and one that does not;
 * usage reports in the month and the months around), and the month's EXPECTED total per currency
 * computed here with its own arithmetic (decimal.js directly; none of server/src/billing), from
 * what the generator decided rather than from the rows.
 *
 * The rules it computes by (issue 13): fixed and limit components cost price × quantity × billed
 * seconds ÷ seconds of the plan's unit (a month: this calendar month's seconds); billed time is the
 * resource's life in the month, less its paused time when the offering says so; every stretch with
 * one plan and quantity is one invoice item, rounded half-up to the currency's minor unit; usage is
 * the month's reports summed, times the price of the plan held last, rounded once; totals add the
 * rounded items.
 */

const DAY = 86_400;
const UNIT_SECONDS: Record<string, number> = { day: DAY, hour: 3_600 };
const MINOR_UNIT: Record<string, number> = { EUR: 2, JPY: 0 };

const COMPONENTS = [
  { type: 'base', name: 'Base', billing_type: 'fixed' },
  { type: 'cpu', name: 'vCPU', billing_type: 'limit', measured_unit: 'core' },
  { type: 'storage', name: 'Storage', billing_type: 'usage', measured_unit: 'GB' },
];

interface PlanSpec {
  name: string;
  unit: string;
  currency: string;
  prices: Record<'base' | 'cpu' | 'storage', string>;
}

/** Two offerings: one bills paused time (in EUR, plans per month, day, hour), one leaves it free (in JPY). */
const OFFERINGS: { name: string; bill_paused: boolean; plans: PlanSpec[] }[] = [
  {
    name: 'Cloud VMs',
    bill_paused: true,
    plans: [
      { name: 'Monthly', unit: 'month', currency: 'EUR', prices: { base: '19.99', cpu: '3.5', storage: '0.045' } },
      { name: 'Daily', unit: 'day', currency: 'EUR', prices: { base: '0.7', cpu: '0.115', storage: '0.05' } },
      { name: 'Hourly', unit: 'hour', currency: 'EUR', prices: { base: '0.031', cpu: '0.0049', storage: '0.04' } },
    ],
  },
  {
    name: 'Desktops',
    bill_paused: false,
    plans: [
      { name: 'Monthly', unit: 'month', currency: 'JPY', prices: { base: '2500', cpu: '450', storage: '7' } },
      { name: 'Daily', unit: 'day', currency: 'JPY', prices: { base: '90', cpu: '15.5', storage: '6' } },
    ],
  },
];

/** A resource's life as the generator decided it; times in seconds since the epoch. */
interface Life {
  offering: number;
  plan: number;
  cpu: number;
  created: number;
  /** A limit change or a plan switch (never both), to a different value. */
  change?: { at: number; cpu?: number; plan?: number };
  paused?: number;
  resumed?: number;
  terminated?: number;
  /** Usage reported for the month (amounts as decimal strings). */
  usage: string[];
}

export interface SeededMonth {
  resources: number;
  orders: number;
  usageReports: number;
  /** The month's total per currency, by this file's arithmetic. */
  expected: Record<string, string>;
  /** Invoice items the month should have (fixed and limit stretches, usage charges). */
  expectedItems: number;
  seedSeconds: number;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** The lives of `count` resources around the month [start, end) (seconds), from a fixed seed. */
function livesAround(count: number, start: number, end: number, seed: number): Life[] {
  const random = prng(seed);
  const length = end - start;
  return Array.from({ length: count }, (_, i): Life => {
    const offering = random.next() < 0.75 ? 0 : 1;
    const plans = OFFERINGS[offering].plans.length;
    const plan = random.int(0, plans - 1);
    const kind = random.weighted<'before' | 'in' | 'after' | 'gone'>([
      ['before', 55],
      ['in', 35],
      ['after', 5],
      ['gone', 5],
    ]);
    // Now and then created exactly at the month's start (billed from it) and terminated exactly at its end.
    const atStart = i % 997 === 0 && kind === 'in';
    const created = atStart
      ? start
      : kind === 'before' || kind === 'gone'
        ? start - random.int(1, 90 * DAY)
        : kind === 'in'
          ? start + random.int(0, length - 1)
          : end + random.int(0, 5 * DAY);
    // Later events at distinct seconds after the creation, up to a few days past the month.
    const horizon = kind === 'gone' ? start : end + 3 * DAY;
    const times = Array.from({ length: 4 }, () => random.int(created + 1, Math.max(created + 2, horizon)))
      .sort((a, b) => a - b)
      .map((t, k) => t + k);
    const life: Life = { offering, plan, cpu: random.int(1, 16), created, usage: [] };
    if (random.next() < 0.35) {
      const switchPlan = random.next() < 0.4;
      life.change = switchPlan
        ? { at: times[0], plan: (plan + random.int(1, plans - 1)) % plans }
        : { at: times[0], cpu: ((life.cpu + random.int(0, 14)) % 16) + 1 };
    }
    if (random.next() < 0.15) {
      life.paused = times[1];
      if (random.next() < 0.6) life.resumed = times[2];
    }
    if (kind === 'gone') life.terminated = Math.min(times[3], start - 1);
    else if (i % 991 === 0 && created < end) life.terminated = end;
    else if (random.next() < 0.25) life.terminated = times[3];
    const reports = random.int(0, 3);
    for (let r = 0; r < reports; r++) life.usage.push((random.int(0, 2_000_000) / 1000).toFixed(3));
    return life;
  });
}

const priceOf = (offering: number, plan: number, component: 'base' | 'cpu' | 'storage') =>
  new Decimal(OFFERINGS[offering].plans[plan].prices[component]);

/** Cuts [from, to) at the given instants. */
function cut(piece: [number, number], at: number[]): [number, number][] {
  const points = [piece[0], ...at.filter((t) => t > piece[0] && t < piece[1]).sort((a, b) => a - b), piece[1]];
  return points.slice(1).map((t, k) => [points[k], t]);
}

/** [from, to) less the paused stretch [p, r). */
function lessPause(piece: [number, number], paused: number, resumed: number): [number, number][] {
  const out: [number, number][] = [];
  if (paused > piece[0]) out.push([piece[0], Math.min(paused, piece[1])]);
  if (resumed < piece[1]) out.push([Math.max(resumed, piece[0]), piece[1]]);
  return out.filter(([a, b]) => b > a);
}

/** Adds one resource's month to the sums per currency; returns how many items it makes. */
function addExpected(life: Life, start: number, end: number, sums: Map<string, Decimal>): number {
  const from = Math.max(life.created, start);
  const to = Math.min(life.terminated ?? Infinity, end);
  if (to <= from) return 0;
  const offering = OFFERINGS[life.offering];
  const change = life.change;
  const planAt = (t: number) => (change?.plan !== undefined && t >= change.at ? change.plan : life.plan);
  const cpuAt = (t: number) => (change?.cpu !== undefined && t >= change.at ? change.cpu : life.cpu);
  const currency = offering.plans[life.plan].currency;
  const round = (amount: Decimal) => amount.toDecimalPlaces(MINOR_UNIT[currency], Decimal.ROUND_HALF_UP);
  let sum = sums.get(currency) ?? new Decimal(0);
  let items = 0;
  for (const component of ['base', 'cpu'] as const) {
    // A fixed component's item changes with the plan; a limit component's with the plan or the limit.
    const splits = change && (component === 'cpu' || change.plan !== undefined) ? [change.at] : [];
    let pieces = cut([from, to], splits);
    if (!offering.bill_paused && life.paused !== undefined)
      pieces = pieces.flatMap((p) => lessPause(p, life.paused!, life.resumed ?? Infinity));
    for (const [a, b] of pieces) {
      const plan = offering.plans[planAt(a)];
      const quantity = component === 'cpu' ? cpuAt(a) : 1;
      const unitSeconds = UNIT_SECONDS[plan.unit] ?? end - start;
      sum = sum.plus(
        round(
          priceOf(life.offering, planAt(a), component)
            .times(quantity)
            .times(b - a)
            .dividedBy(unitSeconds),
        ),
      );
      items++;
    }
  }
  const used = life.usage.reduce((total, amount) => total.plus(amount), new Decimal(0));
  if (!used.isZero()) {
    // The plan held at the last instant of the resource's life in the month.
    sum = sum.plus(round(used.times(priceOf(life.offering, planAt(to - 1), 'storage'))));
    items++;
  }
  sums.set(currency, sum);
  return items;
}

/**
 * Writes the month's data into an empty, migrated database and returns the expected totals.
 * `period` is `YYYY-MM`; organizations: `organizations` consumers with 5 projects each.
 */
export async function seedMonth(
  database: Database,
  options: { resources: number; period: string; organizations?: number; seed?: number },
): Promise<SeededMonth> {
  const began = performance.now();
  const [year, month] = options.period.split('-').map(Number);
  const start = Date.UTC(year, month - 1, 1) / 1000;
  const end = Date.UTC(year, month, 1) / 1000;
  const previous = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
  const lives = livesAround(options.resources, start, end, options.seed ?? 13);

  const provider = organizationRow('Bench provider');
  const consumers = Array.from({ length: options.organizations ?? 20 }, (_, i) => organizationRow(`Consumer ${i + 1}`));
  const projects = consumers.flatMap((o) => Array.from({ length: 5 }, (_, k) => projectRow(o.id, `project-${k + 1}`)));
  const category = categoryRow();
  const offerings = OFFERINGS.map((o) =>
    offeringRow(provider.id, category.id, COMPONENTS, { name: o.name, bill_paused: o.bill_paused }),
  );
  const plans = OFFERINGS.map((o, k) =>
    o.plans.map((p) => planRow(offerings[k].id, p.name, p.unit, p.prices, p.currency)),
  );

  const resources = lives.map((life, i) =>
    resourceRow({
      project_id: projects[i % projects.length].id,
      offering_id: offerings[life.offering].id,
      plan_id: plans[life.offering][life.plan].id,
      name: `vm-${String(i + 1).padStart(6, '0')}`,
      // The row is made when the create order is placed, shortly before it is done.
      created_at: iso(life.created - 600),
    }),
  );
  const orders = lives.flatMap((life, i) => {
    const resource = resources[i];
    const plan = (k: number) => plans[life.offering][k].id;
    const list = [orderRow(resource, { type: 'create', completed_at: iso(life.created), limits: { cpu: life.cpu } })];
    const change = life.change;
    if (change?.plan !== undefined)
      list.push(
        orderRow(resource, {
          type: 'update',
          completed_at: iso(change.at),
          plan_id: plan(change.plan),
          limits: { cpu: life.cpu },
          changes: ['plan_id'],
        }),
      );
    if (change?.cpu !== undefined)
      list.push(
        orderRow(resource, {
          type: 'update',
          completed_at: iso(change.at),
          limits: { cpu: change.cpu },
          changes: ['limits'],
        }),
      );
    if (life.paused !== undefined) list.push(orderRow(resource, { type: 'pause', completed_at: iso(life.paused) }));
    if (life.resumed !== undefined) list.push(orderRow(resource, { type: 'resume', completed_at: iso(life.resumed) }));
    if (life.terminated !== undefined)
      list.push(orderRow(resource, { type: 'terminate', completed_at: iso(life.terminated) }));
    // A failed update changes nothing.
    if (i % 7 === 0)
      list.push(
        orderRow(resource, {
          type: 'update',
          completed_at: iso(life.created + 60),
          limits: { cpu: 64 },
          changes: ['limits'],
          state: 'erred',
        }),
      );
    return list;
  });
  const usage = lives.flatMap((life, i) => [
    ...life.usage.map((amount) => usageReportRow(resources[i].id, 'storage', options.period, amount)),
    // The month before is not this month's.
    usageReportRow(resources[i].id, 'storage', previous, '1000'),
  ]);

  const { db } = database;
  await insertRows(db, 'organizations', [provider, ...consumers]);
  await insertRows(db, 'projects', projects);
  await insertRows(db, 'categories', [category]);
  await insertRows(db, 'offerings', offerings);
  await insertRows(db, 'plans', plans.flat());
  await insertRows(db, 'resources', resources);
  await insertRows(db, 'orders', orders);
  await insertRows(db, 'usage_reports', usage);

  const sums = new Map<string, Decimal>();
  let expectedItems = 0;
  for (const life of lives) expectedItems += addExpected(life, start, end, sums);
  const expected = Object.fromEntries(
    [...sums]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, sum]) => [currency, sum.toFixed(MINOR_UNIT[currency])]),
  );
  return {
    resources: resources.length,
    orders: orders.length,
    usageReports: usage.length,
    expected,
    expectedItems,
    seedSeconds: (performance.now() - began) / 1000,
  };
}
