import type { Component } from '../src/catalog/offering-model';
import { billingMonth } from '../src/billing/billing-month';
import { currencyOf } from '../src/billing/currencies';
import type { BillingData } from '../src/billing/invoice-data';
import type { InvoiceItem } from '../src/billing/invoice-item';
import { invoiceFigures, totalsOf } from '../src/billing/invoices';
import { money } from '../src/billing/money';
import { chargesOf, type BilledPlan, type BilledResource } from '../src/billing/resource-charges';
import { timelineOf, type HistoryOrder } from '../src/billing/resource-timeline';

/**
 * Every invoice figure of issue 13's rules, computed by hand in the comments: the billing core
 * (billing-month.ts, resource-timeline.ts, resource-charges.ts, invoices.ts) as pure functions, no
 * server. A day is 86,400 s; April 2024 has 30 days (2,592,000 s), January 31, February 2024 29.
 */

const DAY = 86_400;

const BASE: Component = { type: 'base', name: 'Base', billing_type: 'fixed' };
const CPU: Component = { type: 'cpu', name: 'CPU', measured_unit: 'core', billing_type: 'limit' };
const STORAGE: Component = { type: 'storage', name: 'Storage', measured_unit: 'GB', billing_type: 'usage' };
const SETUP: Component = { type: 'setup', name: 'Set-up', billing_type: 'one-time' };

function plan(id: string, unit: string, prices: Record<string, string>, currency = 'EUR'): BilledPlan {
  const prices_ = Object.fromEntries(Object.entries(prices).map(([type, price]) => [type, money(price)]));
  return { id, name: id.toUpperCase(), unit, prices: prices_, currency: currencyOf(currency)! };
}

const PLANS = new Map(
  [
    plan('monthly', 'month', { base: '30', cpu: '2', storage: '0.10', setup: '99.99' }),
    plan('daily', 'day', { base: '1.5', cpu: '0.1', storage: '0.07' }),
    plan('hourly', 'hour', { base: '0.05', cpu: '0.005' }),
    plan('thirty-one', 'month', { base: '31' }),
    plan('once', 'one-time', { base: '50', cpu: '3' }),
    plan('cent', 'month', { base: '0.01' }),
    plan('unpriced', 'month', { cpu: '2' }),
    plan('yen', 'month', { base: '5' }, 'JPY'),
    plan('yen-1000', 'month', { base: '1000' }, 'JPY'),
    plan('dinar', 'month', { base: '1.2345' }, 'BHD'),
    plan('dinar-thousandth', 'month', { base: '0.001' }, 'BHD'),
  ].map((p) => [p.id, p]),
);

type Order = Partial<HistoryOrder> & Pick<HistoryOrder, 'type' | 'completed_at'>;

const create = (at: string, plan_id = 'monthly', limits: Record<string, number> = {}): Order => ({
  type: 'create',
  completed_at: at,
  plan_id,
  limits: JSON.stringify(limits),
});
const switchPlan = (at: string, plan_id: string): Order => ({
  type: 'update',
  completed_at: at,
  plan_id,
  changes: '["plan_id"]',
});
const setLimits = (at: string, limits: Record<string, number>): Order => ({
  type: 'update',
  completed_at: at,
  limits: JSON.stringify(limits),
  changes: '["limits"]',
});
const action = (type: HistoryOrder['type'], at: string): Order => ({ type, completed_at: at });

/** Orders as the database gives them: every column, the plan and limits unchanged where an order has none. */
const history = (orders: Order[]): HistoryOrder[] =>
  orders.map((o) => ({ plan_id: 'ignored', limits: '{}', changes: '[]', ...o }));

interface Options {
  components?: Component[];
  bill_paused?: boolean;
  usage?: Record<string, string>;
  id?: string;
  name?: string;
  project_name?: string;
}

function resource(orders: Order[], options: Options = {}): BilledResource {
  const id = options.id ?? 'r1';
  return {
    id,
    name: options.name ?? id,
    project_id: `p-${options.project_name ?? 'alpha'}`,
    project_name: options.project_name ?? 'alpha',
    offering_id: 'o1',
    offering_name: 'VMs',
    provider_organization_id: 'provider',
    components: options.components ?? [BASE],
    bill_paused: options.bill_paused ?? true,
    timeline: timelineOf(history(orders)),
    usage: Object.fromEntries(Object.entries(options.usage ?? {}).map(([type, amount]) => [type, money(amount)])),
  };
}

