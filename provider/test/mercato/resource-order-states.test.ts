/**
 * A mercato_resource whose orders did not simply succeed, through the real Terraform CLI and the
 * real server: a create that failed (`Erred`, never provisioned) is planned for replacement with
 * its reason and reported by `mercato drift`, whether Terraform saw it fail or imported it; a
 * failed update shows again in the next plan; an apply that finds an update order still open
 * waits for it and says what holds it up, never placing an order the server must refuse.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import {
  applying,
  diagnostic,
  errors,
  eventually,
  expectNoChanges,
  flat,
  TERRAFORM,
  type SavedPlan,
  type Workspace,
} from '../support/terraform';
import { makeWorld, waitForProviderHandOver, type World } from '@mercato/test-support/world';
import type { Api } from '@mercato/test-support/api-client';
import type { Order } from '../../src/client/orders';
import { checkDrift } from '../../src/drift/drift';
import { renderDrift } from '../../src/drift/drift-report';

let h: MercatoHarness;
let w: World;
let largePlan: string;

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'os');
  largePlan = (
    await w.serviceManager.api.expect(
      201,
      w.serviceManager.api.post('/plans', { offering_id: w.manual.id, name: 'large', unit: 'month' }),
    )
  ).id;
});
afterAll(() => h?.close());

const manager = () => w.serviceManager.api;
const ordersOf = async (resourceId: string) =>
  (await h.admin.expect(200, h.admin.get(`/orders?resource_id=${resourceId}`))).items as Order[];

const manualResource = (name: string, planId = w.manual.plan.id, extra = '') => `resource "mercato_resource" "vm" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${w.manual.id}"
  plan_id     = "${planId}"
  name        = "${name}"
  attributes  = { instance_type = "general-purpose" }
${extra}
}
`;

/** The open order of the given type on the resource named `name`, once it waits for the service provider. */
async function orderWaitingForProvider(name: string, type: string, api: Api = h.admin): Promise<Order> {
  return eventually(
    `a ${type} order of ${name} waiting for the provider`,
    async () => {
      const resources = (await api.expect(200, api.get(`/resources?project_id=${w.consumer.project.id}&name=${name}`)))
        .items as { id: string }[];
      for (const resource of resources) {
        const orders = (await api.expect(200, api.get(`/orders?resource_id=${resource.id}&type=${type}`)))
          .items as Order[];
        const found = orders.find(
          (o) => o.state === 'executing' && /service provider to complete/.test(o.awaiting ?? ''),
        );
        if (found) return found;
      }
      return undefined;
    },
    30_000,
  );
}

/** The plan replaces the Erred resource, and says which order failed and why (in one full stop). */
function expectErredReplacement(plan: SavedPlan, failed: Order, reason: string) {
  expect(plan.code).toBe(2);
  const change = plan.change!('mercato_resource.vm')!;
  expect(change.actions).toEqual(['delete', 'create']);
  expect(change.replace_paths).toEqual([['state']]);
  const warning = diagnostic(plan, 'The resource is Erred: planned for replacement');
  expect(warning.severity).toBe('warning');
  expect(flat(warning.detail)).toContain(
    `was never provisioned. Its create order ${failed.id} failed: ${reason} Applying terminates it and orders a new one.`,
  );
  expect(warning.detail).not.toContain('..');
}

const drift = (ws: Workspace) => checkDrift({ dir: ws.dir, terraform: TERRAFORM }, ws.env);

