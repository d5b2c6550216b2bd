import { openDatabase, type Database } from '@mercato/server';
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
import { DATABASE_KINDS, freshDatabase } from '@mercato/test-support/server-harness';
import { billingMonth } from '../src/billing/billing-month';
import { billingDataOf } from '../src/billing/invoice-data';
import { invoiceFigures } from '../src/billing/invoices';

/**
 * billingDataOf (billing/invoice-data.ts) on both databases, from rows written straight into them:
 * which resources a month's invoice reads (one organization's only; none terminated before the
 * month or created after it), their timelines from done orders only, usage summed per component
 * for the month only, and the invoices the figures make of them (April 2024: 30 days).
 */

const COMPONENTS = [
  { type: 'base', name: 'Base', billing_type: 'fixed' },
  { type: 'cpu', name: 'CPU', billing_type: 'limit', measured_unit: 'core' },
  { type: 'storage', name: 'Storage', billing_type: 'usage', measured_unit: 'GB' },
];

const provider = organizationRow('Provider');
const alpha = organizationRow('Alpha');
const beta = organizationRow('Beta');
const alphaProject = projectRow(alpha.id, 'alpha-apps');
const betaProject = projectRow(beta.id, 'beta-apps');
const category = categoryRow();
const offering = offeringRow(provider.id, category.id, COMPONENTS, { name: 'VMs' });
const pausedFree = offeringRow(provider.id, category.id, [COMPONENTS[0]], { name: 'Desktops', bill_paused: false });
const monthly = planRow(offering.id, 'Monthly', 'month', { base: '30', cpu: '2', storage: '0.10' });
const daily = planRow(offering.id, 'Daily', 'day', { base: '1.5' });
const desktopPlan = planRow(pausedFree.id, 'Desktop', 'month', { base: '30' });

const resource = (project: { id: string }, name: string, created_at: string, of = offering, plan = monthly) =>
  resourceRow({ project_id: project.id, offering_id: of.id, plan_id: plan.id, name, created_at });

const running = resource(alphaProject, 'running', '2024-02-28T10:00:00.000Z');
const half = resource(alphaProject, 'half', '2024-04-15T23:00:00.000Z');
const endedMidMonth = resource(alphaProject, 'ended-mid-month', '2024-03-10T00:00:00.000Z');
const paused = resource(alphaProject, 'paused', '2024-03-01T00:00:00.000Z', pausedFree, desktopPlan);
const gone = resource(alphaProject, 'gone', '2024-02-01T00:00:00.000Z');
const later = resource(alphaProject, 'later', '2024-05-02T00:00:00.000Z');
const doneAfter = resource(alphaProject, 'done-after', '2024-04-30T23:00:00.000Z');
const betas = resource(betaProject, 'beta-running', '2024-01-01T00:00:00.000Z');

const ORDERS = [
  orderRow(running, { type: 'create', completed_at: '2024-03-01T00:00:00.000Z', limits: { cpu: 2 } }),
  // Failed and open orders changed nothing.
  orderRow(running, {
    type: 'update',
    completed_at: '2024-04-16T00:00:00.000Z',
    plan_id: daily.id,
    changes: ['plan_id'],
    state: 'erred',
  }),
  orderRow(running, { type: 'terminate', completed_at: '2024-04-20T00:00:00.000Z', state: 'executing' }),
  orderRow(half, { type: 'create', completed_at: '2024-04-16T00:00:00.000Z', limits: { cpu: 1 } }),
  orderRow(endedMidMonth, { type: 'create', completed_at: '2024-03-10T00:00:00.000Z', limits: { cpu: 3 } }),
  orderRow(endedMidMonth, { type: 'terminate', completed_at: '2024-04-11T00:00:00.000Z' }),
  orderRow(paused, { type: 'create', completed_at: '2024-03-01T00:00:00.000Z' }),
  orderRow(paused, { type: 'pause', completed_at: '2024-04-11T00:00:00.000Z' }),
  orderRow(gone, { type: 'create', completed_at: '2024-02-01T00:00:00.000Z', limits: { cpu: 8 } }),
  orderRow(gone, { type: 'terminate', completed_at: '2024-03-20T00:00:00.000Z' }),
  orderRow(later, { type: 'create', completed_at: '2024-05-03T00:00:00.000Z', limits: { cpu: 8 } }),
  orderRow(doneAfter, { type: 'create', completed_at: '2024-05-01T00:00:00.000Z', limits: { cpu: 8 } }),
  orderRow(betas, { type: 'create', completed_at: '2024-01-01T00:00:00.000Z', limits: { cpu: 5 } }),
];