const charges = (period: string, orders: Order[], options: Options = {}) =>
  chargesOf(resource(orders, options), PLANS, billingMonth(period));

/** The figures of an item that the rules fix, in a form easy to read in a failure. */
const figures = (items: InvoiceItem[]) =>
  items.map((i) => ({
    component: i.component,
    plan: i.plan_id,
    unit: i.plan_unit,
    quantity: i.quantity,
    unit_price: i.unit_price,
    from: i.period_start,
    to: i.period_end,
    seconds: i.billed_seconds,
    amount: i.amount,
    currency: i.currency,
  }));

const amounts = (items: InvoiceItem[]) => items.map((i) => i.amount);

describe('calendar months in UTC', () => {
  test.each([
    ['2023-02', 28, '2023-02-01T00:00:00.000Z', '2023-03-01T00:00:00.000Z'],
    ['2024-02', 29, '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['2024-04', 30, '2024-04-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z'],
    ['2024-01', 31, '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
    ['2024-12', 31, '2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
    // Years 0-99 are those years, not 1900-1999 (as Date.UTC would read them).
    ['0099-12', 31, '0099-12-01T00:00:00.000Z', '0100-01-01T00:00:00.000Z'],
  ])('%s has %i days', (period, days, start, end) => {
    const month = billingMonth(period);
    expect(month.seconds).toBe(days * DAY);
    expect(new Date(month.start).toISOString()).toBe(start);
    expect(new Date(month.end).toISOString()).toBe(end);
  });

  test('another form is refused', () => {
    expect(() => billingMonth('2024-13')).toThrow('not a YYYY-MM period: 2024-13');
    expect(() => billingMonth('2024-4')).toThrow('not a YYYY-MM period');
  });
});

describe('fixed: the plan price prorated by the seconds of the month the resource is active', () => {
  // 31 a month; created on a day that leaves 14 days of the month, then running on to its end.
  test.each([
    ['2023-02', '2023-02-15T00:00:00.000Z', '2023-03-01T00:00:00.000Z', '15.50'], // 31 × 14/28 = 15.5
    ['2024-02', '2024-02-16T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '14.97'], // 31 × 14/29 = 14.9655… → 14.97
    ['2024-04', '2024-04-17T00:00:00.000Z', '2024-05-01T00:00:00.000Z', '14.47'], // 31 × 14/30 = 14.4666… → 14.47
    ['2024-01', '2024-01-18T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '14.00'], // 31 × 14/31 = 14
  ])('%s: created mid-month and running on, billed to the end of the month', (period, from, to, amount) => {
    expect(figures(charges(period, [create(from, 'thirty-one')]))).toEqual([
      {
        component: 'base',
        plan: 'thirty-one',
        unit: 'month',
        quantity: '1',
        unit_price: '31',
        from,
        to,
        seconds: 14 * DAY,
        amount,
        currency: 'EUR',
      },
    ]);
  });

  test.each(['2023-02', '2024-02', '2024-04', '2024-01'])('%s: a whole month is the whole price, 31.00', (period) => {
    const items = charges(period, [create('2022-06-10T08:00:00.000Z', 'thirty-one')]);
    expect(amounts(items)).toEqual(['31.00']);
    expect(items[0].billed_seconds).toBe(billingMonth(period).seconds);
  });

  test('spanning a month boundary: each month bills its own share', () => {
    const orders = [create('2024-01-21T12:00:00.000Z', 'thirty-one'), action('terminate', '2024-02-15T00:00:00.000Z')];
    // January: 21 Jan 12:00 to 1 Feb = 10.5 days: 31 × 10.5/31 = 10.50
    expect(figures(charges('2024-01', orders))).toMatchObject([
      { from: '2024-01-21T12:00:00.000Z', to: '2024-02-01T00:00:00.000Z', seconds: 10.5 * DAY, amount: '10.50' },
    ]);
    // February (29 days): 1 Feb to 15 Feb = 14 days: 31 × 14/29 = 14.9655… → 14.97
    expect(figures(charges('2024-02', orders))).toMatchObject([
      { from: '2024-02-01T00:00:00.000Z', to: '2024-02-15T00:00:00.000Z', seconds: 14 * DAY, amount: '14.97' },
    ]);
    expect(charges('2023-12', orders)).toEqual([]);
    expect(charges('2024-03', orders)).toEqual([]);
  });

  test('created and terminated in the same month: only the time between', () => {
    // 10 Apr 06:00 to 20 Apr 18:00 = 10.5 days of 30, at 30 a month: 30 × 10.5/30 = 10.50
    const orders = [create('2024-04-10T06:00:00.000Z'), action('terminate', '2024-04-20T18:00:00.000Z')];
    expect(figures(charges('2024-04', orders))).toMatchObject([
      { from: '2024-04-10T06:00:00.000Z', to: '2024-04-20T18:00:00.000Z', seconds: 10.5 * DAY, amount: '10.50' },
    ]);
  });

  test('terminated exactly at a month start: nothing in that month', () => {
    const orders = [create('2024-03-15T00:00:00.000Z', 'thirty-one'), action('terminate', '2024-04-01T00:00:00.000Z')];
    expect(amounts(charges('2024-03', orders))).toEqual(['17.00']); // 31 × 17/31 = 17
    expect(charges('2024-04', orders)).toEqual([]);
  });

  test('created after the month: nothing', () => {
    expect(charges('2024-04', [create('2024-05-01T00:00:00.000Z')])).toEqual([]);
  });

  test('a component the plan prices not: an item of amount 0', () => {
    expect(figures(charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'unpriced')]))).toMatchObject([
      { component: 'base', quantity: '1', unit_price: '0', seconds: 15 * DAY, amount: '0.00' },
    ]);
  });
});

describe('limit: price per unit of the limit held, prorated over each interval a limit held', () => {
  const components = [CPU];

  test('a limit change mid-month makes two items', () => {
    const orders = [
      create('2024-03-20T00:00:00.000Z', 'monthly', { cpu: 4 }),
      setLimits('2024-04-16T00:00:00.000Z', { cpu: 8 }),
    ];
    expect(figures(charges('2024-04', orders, { components }))).toEqual([
      // 4 cores × 2 × 15/30 = 4.00
      expect.objectContaining({
        quantity: '4',
        unit_price: '2',
        from: '2024-04-01T00:00:00.000Z',
        to: '2024-04-16T00:00:00.000Z',
        seconds: 15 * DAY,
        amount: '4.00',
      }),
      // 8 cores × 2 × 15/30 = 8.00
      expect.objectContaining({
        quantity: '8',
        unit_price: '2',
        from: '2024-04-16T00:00:00.000Z',
        to: '2024-05-01T00:00:00.000Z',
        seconds: 15 * DAY,
        amount: '8.00',
      }),
    ]);
  });

  test('a limit of 0, or none given, is not charged', () => {
    expect(charges('2024-04', [create('2024-04-01T00:00:00.000Z', 'monthly', { cpu: 0 })], { components })).toEqual([]);
    expect(charges('2024-04', [create('2024-04-01T00:00:00.000Z', 'monthly', {})], { components })).toEqual([]);
  });

  test('a limit set to 0 mid-month ends the charge there; set back, it starts again', () => {
    const orders = [
      create('2024-04-01T00:00:00.000Z', 'monthly', { cpu: 3 }),
      setLimits('2024-04-11T00:00:00.000Z', { cpu: 0 }),
      setLimits('2024-04-21T00:00:00.000Z', { cpu: 3 }),
    ];
    // 3 × 2 × 10/30 = 2.00, twice
    expect(figures(charges('2024-04', orders, { components }))).toMatchObject([
      { quantity: '3', from: '2024-04-01T00:00:00.000Z', to: '2024-04-11T00:00:00.000Z', amount: '2.00' },
      { quantity: '3', from: '2024-04-21T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z', amount: '2.00' },
    ]);
  });
});

describe('a plan switch mid-month splits the month, each part at its plan price and unit', () => {
  const orders = [
    create('2024-03-01T00:00:00.000Z', 'monthly', { cpu: 3 }),
    switchPlan('2024-04-11T00:00:00.000Z', 'daily'),
    switchPlan('2024-04-21T00:00:00.000Z', 'hourly'),
  ];

  test('month, then day, then hour', () => {
    expect(figures(charges('2024-04', orders, { components: [BASE, CPU] }))).toEqual([
      // base, monthly: 30 × 10/30 = 10.00
      expect.objectContaining({
        component: 'base',
        plan: 'monthly',
        unit: 'month',
        quantity: '1',
        unit_price: '30',
        seconds: 10 * DAY,
        amount: '10.00',
      }),
      // base, daily: 1.5 × 10 days = 15.00
      expect.objectContaining({
        component: 'base',
        plan: 'daily',
        unit: 'day',
        quantity: '1',
        unit_price: '1.5',
        seconds: 10 * DAY,
        amount: '15.00',
      }),
      // base, hourly: 0.05 × 240 hours = 12.00
      expect.objectContaining({
        component: 'base',
        plan: 'hourly',
        unit: 'hour',
        quantity: '1',
        unit_price: '0.05',
        seconds: 10 * DAY,
        amount: '12.00',
      }),
      // cpu 3, monthly: 3 × 2 × 10/30 = 2.00
      expect.objectContaining({ component: 'cpu', plan: 'monthly', quantity: '3', unit_price: '2', amount: '2.00' }),
      // cpu 3, daily: 3 × 0.1 × 10 = 3.00
      expect.objectContaining({ component: 'cpu', plan: 'daily', quantity: '3', unit_price: '0.1', amount: '3.00' }),
      // cpu 3, hourly: 3 × 0.005 × 240 = 3.60
      expect.objectContaining({ component: 'cpu', plan: 'hourly', quantity: '3', unit_price: '0.005', amount: '3.60' }),
    ]);
  });

  test('the items split where the plan changed', () => {
    const base = charges('2024-04', orders).map((i) => [i.period_start, i.period_end]);
    expect(base).toEqual([
      ['2024-04-01T00:00:00.000Z', '2024-04-11T00:00:00.000Z'],
      ['2024-04-11T00:00:00.000Z', '2024-04-21T00:00:00.000Z'],
      ['2024-04-21T00:00:00.000Z', '2024-05-01T00:00:00.000Z'],
    ]);
  });

  test('a plan switch and a limit change at once: one split', () => {
    const both: Order = {
      ...switchPlan('2024-04-16T00:00:00.000Z', 'daily'),
      limits: '{"cpu":5}',
      changes: '["plan_id","limits"]',
    };
    const items = charges('2024-04', [create('2024-04-01T00:00:00.000Z', 'monthly', { cpu: 2 }), both], {
      components: [CPU],
    });
    // 2 × 2 × 15/30 = 2.00; then 5 × 0.1 × 15 days = 7.50
    expect(figures(items)).toMatchObject([
      { plan: 'monthly', quantity: '2', amount: '2.00' },
      { plan: 'daily', quantity: '5', amount: '7.50' },
    ]);
  });
});

describe('pause and resume', () => {
  const orders = [
    create('2024-03-01T00:00:00.000Z'),
    action('pause', '2024-04-11T00:00:00.000Z'),
    action('resume', '2024-04-21T00:00:00.000Z'),
  ];

  test('paused time billed (bill_paused true): one item for the whole month', () => {
    expect(figures(charges('2024-04', orders, { bill_paused: true }))).toMatchObject([
      { from: '2024-04-01T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z', seconds: 30 * DAY, amount: '30.00' },
    ]);
  });

  test('paused time free (bill_paused false): a gap, two items', () => {
    // 30 × 10/30 = 10.00 before the pause, 10.00 after the resume
    expect(figures(charges('2024-04', orders, { bill_paused: false }))).toMatchObject([
      { from: '2024-04-01T00:00:00.000Z', to: '2024-04-11T00:00:00.000Z', seconds: 10 * DAY, amount: '10.00' },
      { from: '2024-04-21T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z', seconds: 10 * DAY, amount: '10.00' },
    ]);
  });

  test('paused across the boundary and free: the next month bills from the resume', () => {
    const across = [
      create('2024-03-01T00:00:00.000Z'),
      action('pause', '2024-03-21T00:00:00.000Z'),
      action('resume', '2024-04-06T00:00:00.000Z'),
    ];
    // 30 × 25/30 = 25.00
    expect(figures(charges('2024-04', across, { bill_paused: false }))).toMatchObject([
      { from: '2024-04-06T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z', seconds: 25 * DAY, amount: '25.00' },
    ]);
  });
});

describe('one-time charges', () => {
  test('a one-time component: once, in the month of creation, at the creation instant', () => {
    const orders = [create('2024-04-10T09:30:00.000Z')];
    expect(figures(charges('2024-04', orders, { components: [SETUP] }))).toEqual([
      {
        component: 'setup',
        plan: 'monthly',
        unit: 'month',
        quantity: '1',
        unit_price: '99.99',
        from: '2024-04-10T09:30:00.000Z',
        to: '2024-04-10T09:30:00.000Z',
        seconds: 0,
        amount: '99.99',
        currency: 'EUR',
      },
    ]);
    expect(charges('2024-05', orders, { components: [SETUP] })).toEqual([]);
    expect(charges('2024-03', orders, { components: [SETUP] })).toEqual([]);
  });

  test('created exactly at a month start: charged in that month', () => {
    const orders = [create('2024-05-01T00:00:00.000Z')];
    expect(amounts(charges('2024-05', orders, { components: [SETUP] }))).toEqual(['99.99']);
    expect(charges('2024-04', orders, { components: [SETUP] })).toEqual([]);
  });

  test('a plan priced `one-time`: every fixed and limit component once, nothing by time', () => {
    const orders = [create('2024-04-10T00:00:00.000Z', 'once', { cpu: 4 })];
    expect(figures(charges('2024-04', orders, { components: [BASE, CPU] }))).toMatchObject([
      { component: 'base', unit: 'one-time', quantity: '1', unit_price: '50', seconds: 0, amount: '50.00' },
      // 4 × 3 = 12.00
      { component: 'cpu', unit: 'one-time', quantity: '4', unit_price: '3', seconds: 0, amount: '12.00' },
    ]);
    expect(charges('2024-05', orders, { components: [BASE, CPU] })).toEqual([]);
  });
});

describe('usage: the month reported, at the price of the plan held last in the month', () => {
  test('priced at the last plan', () => {
    const orders = [create('2024-03-01T00:00:00.000Z'), switchPlan('2024-04-16T00:00:00.000Z', 'daily')];
    // 20.5 GB at the daily plan's 0.07 = 1.435 → 1.44 (half-up); not the monthly plan's 0.10
    expect(figures(charges('2024-04', orders, { components: [STORAGE], usage: { storage: '20.5' } }))).toEqual([
      {
        component: 'storage',
        plan: 'daily',
        unit: 'day',
        quantity: '20.5',
        unit_price: '0.07',
        from: '2024-04-01T00:00:00.000Z',
        to: '2024-05-01T00:00:00.000Z',
        seconds: 0,
        amount: '1.44',
        currency: 'EUR',
      },
    ]);
  });

  test('no usage, or usage of a resource not alive in the month: no item', () => {
    expect(charges('2024-04', [create('2024-03-01T00:00:00.000Z')], { components: [STORAGE] })).toEqual([]);
    expect(
      charges('2024-04', [create('2024-03-01T00:00:00.000Z')], { components: [STORAGE], usage: { storage: '0' } }),
    ).toEqual([]);
    const gone = [create('2024-03-01T00:00:00.000Z'), action('terminate', '2024-04-01T00:00:00.000Z')];
    expect(charges('2024-04', gone, { components: [STORAGE], usage: { storage: '5' } })).toEqual([]);
  });

  test('usage the plan prices not: an item of amount 0', () => {
    const items = charges('2024-04', [create('2024-03-01T00:00:00.000Z', 'hourly')], {
      components: [STORAGE],
      usage: { storage: '7' },
    });
    expect(figures(items)).toMatchObject([{ quantity: '7', unit_price: '0', amount: '0.00' }]);
  });

  test('usage of a resource paused and free still counts: it was reported', () => {
    const orders = [create('2024-03-01T00:00:00.000Z'), action('pause', '2024-03-20T00:00:00.000Z')];
    expect(
      amounts(
        charges('2024-04', orders, { components: [STORAGE, BASE], bill_paused: false, usage: { storage: '10' } }),
      ),
    ).toEqual(['1.00']); // 10 × 0.10
  });
});

describe('rounding: once per item, half-up, to the currency minor unit', () => {
  test('exactly half a cent rounds up: 0.01 for half a month of 30 days is 0.005 → 0.01', () => {
    expect(amounts(charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'cent')]))).toEqual(['0.01']);
  });

  test('JPY has no decimals: 5 for half a month is 2.5 → 3; 1000 for 10 days of 30 is 333.33… → 333', () => {
    const half = charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'yen')]);
    expect(figures(half)).toMatchObject([{ currency: 'JPY', amount: '3' }]);
    expect(amounts(charges('2024-04', [create('2024-04-21T00:00:00.000Z', 'yen-1000')]))).toEqual(['333']);
  });

  test('BHD has three decimals: 1.2345 a month is 1.235; 0.001 for half a month is 0.0005 → 0.001', () => {
    expect(figures(charges('2024-04', [create('2024-03-01T00:00:00.000Z', 'dinar')]))).toMatchObject([
      { currency: 'BHD', unit_price: '1.2345', amount: '1.235' },
    ]);
    expect(amounts(charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'dinar-thousandth')]))).toEqual(['0.001']);
  });

  test('totals add the rounded items, per currency in code order', () => {
    const items = [
      ...charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'cent')]), // 0.005 → 0.01
      ...charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'cent')]), // 0.01
      ...charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'cent')]), // 0.01
      ...charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'yen')]), // 2.5 → 3
      ...charges('2024-04', [create('2024-04-16T00:00:00.000Z', 'dinar')]), // 1.2345 × 15/30 = 0.61725 → 0.617
    ];
    // EUR: 0.01 × 3 = 0.03 (not 0.015 → 0.02: the invoice adds what it shows)
    expect(totalsOf(items)).toEqual([
      { currency: 'BHD', amount: '0.617' },
      { currency: 'EUR', amount: '0.03' },
      { currency: 'JPY', amount: '3' },
    ]);
    expect(totalsOf([])).toEqual([]);
  });
});