describe('a resource whose create order failed (Erred)', () => {
  test('after Ctrl-C and a failure reported by the provider: the plan replaces it, drift reports it, apply replaces it', async () => {
    const ws = h.workspace('erred-interrupted', `provider "mercato" {}\n${manualResource('erred-vm')}`);
    const apply = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
    const create = await orderWaitingForProvider('erred-vm', 'create');
    await applying(apply, 'mercato_resource.vm');
    apply.child.kill('SIGINT');
    diagnostic(await apply.done, 'Stopped waiting for the create order');
    await manager().expect(200, manager().post(`/orders/${create.id}/fail`, { reason: 'no capacity.' }));
    expect((await h.admin.expect(200, h.admin.get(`/resources/${create.resource_id}`))).state).toBe('Erred');

    const plan = await ws.savedPlan();
    expectErredReplacement(plan, create, 'no capacity.');
    // Also once the refresh recorded Erred in the state, where the state alone shows no drift.
    await ws.apply(['-refresh-only']);
    expect(ws.resources()['mercato_resource.vm'].values.state).toBe('Erred');
    expectErredReplacement(await ws.savedPlan(), create, 'no capacity.');
    const report = await drift(ws);
    expect(report.drifted).toBe(true);
    expect(report.erred).toEqual([
      { address: 'mercato_resource.vm', type: 'mercato_resource', name: 'vm', order_id: create.id },
    ]);
    expect(renderDrift(report, 'text')).toContain(`mercato_resource.vm is Erred (order ${create.id}): not working`);
    expect(renderDrift(report, 'markdown')).toContain('| `mercato_resource.vm` | `state` | *(working)* | **Erred**');

    // Apply: a terminate order for the erred resource, then a new create, each completed by the provider.
    const replace = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
    const terminate = await orderWaitingForProvider('erred-vm', 'terminate');
    expect(terminate.resource_id).toBe(create.resource_id);
    await manager().expect(200, manager().post(`/orders/${terminate.id}/complete`, {}));
    const recreate = await eventually('the new create order', async () => {
      const order = await orderWaitingForProvider('erred-vm', 'create').catch(() => undefined);
      return order && order.id !== create.id ? order : undefined;
    });
    await manager().expect(200, manager().post(`/orders/${recreate.id}/complete`, { backend_id: 'vm-9' }));
    const result = await replace.done;
    expect(result.code).toBe(0);
    expect(result.summary).toMatchObject({ add: 1, change: 0, remove: 1, operation: 'apply' });
    expect(ws.resources()['mercato_resource.vm'].values).toMatchObject({
      id: recreate.resource_id,
      state: 'OK',
      backend_id: 'vm-9',
    });
    expectNoChanges(await ws.plan());
    const clean = await drift(ws);
    expect([clean.drifted, clean.erred]).toEqual([false, []]);
  });

  test('imported while Erred: the plan replaces it and says why', async () => {
    const placed = await h.admin.expect(
      201,
      h.admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: w.manual.id,
        plan_id: w.manual.plan.id,
        name: 'erred-import',
        attributes: { instance_type: 'general-purpose' },
      }),
    );
    await waitForProviderHandOver(h.admin, placed.id, 10_000);
    await manager().expect(
      200,
      manager().post(`/orders/${placed.id}/fail`, { reason: 'provisioning failed: no capacity' }),
    );
    const ws = h.workspace(
      'erred-import',
      `provider "mercato" {}\nimport {\n  to = mercato_resource.vm\n  id = "${placed.resource_id}"\n}\n${manualResource('erred-import')}`,
    );
    const plan = await ws.savedPlan();
    expect(plan.change!('mercato_resource.vm')!.actions).toEqual(['delete', 'create']);
    expectErredReplacement(plan, placed, 'provisioning failed: no capacity.');
  });
});