const USAGE = [
  usageReportRow(running.id, 'storage', '2024-04', '12.5'),
  usageReportRow(running.id, 'storage', '2024-04', '7.5'),
  usageReportRow(running.id, 'storage', '2024-03', '100'),
  usageReportRow(running.id, 'storage', '2024-05', '100'),
  usageReportRow(half.id, 'storage', '2024-04', '0.125'),
  usageReportRow(gone.id, 'storage', '2024-04', '100'),
  usageReportRow(betas.id, 'storage', '2024-04', '3'),
];

async function seed(database: Database) {
  const { db } = database;
  await insertRows(db, 'organizations', [provider, alpha, beta]);
  await insertRows(db, 'projects', [alphaProject, betaProject]);
  await insertRows(db, 'categories', [category]);
  await insertRows(db, 'offerings', [offering, pausedFree]);
  await insertRows(db, 'plans', [monthly, daily, desktopPlan]);
  await insertRows(db, 'resources', [running, half, endedMidMonth, paused, gone, later, doneAfter, betas]);
  await insertRows(db, 'orders', ORDERS);
  await insertRows(db, 'usage_reports', USAGE);
}

const april = billingMonth('2024-04');

describe.each(DATABASE_KINDS)('billingDataOf on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase(await freshDatabase(kind));
    await seed(database);
  });
  afterAll(() => database?.close());

  test("one organization's resources alive in the month, and none else", async () => {
    const data = await billingDataOf(database.db, april, { organizationId: alpha.id });
    const names = data.resources.map((r) => r.name).sort();
    // gone: terminated before April; later and done-after: created (done) after it; beta-running: another organization.
    expect(names).toEqual(['ended-mid-month', 'half', 'paused', 'running']);
    expect(new Set(data.resources.map((r) => r.organization_id))).toEqual(new Set([alpha.id]));
    // The erred plan switch named the daily plan; it changed nothing, so no plan but the ones held is read.
    expect([...data.plans.keys()].sort()).toEqual([monthly.id, desktopPlan.id].sort());
  });

  test('what each resource is billed on: timeline from done orders, components, bill_paused, names', async () => {
    const data = await billingDataOf(database.db, april, { organizationId: alpha.id });
    const byName = new Map(data.resources.map((r) => [r.name, r]));
    expect(byName.get('running')).toMatchObject({
      id: running.id,
      project_id: alphaProject.id,
      project_name: 'alpha-apps',
      offering_id: offering.id,
      offering_name: 'VMs',
      provider_organization_id: provider.id,
      components: COMPONENTS,
      bill_paused: true,
      timeline: [
        {
          start: Date.parse('2024-03-01T00:00:00.000Z'),
          end: null,
          plan_id: monthly.id,
          limits: { cpu: 2 },
          paused: false,
        },
      ],
    });
    expect(byName.get('paused')!.bill_paused).toBe(false);
    expect(byName.get('paused')!.timeline.map((s) => s.paused)).toEqual([false, true]);
    expect(byName.get('ended-mid-month')!.timeline).toEqual([
      {
        start: Date.parse('2024-03-10T00:00:00.000Z'),
        end: Date.parse('2024-04-11T00:00:00.000Z'),
        plan_id: monthly.id,
        limits: { cpu: 3 },
        paused: false,
      },
    ]);
  });

  test("usage summed by component, the month's reports only", async () => {
    const data = await billingDataOf(database.db, april, { organizationId: alpha.id });
    const usage = Object.fromEntries(
      data.resources.map((r) => [
        r.name,
        Object.fromEntries(Object.entries(r.usage).map(([c, a]) => [c, a.toFixed()])),
      ]),
    );
    // 12.5 + 7.5 = 20; March's and May's 100 are not April's.
    expect(usage).toEqual({
      running: { storage: '20' },
      half: { storage: '0.125' },
      'ended-mid-month': {},
      paused: {},
    });
  });

  test("the organization's invoice, every figure", async () => {
    const invoices = invoiceFigures(await billingDataOf(database.db, april, { organizationId: alpha.id }), april);
    expect(invoices.map((i) => i.organization_id)).toEqual([alpha.id]);
    expect(
      invoices[0].items.map((i) => `${i.resource_name}/${i.component}: ${i.quantity} × ${i.unit_price} = ${i.amount}`),
    ).toEqual([
      'ended-mid-month/base: 1 × 30 = 10.00', // 30 × 10/30
      'ended-mid-month/cpu: 3 × 2 = 2.00', // 3 × 2 × 10/30
      'half/base: 1 × 30 = 15.00', // 30 × 15/30
      'half/cpu: 1 × 2 = 1.00', // 1 × 2 × 15/30
      'half/storage: 0.125 × 0.1 = 0.01', // 0.0125 → 0.01
      'paused/base: 1 × 30 = 10.00', // paused time free from 11 April: 30 × 10/30
      'running/base: 1 × 30 = 30.00',
      'running/cpu: 2 × 2 = 4.00',
      'running/storage: 20 × 0.1 = 2.00',
    ]);
    // 10 + 2 + 15 + 1 + 0.01 + 10 + 30 + 4 + 2 = 74.01
    expect(invoices[0].totals).toEqual([{ currency: 'EUR', amount: '74.01' }]);
  });

  test("another organization's scope reads its own resources and usage only", async () => {
    const data = await billingDataOf(database.db, april, { organizationId: beta.id });
    expect(data.resources.map((r) => [r.name, r.organization_id])).toEqual([['beta-running', beta.id]]);
    expect(data.resources[0].usage.storage.toFixed()).toBe('3');
    const [invoice] = invoiceFigures(data, april);
    // 30 + 5 × 2 + 3 × 0.10 = 40.30
    expect(invoice.totals).toEqual([{ currency: 'EUR', amount: '40.30' }]);
  });

  test('every organization (closing a month): each gets its own invoice, never mixed', async () => {
    const invoices = invoiceFigures(await billingDataOf(database.db, april, {}), april);
    const totals = Object.fromEntries(invoices.map((i) => [i.organization_id, i.totals]));
    expect(totals).toEqual({
      [alpha.id]: [{ currency: 'EUR', amount: '74.01' }],
      [beta.id]: [{ currency: 'EUR', amount: '40.30' }],
    });
    for (const invoice of invoices) {
      const projects = new Set(invoice.items.map((i) => i.project_id));
      expect(projects).toEqual(new Set([invoice.organization_id === alpha.id ? alphaProject.id : betaProject.id]));
    }
  });

  test('the months around: March bills gone and the others, May only what was alive then', async () => {
    const may = billingMonth('2024-05');
    const mayData = await billingDataOf(database.db, may, {});
    // ended-mid-month and gone terminated before May; later and done-after created in it.
    expect(mayData.resources.map((r) => r.name).sort()).toEqual([
      'beta-running',
      'done-after',
      'half',
      'later',
      'paused',
      'running',
    ]);
    const march = await billingDataOf(database.db, billingMonth('2024-03'), {});
    expect(march.resources.map((r) => r.name).sort()).toEqual([
      'beta-running',
      'ended-mid-month',
      'gone',
      'paused',
      'running',
    ]);
  });
});