describe('what the orders say, whatever order they come in', () => {
  const orders = [
    create('2024-04-01T00:00:00.000Z', 'monthly', { cpu: 2 }),
    setLimits('2024-04-06T00:00:00.000Z', { cpu: 4 }),
    action('pause', '2024-04-11T00:00:00.000Z'),
    action('resume', '2024-04-16T00:00:00.000Z'),
    switchPlan('2024-04-21T00:00:00.000Z', 'daily'),
    action('terminate', '2024-04-26T00:00:00.000Z'),
  ];
  const options = { components: [BASE, CPU], bill_paused: false };

  test('orders given out of time order make the same items', () => {
    const inOrder = charges('2024-04', orders, options);
    // base: 1–11 Apr 30 × 10/30 = 10.00; 16–21 Apr 30 × 5/30 = 5.00; 21–26 Apr daily 1.5 × 5 = 7.50
    // cpu: 2 × 2 × 5/30 = 0.666… → 0.67; 4 × 2 × 5/30 = 1.333… → 1.33 (paused 11–16 free);
    //      4 × 2 × 5/30 = 1.33 from the resume; daily 4 × 0.1 × 5 = 2.00
    expect(amounts(inOrder)).toEqual(['10.00', '5.00', '7.50', '0.67', '1.33', '1.33', '2.00']);
    expect(charges('2024-04', [...orders].reverse(), options)).toEqual(inOrder);
    expect(charges('2024-04', [orders[3], orders[0], orders[5], orders[1], orders[4], orders[2]], options)).toEqual(
      inOrder,
    );
  });

  test('two orders at the same instant: the later given wins, no empty item', () => {
    const sameInstant = [
      create('2024-04-01T00:00:00.000Z', 'monthly', { cpu: 2 }),
      setLimits('2024-04-01T00:00:00.000Z', { cpu: 6 }),
    ];
    // 6 × 2 × 30/30 = 12.00, one item
    expect(figures(charges('2024-04', sameInstant, { components: [CPU] }))).toMatchObject([
      { quantity: '6', from: '2024-04-01T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z', amount: '12.00' },
    ]);
    const pausedAtOnce = [
      create('2024-04-01T00:00:00.000Z'),
      action('pause', '2024-04-11T00:00:00.000Z'),
      action('terminate', '2024-04-11T00:00:00.000Z'),
    ];
    expect(amounts(charges('2024-04', pausedAtOnce, { bill_paused: false }))).toEqual(['10.00']);
  });

  test('a restart, or an update that changes nothing billed, changes nothing', () => {
    const plain = charges('2024-04', [create('2024-04-01T00:00:00.000Z', 'monthly', { cpu: 2 })], options);
    const restarted = [
      create('2024-04-01T00:00:00.000Z', 'monthly', { cpu: 2 }),
      action('restart', '2024-04-10T00:00:00.000Z'),
      { type: 'update', completed_at: '2024-04-12T00:00:00.000Z', changes: '["attributes"]' } as Order,
      action('resume', '2024-04-14T00:00:00.000Z'),
    ];
    expect(charges('2024-04', restarted, options)).toEqual(plain);
    expect(amounts(plain)).toEqual(['30.00', '4.00']);
  });

  test('orders after the terminate order are ignored', () => {
    const after = [
      create('2024-04-01T00:00:00.000Z'),
      action('terminate', '2024-04-11T00:00:00.000Z'),
      action('resume', '2024-04-15T00:00:00.000Z'),
      switchPlan('2024-04-16T00:00:00.000Z', 'daily'),
      create('2024-04-20T00:00:00.000Z'),
    ];
    expect(figures(charges('2024-04', after))).toMatchObject([{ to: '2024-04-11T00:00:00.000Z', amount: '10.00' }]);
    expect(charges('2024-05', after)).toEqual([]);
  });

  test('orders before the create order are ignored', () => {
    const before = [action('pause', '2024-03-20T00:00:00.000Z'), create('2024-04-16T00:00:00.000Z')];
    expect(figures(charges('2024-04', before))).toMatchObject([{ from: '2024-04-16T00:00:00.000Z', amount: '15.00' }]);
  });
});

