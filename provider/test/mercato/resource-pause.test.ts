/**
 * `paused` of mercato_resource through the real Terraform CLI and the real server (issue 10):
 * changing it places a pause or resume order and waits for it, approval included; a pause or
 * resume made outside Terraform shows as a change of `paused` (in plans and in `mercato drift`);
 * with other changes, a resume comes before the update order and a pause after it; creating
 * paused creates then pauses; an offering whose plugin does not pause is refused, said at
 * `paused`. `backend_state` and the `mercato_resource` data source show what the plugin reported.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { diagnostic, errors, eventually, expectNoChanges, flat, TERRAFORM, type Workspace } from '../support/terraform';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import type { Api } from '@mercato/test-support/api-client';
import type { Order } from '../../src/client/orders';
import { checkDrift } from '../../src/drift/drift';

let h: MercatoHarness;
let w: World;
/** An active, auto-approved offering whose plugin carries out no management action and reports a backend state. */
let noActions: { id: string; plan: { id: string } };

/** A plugin as the server registers one; it creates at once and reports `{ power: 'on' }`, and lists no actions. */
const NO_ACTIONS_PLUGIN = {
  type: 'no-actions',
  description: 'Test plugin: grants at once, reports a backend state, and can neither pause nor resume.',
  provision: async ({ resource }: { resource: { id: string } }) => ({
    status: 'done' as const,
    backend_id: `na-${resource.id}`,
    state: { power: 'on' },
  }),
};

beforeAll(async () => {
  h = await createMercatoHarness();
  h.server.app.plugins.register(NO_ACTIONS_PLUGIN);
  w = await makeWorld(h.admin, 'pause');
  const api = w.serviceManager.api;
  const offering = await api.expect(
    201,
    api.post('/offerings', {
      organization_id: w.provider.id,
      category_id: w.category.id,
      name: 'Unpausable',
      type: 'no-actions',
      status: 'active',
      auto_approve: true,
    }),
  );
  await api.expect(201, api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }));
  const plan = await api.expect(
    201,
    api.post('/plans', { offering_id: offering.id, name: 'one', unit: 'month', prices: {} }),
  );
  noActions = { id: offering.id, plan };
});
afterAll(() => h?.close());

const ordersOf = async (resourceId: string) =>
  (await h.admin.expect(200, h.admin.get(`/orders?resource_id=${resourceId}`))).items as (Order & {
    changes: string[];
  })[];
const stateOf = async (resourceId: string) =>
  (await h.admin.expect(200, h.admin.get(`/resources/${resourceId}`))).state as string;

/** Places a pause or resume order through the API, as someone outside Terraform would, and waits until it is done. */
async function outside(type: 'pause' | 'resume', resourceId: string, api: Api = h.admin) {
  const placed = await api.expect(201, api.post('/orders', { type, resource_id: resourceId }));
  expect((await waitForOrder(api, placed.id)).state).toBe('done');
}

const quota = (extra: string) => `provider "mercato" {}
resource "mercato_resource" "q" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${w.allocation.id}"
  plan_id     = "${w.allocation.plan.id}"
  name        = "paused-quota"
  attributes  = { instance_type = "general-purpose" }
${extra}
}
`;

