/**
 * Cost estimates in Terraform, through the real CLI: the `mercato_cost_estimate` data source, the
 * computed `monthly_cost_estimate` of `mercato_resource` (unknown in a plan that changes its
 * limits, exact after apply), and a plan's `currency`.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { expectNoChanges } from '../support/terraform';
import { makeWorld, type World } from '@mercato/test-support/world';

let h: MercatoHarness;
let w: World;

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'cost');
});
afterAll(() => h?.close());

const config = (cpu: number) => `provider "mercato" {}

resource "mercato_plan" "usd" {
  offering_id = "${w.autoApproved.id}"
  name        = "usd"
  currency    = "USD"
  prices      = { cpu = 2.5, base = 0.005 }
}

data "mercato_cost_estimate" "usd" {
  offering_id = "${w.autoApproved.id}"
  plan_id     = mercato_plan.usd.id
  limits      = { cpu = 3 }
}

resource "mercato_resource" "vm" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${w.autoApproved.id}"
  plan_id     = "${w.autoApproved.plan.id}"
  name        = "estimated"
  attributes  = { instance_type = "general-purpose" }
  limits      = { cpu = ${cpu} }
}

output "estimate" {
  value = data.mercato_cost_estimate.usd
}
`;

test('the data source and the resource give the server’s exact estimates, in the plan’s currency', async () => {
  const ws = h.workspace('cost', config(3));
  await ws.apply();
  const estimate = (await ws.outputValues()).estimate as Record<string, unknown>;
  expect(estimate).toMatchObject({
    currency: 'USD',
    // cpu 3 × 2.5 = 7.50; base 0.005 → 0.01, half-up
    monthly_total: '7.51',
    one_time_total: '0.00',
  });
  expect((estimate.components as { type: string; amount: string }[]).map((c) => [c.type, c.amount])).toEqual([
    ['cpu', '7.50'],
    ['base', '0.01'],
  ]);
  const state = ws.resources();
  // The world's plan "small": cpu 5 per core, base 10 per month, in EUR.
  expect(state['mercato_resource.vm'].values.monthly_cost_estimate).toBe('25.00');
  expect(state['mercato_plan.usd'].values).toMatchObject({ currency: 'USD', prices: { cpu: 2.5, base: 0.005 } });
  expectNoChanges(await ws.plan());

  ws.write(config(4));
  const planned = await ws.savedPlan();
  expect(planned.change!('mercato_resource.vm')!.after_unknown.monthly_cost_estimate).toBe(true);
  await ws.apply();
  expect(ws.resources()['mercato_resource.vm'].values.monthly_cost_estimate).toBe('30.00');
  expectNoChanges(await ws.plan());
});

test('a price change shows in the estimate at refresh, without a planned change', async () => {
  const sm = w.serviceManager.api;
  const plan = await sm.expect(
    201,
    sm.post('/plans', {
      offering_id: w.autoApproved.id,
      name: 'repriced',
      currency: 'EUR',
      prices: { cpu: 5, base: 10 },
    }),
  );
  const ws = h.workspace(
    'repriced',
    `provider "mercato" {}

resource "mercato_resource" "vm" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${w.autoApproved.id}"
  plan_id     = "${plan.id}"
  name        = "repriced"
  attributes  = { instance_type = "general-purpose" }
  limits      = { cpu = 3 }
}
`,
  );
  await ws.apply();
  const estimate = () => ws.resources()['mercato_resource.vm'].values.monthly_cost_estimate;
  expect(estimate()).toBe('25.00');

  await sm.expect(200, sm.patch(`/plans/${plan.id}`, { prices: { cpu: 6.5, base: 10 } }));
  expectNoChanges(await ws.plan());
  expect(estimate()).toBe('25.00'); // a plan writes nothing
  await ws.apply(['-refresh-only']);
  expect(estimate()).toBe('29.50'); // 3 × 6.5 + 10
  expectNoChanges(await ws.plan());
});