describe('invoices: items per organization in a stable order', () => {
  const april = billingMonth('2024-04');
  const all = [BASE, CPU, STORAGE, SETUP];
  const inOrganization = (organization_id: string, r: BilledResource) => ({ ...r, organization_id });
  const resources = [
    inOrganization(
      'org-b',
      resource([create('2024-04-01T00:00:00.000Z')], { id: 'r9', name: 'web', project_name: 'beta' }),
    ),
    inOrganization(
      'org-a',
      resource([create('2024-04-16T00:00:00.000Z', 'monthly', { cpu: 1 })], {
        id: 'r3',
        name: 'db',
        project_name: 'beta',
        components: all,
        usage: { storage: '3' },
      }),
    ),
    inOrganization(
      'org-a',
      resource([create('2024-04-16T00:00:00.000Z', 'yen')], { id: 'r2', name: 'web', project_name: 'alpha' }),
    ),
    inOrganization(
      'org-a',
      resource([create('2024-04-01T00:00:00.000Z')], { id: 'r1', name: 'web', project_name: 'beta' }),
    ),
    inOrganization(
      'org-a',
      resource([create('2024-04-01T00:00:00.000Z')], { id: 'r0', name: 'web', project_name: 'beta' }),
    ),
    // Terminated before the month: no invoice for org-c at all.
    inOrganization(
      'org-c',
      resource([create('2024-03-01T00:00:00.000Z'), action('terminate', '2024-03-31T00:00:00.000Z')]),
    ),
  ];
  const data: BillingData = { resources, plans: PLANS };

  test('by organization, then project name, resource name and id, then the components in offering order and time', () => {
    const invoices = invoiceFigures(data, april);
    expect(invoices.map((i) => i.organization_id)).toEqual(['org-a', 'org-b']);
    const [a, b] = invoices;
    expect(
      a.items.map((i) => `${i.project_name}/${i.resource_name}/${i.resource_id}/${i.component}:${i.amount}`),
    ).toEqual([
      'alpha/web/r2/base:3', // JPY 5 × 15/30 = 2.5 → 3
      'beta/db/r3/base:15.00', // 30 × 15/30
      'beta/db/r3/cpu:1.00', // 1 × 2 × 15/30
      'beta/db/r3/storage:0.30', // 3 GB × 0.10
      'beta/db/r3/setup:99.99',
      'beta/web/r0/base:30.00',
      'beta/web/r1/base:30.00',
    ]);
    // EUR: 15.00 + 1.00 + 0.30 + 99.99 + 30.00 + 30.00 = 176.29
    expect(a.totals).toEqual([
      { currency: 'EUR', amount: '176.29' },
      { currency: 'JPY', amount: '3' },
    ]);
    expect(a.period).toBe('2024-04');
    expect(b.items.map((i) => i.resource_id)).toEqual(['r9']);
    expect(b.totals).toEqual([{ currency: 'EUR', amount: '30.00' }]);
  });

  test('the same data in another order makes the same invoices', () => {
    expect(invoiceFigures({ ...data, resources: [...resources].reverse() }, april)).toEqual(
      invoiceFigures(data, april),
    );
  });
});
