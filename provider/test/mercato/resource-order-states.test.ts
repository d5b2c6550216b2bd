/**
 * A mercato_resource whose orders did not simply succeed, through the real Terraform CLI and the
 * real server: a create that failed (`Erred`, never provisioned) is planned for replacement with
 * its reason and reported by `mercato drift`, whether Terraform saw it fail or imported it; a
 * failed update shows again in the next plan; an apply that finds an update order still open
 * waits for it and says what holds it up, never placing an order the server must refuse.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { eventually, expectNoChanges, flat, TERRAFORM, type SavedPlan, type UiDiagnostic, type Workspace } from '../support/terraform';
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
  largePlan = (await w.serviceManager.api.expect(201, w.serviceManager.api.post('/plans', { offering_id: w.manual.id, name: 'large', unit: 'month' }))).id;
});
afterAll(() => h?.close());

const manager = () => w.serviceManager.api;
const ordersOf = async (resourceId: string) => (await h.admin.expect(200, h.admin.get(`/orders?resource_id=${resourceId}`))).items as Order[];

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
  return eventually(`a ${type} order of ${name} waiting for the provider`, async () => {
    const resources = (await api.expect(200, api.get(`/resources?project_id=${w.consumer.project.id}&name=${name}`))).items as { id: string }[];
    for (const resource of resources) {
      const orders = (await api.expect(200, api.get(`/orders?resource_id=${resource.id}&type=${type}`))).items as Order[];
      const found = orders.find((o) => o.state === 'executing' && /service provider to complete/.test(o.awaiting ?? ''));
      if (found) return found;
    }
    return undefined;
  }, 30_000);
}

function diagnostic(plan: SavedPlan, summary: string): UiDiagnostic {
  const found = plan.diagnostics.find((d) => d.summary === summary);
  if (!found) throw new Error(`no diagnostic "${summary}"; got ${JSON.stringify(plan.diagnostics, null, 2)}`);
  return found;
}

/** The plan replaces the Erred resource, and says which order failed and why (in one full stop). */
function expectErredReplacement(plan: SavedPlan, failed: Order, reason: string) {
  expect(plan.code).toBe(2);
  const change = plan.change!('mercato_resource.vm')!;
  expect(change.actions).toEqual(['delete', 'create']);
  expect(change.replace_paths).toEqual([['state']]);
  const warning = diagnostic(plan, 'The resource is Erred: planned for replacement');
  expect(warning.severity).toBe('warning');
  expect(flat(warning.detail)).toContain(`was never provisioned. Its create order ${failed.id} failed: ${reason} Applying terminates it and orders a new one.`);
  expect(warning.detail).not.toContain('..');
}

const drift = (ws: Workspace) => checkDrift({ dir: ws.dir, terraform: TERRAFORM }, ws.env);

