/**
 * The `mercato_invoice` data source through the real Terraform CLI: a pending invoice read with
 * every figure exact (a one-time plan in USD: 7.04 + 10.00 = 17.04, test/support/billed-resource.ts),
 * a closed month's empty final one, and a period checked at plan time naming the attribute.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { errors, expectNoChanges } from '../support/terraform';
import { orderBilledResource } from '@mercato/test-support/billed-resource';
import { makeWorld, type World } from '@mercato/test-support/world';

let h: MercatoHarness;
let w: World;

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'inv');
});
afterAll(() => h?.close());

const config = (organizationId: string, period: string) => `provider "mercato" {}

data "mercato_invoice" "month" {
  organization_id = "${organizationId}"
  period          = "${period}"
}

output "invoice" {
  value = data.mercato_invoice.month
}
`;

test('a pending invoice: state, totals and items as the server computes them', async () => {
  const { period, resourceId, plan } = await orderBilledResource(w, 'tf-billed');
  const ws = h.workspace('pending', config(w.consumer.organization.id, period), {
    MERCATO_TOKEN: w.consumer.owner.token,
  });
  const applied = await ws.apply();
  expect(errors(applied)).toEqual([]);
  const invoice = (await ws.outputValues()).invoice as Record<string, unknown>;
  expect(invoice).toMatchObject({
    organization_id: w.consumer.organization.id,
    period,
    id: null,
    state: 'pending',
    closed_at: null,
    totals: [{ currency: 'USD', amount: '17.04' }],
  });
  const items = (invoice.items as Record<string, unknown>[]).sort((a, b) =>
    String(a.component).localeCompare(String(b.component)),
  );
  const common = {
    resource_id: resourceId,
    resource_name: 'tf-billed',
    project_id: w.consumer.project.id,
    offering_id: w.autoApproved.id,
    provider_organization_id: w.provider.id,
    plan_id: plan.id,
    plan_unit: 'one-time',
    currency: 'USD',
    billed_seconds: 0,
  };
  expect(items).toEqual([
    expect.objectContaining({
      ...common,
      component: 'base',
      billing_type: 'fixed',
      quantity: '1',
      unit_price: '10',
      amount: '10.00',
    }),
    expect.objectContaining({
      ...common,
      component: 'cpu',
      billing_type: 'limit',
      quantity: '3',
      unit_price: '2.345',
      amount: '7.04',
    }),
  ]);
  // A one-time charge covers an instant in the month: start and end are the same.
  for (const item of items) {
    expect(item.period_start).toBe(item.period_end);
    expect(String(item.period_start).slice(0, 7)).toBe(period);
  }
  expectNoChanges(await ws.plan());
});

test('a closed month the organization owed nothing in: final, no items, totals []', async () => {
  await h.admin.expect(201, h.admin.post('/invoices/close', { period: '2021-03' }));
  const ws = h.workspace('closed', config(w.consumer.organization.id, '2021-03'));
  await ws.apply();
  expect((await ws.outputValues()).invoice).toMatchObject({ state: 'final', totals: [], items: [], id: null });
  expect(String(((await ws.outputValues()).invoice as { closed_at: string }).closed_at)).toMatch(/^20\d\d-/);
});

test('a period that is not YYYY-MM is refused at plan time, naming the attribute', async () => {
  const ws = h.workspace('bad-period', config(w.consumer.organization.id, '2026-13'));
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  expect(errors(plan).map((d) => [d.summary, d.detail, d.range?.start.line])).toEqual([
    [
      'Invalid period',
      'period must be a calendar month written YYYY-MM (pattern ^[0-9]{4}-(0[1-9]|1[0-2])$); got "2026-13".',
      ws.lineOf('period          = "2026-13"'),
    ],
  ]);
});