describe('update orders that do not simply succeed', () => {
  let ws: Workspace;
  let id: string;

  /** Creates the resource through Terraform as the project's manager: the manual offering then waits for the provider's approval and completion. */
  beforeAll(async () => {
    ws = h.workspace('updates', `provider "mercato" {}\n${manualResource('updated-vm')}`, {
      MERCATO_TOKEN: w.consumer.manager.token,
    });
    const apply = ws.start(['apply', '-auto-approve', '-input=false']);
    const pending = await eventually('the create order', async () => {
      const resources = (
        await h.admin.expect(200, h.admin.get(`/resources?project_id=${w.consumer.project.id}&name=updated-vm`))
      ).items as { id: string }[];
      return resources.length
        ? (await ordersOf(resources[0].id)).find((o) => o.state === 'pending-provider')
        : undefined;
    });
    await manager().expect(200, manager().post(`/orders/${pending.id}/approve`, {}));
    await waitForProviderHandOver(h.admin, pending.id, 10_000);
    await manager().expect(200, manager().post(`/orders/${pending.id}/complete`, { backend_id: 'vm-1' }));
    expect((await apply.done).code).toBe(0);
    id = pending.resource_id;
  });

  test('applying again while the update order is still pending waits for it and names it; no order is refused', async () => {
    const larger = `provider "mercato" {}\n${manualResource('updated-vm', largePlan, '  timeouts {\n    update = "3s"\n  }')}`;
    ws.write(larger);
    const first = await ws.tryApply();
    expect(first.code).toBe(1);
    expect(errors(first).map((d) => d.summary)).toEqual(['The update order did not finish in time']);
    const [update] = (await ordersOf(id)).filter((o) => o.type === 'update');
    expect(update.state).toBe('pending-provider');

    // The plan says an order is open; the apply waits for it and ends with the same clear story.
    const plan = await ws.savedPlan();
    diagnostic(
      plan,
      'An order is still open',
      `Order ${update.id} (update) on updated-vm is pending-provider, waiting for provider approval`,
    );
    const second = await ws.tryApply();
    expect(second.code).toBe(1);
    // One error that says what holds the apply up: no order refused, no doubled full stop.
    expect(errors(second).map((d) => d.summary)).toEqual(['The update order did not finish in time']);
    const waited = diagnostic(
      second,
      'The update order did not finish in time',
      `Order ${update.id} (update, placed earlier) is still pending-provider after the update timeout (3s), waiting for provider approval`,
    );
    expect(waited.detail).toContain(`cancel it: POST /api/v1/orders/${update.id}/cancel`);
    expect(waited.detail).not.toMatch(/refused|(?<!\.)\.\.(?!\.)/);
    expect((await ordersOf(id)).filter((o) => o.type === 'update').map((o) => o.id)).toEqual([update.id]);

    // Once the provider approves and completes it, the next apply finds the change applied: no new order.
    ws.write(
      `provider "mercato" {}\n${manualResource('updated-vm', largePlan, '  timeouts {\n    update = "60s"\n  }')}`,
    );
    const third = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
    await applying(third, 'mercato_resource.vm');
    await manager().expect(200, manager().post(`/orders/${update.id}/approve`, {}));
    await waitForProviderHandOver(h.admin, update.id, 10_000);
    await manager().expect(200, manager().post(`/orders/${update.id}/complete`, {}));
    expect((await third.done).code).toBe(0);
    expect((await ordersOf(id)).filter((o) => o.type === 'update').map((o) => [o.id, o.state])).toEqual([
      [update.id, 'done'],
    ]);
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).plan_id).toBe(largePlan);
    expectNoChanges(await ws.plan());
  });

  test('an update order that fails leaves the resource as it was: the next plan shows the update again', async () => {
    // Staff applies: approvals are given at once, and the order waits for the provider to complete it.
    ws.env.MERCATO_TOKEN = h.server.adminToken;
    ws.write(`provider "mercato" {}\n${manualResource('updated-vm', w.manual.plan.id)}`);
    const apply = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
    const failing = await orderWaitingForProvider('updated-vm', 'update');
    await manager().expect(200, manager().post(`/orders/${failing.id}/fail`, { reason: 'disk full.' }));
    const failed = await apply.done;
    expect(failed.code).toBe(1);
    expect(errors(failed).map((d) => [d.summary, d.detail])).toEqual([
      [
        'The update order failed',
        `Order ${failing.id} erred: disk full. Retry it with POST /api/v1/orders/${failing.id}/retry or apply again.`,
      ],
    ]);
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).state).toBe('OK');

    const plan = await ws.savedPlan();
    expect(plan.code).toBe(2);
    expect(plan.change!('mercato_resource.vm')!.actions).toEqual(['update']);
    expect(plan.change!('mercato_resource.vm')!.after).toMatchObject({ plan_id: w.manual.plan.id });
    const retry = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
    const again = await eventually('a new update order', async () => {
      const order = await orderWaitingForProvider('updated-vm', 'update').catch(() => undefined);
      return order && order.id !== failing.id ? order : undefined;
    });
    await manager().expect(200, manager().post(`/orders/${again.id}/complete`, {}));
    expect((await retry.done).code).toBe(0);
    expectNoChanges(await ws.plan());
  });

  test('a destroy that finds an update order still open, or whose terminate order does not finish, says so once and keeps the resource', async () => {
    ws.write(
      `provider "mercato" {}\n${manualResource('updated-vm', w.manual.plan.id, '  timeouts {\n    delete = "3s"\n  }')}`,
    );
    await ws.apply();
    const open = await h.admin.expect(
      201,
      h.admin.post('/orders', { type: 'update', resource_id: id, limits: { cpu: 2 } }),
    );
    await waitForProviderHandOver(h.admin, open.id, 10_000);
    const destroy = await ws.tryDestroy();
    expect(destroy.code).toBe(1);
    // One error naming the open order; no terminate order the server would refuse.
    expect(errors(destroy).map((d) => d.summary)).toEqual(['The update order did not finish in time']);
    const waited = diagnostic(
      destroy,
      'The update order did not finish in time',
      `Order ${open.id} (update, placed earlier) is still executing after the terminate timeout (3s), waiting for the service provider to complete the order`,
    );
    expect(waited.detail).not.toMatch(/refused|\b409\b/);
    expect((await ordersOf(id)).filter((o) => o.type === 'terminate')).toEqual([]);
    expect(ws.resources()['mercato_resource.vm'].values.id).toBe(id);

    // The terminate order is placed, and waits for the service provider past the timeout: one error again.
    await manager().expect(200, manager().post(`/orders/${open.id}/complete`, {}));
    const timedOut = await ws.tryDestroy();
    expect(timedOut.code).toBe(1);
    const [terminate] = (await ordersOf(id)).filter((o) => o.type === 'terminate');
    expect(errors(timedOut).map((d) => d.summary)).toEqual(['The terminate order did not finish in time']);
    diagnostic(
      timedOut,
      'The terminate order did not finish in time',
      `Order ${terminate.id} is still executing after the terminate timeout (3s), waiting for the service provider to complete the order`,
    );
    expect(ws.resources()['mercato_resource.vm'].values.id).toBe(id);

    // Completed: the destroy's refresh finds it Terminated, and it leaves the state.
    await manager().expect(200, manager().post(`/orders/${terminate.id}/complete`, {}));
    await ws.destroy();
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).state).toBe('Terminated');
    expect(ws.resources()).toEqual({});
  });
});