describe('a resource whose create order failed (Erred)', () => {
  test('after Ctrl-C and a failure reported by the provider: the plan replaces it, drift reports it, apply replaces it', async () => {
    const ws = h.workspace('erred-interrupted', `provider "mercato" {}\n${manualResource('erred-vm')}`);
    const apply = ws.start(['apply', '-auto-approve', '-input=false']);
    const create = await orderWaitingForProvider('erred-vm', 'create');
    await eventually('the apply to be waiting', async () => (/Still creating|Creating\.\.\./.test(apply.output()) ? true : undefined));
    apply.child.kill('SIGINT');
    expect((await apply.done).stdout).toContain('Warning: Stopped waiting for the create order');
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
    expect(report.erred).toEqual([{ address: 'mercato_resource.vm', type: 'mercato_resource', name: 'vm', order_id: create.id }]);
    expect(renderDrift(report, 'text')).toContain(`mercato_resource.vm is Erred (order ${create.id}): not working`);
    expect(renderDrift(report, 'markdown')).toContain('| `mercato_resource.vm` | `state` | *(working)* | **Erred**');

    // Apply: a terminate order for the erred resource, then a new create, each completed by the provider.
    const replace = ws.start(['apply', '-auto-approve', '-input=false']);
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
    expect(result.stdout).toContain('Resources: 1 added, 0 changed, 1 destroyed.');
    expect(ws.resources()['mercato_resource.vm'].values).toMatchObject({ id: recreate.resource_id, state: 'OK', backend_id: 'vm-9' });
    expectNoChanges(await ws.plan());
    const clean = await drift(ws);
    expect([clean.drifted, clean.erred]).toEqual([false, []]);
  });

  test('imported while Erred: the plan replaces it and says why', async () => {
    const placed = await h.admin.expect(201, h.admin.post('/orders', { type: 'create', project_id: w.consumer.project.id, offering_id: w.manual.id, plan_id: w.manual.plan.id, name: 'erred-import', attributes: { instance_type: 'general-purpose' } }));
    await waitForProviderHandOver(h.admin, placed.id, 10_000);
    await manager().expect(200, manager().post(`/orders/${placed.id}/fail`, { reason: 'provisioning failed: no capacity' }));
    const ws = h.workspace('erred-import', `provider "mercato" {}\nimport {\n  to = mercato_resource.vm\n  id = "${placed.resource_id}"\n}\n${manualResource('erred-import')}`);
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
    ws = h.workspace('updates', `provider "mercato" {}\n${manualResource('updated-vm')}`, { MERCATO_TOKEN: w.consumer.manager.token });
    const apply = ws.start(['apply', '-auto-approve', '-input=false']);
    const pending = await eventually('the create order', async () => {
      const resources = (await h.admin.expect(200, h.admin.get(`/resources?project_id=${w.consumer.project.id}&name=updated-vm`))).items as { id: string }[];
      return resources.length ? (await ordersOf(resources[0].id)).find((o) => o.state === 'pending-provider') : undefined;
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
    const first = await ws.terraform(['apply', '-auto-approve', '-input=false']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('Error: The update order did not finish in time');
    const [update] = (await ordersOf(id)).filter((o) => o.type === 'update');
    expect(update.state).toBe('pending-provider');

    // The plan says an order is open; the apply waits for it and ends with the same clear story.
    const plan = await ws.savedPlan();
    expect(flat(diagnostic(plan, 'An order is still open').detail)).toContain(`Order ${update.id} (update) on updated-vm is pending-provider, waiting for provider approval`);
    const second = await ws.terraform(['apply', '-auto-approve', '-input=false']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('Error: The update order did not finish in time');
    expect(flat(second.stderr)).toContain(`Order ${update.id} (update, placed earlier) is still pending-provider after the update timeout (3s), waiting for provider approval`);
    expect(flat(second.stderr)).toContain(`cancel it: POST /api/v1/orders/${update.id}/cancel`);
    expect(second.output).not.toMatch(/refused|(?<!\.)\.\.(?!\.)/); // no order refused, no doubled full stop
    expect((await ordersOf(id)).filter((o) => o.type === 'update').map((o) => o.id)).toEqual([update.id]);

    // Once the provider approves and completes it, the next apply finds the change applied: no new order.
    ws.write(`provider "mercato" {}\n${manualResource('updated-vm', largePlan, '  timeouts {\n    update = "60s"\n  }')}`);
    const third = ws.start(['apply', '-auto-approve', '-input=false']);
    await eventually('the apply to wait', async () => (/Modifying\.\.\./.test(third.output()) ? true : undefined));
    await manager().expect(200, manager().post(`/orders/${update.id}/approve`, {}));
    await waitForProviderHandOver(h.admin, update.id, 10_000);
    await manager().expect(200, manager().post(`/orders/${update.id}/complete`, {}));
    expect((await third.done).code).toBe(0);
    expect((await ordersOf(id)).filter((o) => o.type === 'update').map((o) => [o.id, o.state])).toEqual([[update.id, 'done']]);
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).plan_id).toBe(largePlan);
    expectNoChanges(await ws.plan());
  });

  test('an update order that fails leaves the resource as it was: the next plan shows the update again', async () => {
    // Staff applies: approvals are given at once, and the order waits for the provider to complete it.
    ws.env.MERCATO_TOKEN = h.server.adminToken;
    ws.write(`provider "mercato" {}\n${manualResource('updated-vm', w.manual.plan.id)}`);
    const apply = ws.start(['apply', '-auto-approve', '-input=false']);
    const failing = await orderWaitingForProvider('updated-vm', 'update');
    await manager().expect(200, manager().post(`/orders/${failing.id}/fail`, { reason: 'disk full.' }));
    const failed = await apply.done;
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Error: The update order failed');
    expect(flat(failed.stderr)).toContain(`Order ${failing.id} erred: disk full. Retry it with POST /api/v1/orders/${failing.id}/retry or apply again.`);
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).state).toBe('OK');

    const plan = await ws.savedPlan();
    expect(plan.code).toBe(2);
    expect(plan.change!('mercato_resource.vm')!.actions).toEqual(['update']);
    expect(plan.change!('mercato_resource.vm')!.after).toMatchObject({ plan_id: w.manual.plan.id });
    const retry = ws.start(['apply', '-auto-approve', '-input=false']);
    const again = await eventually('a new update order', async () => {
      const order = await orderWaitingForProvider('updated-vm', 'update').catch(() => undefined);
      return order && order.id !== failing.id ? order : undefined;
    });
    await manager().expect(200, manager().post(`/orders/${again.id}/complete`, {}));
    expect((await retry.done).code).toBe(0);
    expectNoChanges(await ws.plan());
  });

  test('a destroy that finds an update order still open waits for it, names it when the wait ends, and places no terminate order', async () => {
    ws.write(`provider "mercato" {}\n${manualResource('updated-vm', w.manual.plan.id, '  timeouts {\n    delete = "3s"\n  }')}`);
    await ws.apply();
    const open = await h.admin.expect(201, h.admin.post('/orders', { type: 'update', resource_id: id, limits: { cpu: 2 } }));
    await waitForProviderHandOver(h.admin, open.id, 10_000);
    const destroy = await ws.terraform(['destroy', '-auto-approve', '-input=false']);
    expect(destroy.code).toBe(1);
    expect(destroy.stderr).toContain('Error: The update order did not finish in time');
    expect(flat(destroy.stderr)).toContain(`Order ${open.id} (update, placed earlier) is still executing after the terminate timeout (3s), waiting for the service provider to complete the order`);
    expect(destroy.output).not.toMatch(/refused|409/);
    expect((await ordersOf(id)).filter((o) => o.type === 'terminate')).toEqual([]);

    await manager().expect(200, manager().post(`/orders/${open.id}/complete`, {}));
    const again = ws.start(['destroy', '-auto-approve', '-input=false']);
    const terminate = await orderWaitingForProvider('updated-vm', 'terminate');
    await manager().expect(200, manager().post(`/orders/${terminate.id}/complete`, {}));
    expect((await again.done).code).toBe(0);
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).state).toBe('Terminated');
  });
});