describe('paused on an allocation offering (its plugin pauses and resumes)', () => {
  let ws: Workspace;
  let id: string;
  const values = () => ws.resources()['mercato_resource.q'].values;

  test('paused = false, then true: an in-place update that places a pause order; the resource is Paused', async () => {
    ws = h.workspace('allocation', quota('  paused      = false\n  limits      = { cpu = 1 }'));
    await ws.apply();
    id = values().id as string;
    expect(values()).toMatchObject({ paused: false, state: 'OK', backend_state: null });
    expectNoChanges(await ws.plan());

    ws.write(quota('  paused      = true\n  limits      = { cpu = 1 }'));
    const plan = await ws.savedPlan();
    const change = plan.change!('mercato_resource.q')!;
    expect(change.actions).toEqual(['update']);
    expect([change.before!.paused, change.after!.paused]).toEqual([false, true]);
    expect(change.after_unknown).toMatchObject({ state: true, order_id: true });
    expect(change.replace_paths).toBeUndefined();
    await ws.applySaved();
    expect(await stateOf(id)).toBe('Paused');
    expect(values()).toMatchObject({ paused: true, state: 'Paused' });
    expect((await ordersOf(id)).map((o) => [o.type, o.state])).toEqual([
      ['create', 'done'],
      ['pause', 'done'],
    ]);
    expect(values().order_id).toBe((await ordersOf(id))[1].id);
    // Paused is a state to keep, not one to replace.
    expectNoChanges(await ws.plan());
  });

  test('a resume and a pause made outside Terraform show as a change of paused, in plans and in mercato drift', async () => {
    await outside('resume', id);
    const drift = await checkDrift({ dir: ws.dir, terraform: TERRAFORM }, ws.env);
    expect(drift.drifted).toBe(true);
    expect(drift.resources.map((r) => [r.address, r.attributes.map((a) => [a.path, a.before, a.after])])).toEqual([
      [
        'mercato_resource.q',
        [
          ['paused', true, false],
          ['state', 'Paused', 'OK'],
        ],
      ],
    ]);
    const plan = await ws.savedPlan();
    const change = plan.change!('mercato_resource.q')!;
    expect([change.actions, change.before!.paused, change.after!.paused]).toEqual([['update'], false, true]);
    await ws.applySaved();
    expect(await stateOf(id)).toBe('Paused');
    expectNoChanges(await ws.plan());

    // paused = false resumes it; then a pause outside Terraform is a change back to false.
    ws.write(quota('  paused      = false\n  limits      = { cpu = 1 }'));
    await ws.apply();
    expect([await stateOf(id), values().paused]).toEqual(['OK', false]);
    await outside('pause', id);
    const paused = await ws.savedPlan();
    const back = paused.change!('mercato_resource.q')!;
    expect([back.actions, back.before!.paused, back.after!.paused, back.before!.state]).toEqual([
      ['update'],
      true,
      false,
      'Paused',
    ]);
    await ws.applySaved();
    expect([await stateOf(id), values().paused]).toEqual(['OK', false]);
    expectNoChanges(await ws.plan());
  });

  test('with another change in the same apply: the update order comes before a pause and after a resume', async () => {
    const before = (await ordersOf(id)).length;
    ws.write(quota('  paused      = true\n  limits      = { cpu = 2 }'));
    await ws.apply();
    ws.write(quota('  paused      = false\n  limits      = { cpu = 3 }'));
    await ws.apply();
    const placed = (await ordersOf(id)).slice(before);
    expect(placed.map((o) => [o.type, o.state, o.changes])).toEqual([
      ['update', 'done', ['limits']],
      ['pause', 'done', []],
      ['resume', 'done', []],
      ['update', 'done', ['limits']],
    ]);
    expect(await h.admin.expect(200, h.admin.get(`/resources/${id}`))).toMatchObject({
      state: 'OK',
      limits: { cpu: 3 },
    });
    expectNoChanges(await ws.plan());
  });

  test('a paused resource is destroyed with a terminate order', async () => {
    ws.write(quota('  paused      = true\n  limits      = { cpu = 3 }'));
    await ws.apply();
    expect(await stateOf(id)).toBe('Paused');
    expect((await ws.destroy()).summary).toMatchObject({ remove: 1 });
    expect(await stateOf(id)).toBe('Terminated');
  });

  test('created with paused = true: created, then paused', async () => {
    const created = h.workspace('created-paused', quota('  paused      = true'));
    const plan = await created.savedPlan();
    expect(plan.change!('mercato_resource.q')!.after).toMatchObject({ paused: true });
    await created.applySaved();
    const state = created.resources()['mercato_resource.q'].values;
    expect(state).toMatchObject({ paused: true, state: 'Paused' });
    const orders = await ordersOf(state.id as string);
    expect(orders.map((o) => [o.type, o.state])).toEqual([
      ['create', 'done'],
      ['pause', 'done'],
    ]);
    expect(state.order_id).toBe(orders[1].id);
    expectNoChanges(await created.plan());
    await created.destroy();
  });
});

describe('paused with approval', () => {
  /** The open order of this type on the resource, once it waits for the provider's approval. */
  const pendingProvider = (resourceId: string, type: string) =>
    eventually(`a ${type} order waiting for provider approval`, async () =>
      (await ordersOf(resourceId)).find((o) => o.type === type && o.state === 'pending-provider'),
    );

  test('as a project manager: apply waits for the provider to approve the pause; a resume nobody approves times out', async () => {
    const token = w.consumer.manager.token;
    const ws = h.workspace('approval', quota('  paused      = false'), { MERCATO_TOKEN: token });
    const create = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
    const resourceId = await eventually('the create order', async () => {
      const found = (
        await h.admin.expect(
          200,
          h.admin.get(`/resources?project_id=${w.consumer.project.id}&name=paused-quota&state=Creating`),
        )
      ).items as { id: string }[];
      return found[0]?.id;
    });
    const approve = async (order: Order) =>
      w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${order.id}/approve`));
    await approve(await pendingProvider(resourceId, 'create'));
    expect((await create.done).code).toBe(0);

    ws.write(quota('  paused      = true'));
    const pause = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
    const pauseOrder = await pendingProvider(resourceId, 'pause');
    // Terraform is still waiting: the order is not approved yet.
    expect(await stateOf(resourceId)).toBe('Updating');
    await approve(pauseOrder);
    const paused = await pause.done;
    expect(paused.code).toBe(0);
    expect(paused.summary).toMatchObject({ change: 1, operation: 'apply' });
    expect(await stateOf(resourceId)).toBe('Paused');

    ws.write(quota('  paused      = false\n  timeouts {\n    update = "2s"\n  }'));
    const late = await ws.tryApply();
    expect(late.code).toBe(1);
    const resume = await pendingProvider(resourceId, 'resume');
    const timedOut = diagnostic(late, 'The resume order did not finish in time');
    expect(flat(timedOut.detail)).toContain(
      `Order ${resume.id} is still pending-provider after the update timeout (2s), waiting for provider approval`,
    );
    expect(flat(timedOut.detail)).toContain('Raise `timeouts.update` if it needs longer.');
    // The resume order is open (the resource is Updating): the next plan waits for it rather than place another.
    expect(ws.resources()['mercato_resource.q'].values).toMatchObject({ state: 'Updating', paused: false });
    const waiting = await ws.plan();
    expect(flat(diagnostic(waiting, 'An order is still open').detail)).toContain(
      `Order ${resume.id} (resume) on paused-quota is pending-provider, waiting for provider approval`,
    );
    await approve(resume);
    expect((await waitForOrder(h.admin, resume.id)).state).toBe('done');
    expectNoChanges(await ws.plan());
    await ws.destroy();
  });
});

describe('an offering whose plugin does not pause', () => {
  const unpausable = (extra: string, name = 'unpausable') => `provider "mercato" {}
resource "mercato_resource" "u" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${noActions.id}"
  plan_id     = "${noActions.plan.id}"
  name        = "${name}"
${extra}
}

data "mercato_resource" "u" {
  project_id = "${w.consumer.project.id}"
  name       = mercato_resource.u.name
}
`;

  test('paused = true is refused at apply, the diagnostic pointing at paused; backend_state and the data source show the plugin report', async () => {
    const ws = h.workspace('no-actions', unpausable(''));
    await ws.apply();
    const state = ws.resources();
    expect(state['mercato_resource.u'].values).toMatchObject({
      paused: false,
      state: 'OK',
      // The state file keeps a dynamic value with its type.
      backend_state: { value: { power: 'on' } },
    });
    expect(state['data.mercato_resource.u'].values).toMatchObject({
      id: state['mercato_resource.u'].values.id,
      offering_id: noActions.id,
      state: 'OK',
      paused: false,
      backend_state: { value: { power: 'on' } },
      backend_id: `na-${state['mercato_resource.u'].values.id}`,
      pulled_at: null,
    });

    ws.write(unpausable('  paused      = true'));
    const refused = await ws.tryApply();
    expect(refused.code).toBe(1);
    const error = diagnostic(refused, 'The pause order was refused');
    expect(errors(refused)).toEqual([error]);
    expect(flat(error.detail)).toMatch(
      /^`paused = true` places a pause order, and the server refused it: offering \S+ \(plugin no-actions\) cannot pause its resources; its plugin carries out no management action\. Leave `paused` out \(or set it to false\) for resources of this offering\.$/,
    );
    expect([error.address, error.range?.start.line]).toEqual(['mercato_resource.u', ws.lineOf('paused')]);
    expect(ws.resources()['mercato_resource.u']).toMatchObject({ tainted: false, values: { paused: false } });
    const id = ws.resources()['mercato_resource.u'].values.id as string;
    expect((await ordersOf(id)).map((o) => o.type)).toEqual(['create']);
    await ws.destroy();
  });

  test('created with paused = true: the resource is created, the refused pause taints it and says why', async () => {
    const ws = h.workspace('no-actions-created-paused', unpausable('  paused      = true', 'unpausable-2'));
    const refused = await ws.tryApply();
    expect(refused.code).toBe(1);
    const error = diagnostic(refused, 'The pause order was refused');
    expect(flat(error.detail)).toContain('(plugin no-actions) cannot pause its resources');
    const kept = ws.resources()['mercato_resource.u'];
    expect(kept).toMatchObject({ tainted: true, values: { paused: false, state: 'OK' } });
    expect(await stateOf(kept.values.id as string)).toBe('OK');
    await ws.destroy();
  });
});
