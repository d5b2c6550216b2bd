/**
 * Orders that do not finish at once, through the real Terraform CLI and the real server: an order
 * rejected by the project's manager while Terraform waits, an order waiting for approval past its
 * `timeouts` block, and an apply interrupted with Ctrl-C while a manual order waits for the
 * service provider.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { eventually, expectNoChanges, flat, type Workspace } from '../support/terraform';
import { makeWorld, type World } from '@mercato/test-support/world';
import type { Api } from '@mercato/test-support/api-client';

let h: MercatoHarness;
let w: World;

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'ord');
});
afterAll(() => h?.close());

interface Order {
  id: string;
  type: string;
  state: string;
  resource_id: string;
  awaiting: string | null;
  reason: string;
}

const resourceConfig = (offering: { id: string; plan: { id: string } }, name: string, extra = '') => `provider "mercato" {}
resource "mercato_resource" "r" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${offering.id}"
  plan_id     = "${offering.plan.id}"
  name        = "${name}"
  attributes  = { instance_type = "general-purpose" }
${extra}
}
`;

/** The open order of the given type for the resource named `name`, once it is in one of `states`. */
async function openOrder(api: Api, name: string, type: string, states: string[], awaiting?: RegExp): Promise<Order> {
  return eventually(`a ${type} order of ${name} in ${states.join('/')}`, async () => {
    const resources = (await api.expect(200, api.get(`/resources?project_id=${w.consumer.project.id}&name=${name}`))).items as { id: string }[];
    for (const resource of resources) {
      const orders = (await api.expect(200, api.get(`/orders?resource_id=${resource.id}&type=${type}`))).items as Order[];
      const found = orders.find((o) => states.includes(o.state) && (!awaiting || awaiting.test(o.awaiting ?? '')));
      if (found) return found;
    }
    return undefined;
  });
}

test("an order rejected by the project's manager while Terraform waits is a clear error", async () => {
  // A project member's order needs the consumer approval of a manager.
  const ws = h.workspace('rejected', resourceConfig(w.allocation, 'rejected-vm'), { MERCATO_TOKEN: w.consumer.member.token });
  const apply = ws.start(['apply', '-auto-approve', '-input=false']);
  const pending = await openOrder(w.consumer.manager.api, 'rejected-vm', 'create', ['pending-consumer']);
  await w.consumer.manager.api.expect(200, w.consumer.manager.api.post(`/orders/${pending.id}/reject`, { reason: 'over the Q3 budget' }));
  const result = await apply.done;
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Error: The create order was rejected');
  expect(flat(result.stderr)).toContain(`Order ${pending.id} was rejected: over the Q3 budget.`);
  expect(result.output).not.toMatch(/Plugin error|rpc error/);
  expect(ws.resources()['mercato_resource.r']).toBeUndefined();
  expect((await h.admin.expect(200, h.admin.get(`/resources/${pending.resource_id}`))).state).toBe('Terminated');
});

test('an order waiting for approval logs who must approve, and its create timeout leaves the resource tainted', async () => {
  const ws = h.workspace('awaiting', resourceConfig(w.allocation, 'awaiting-vm', '  timeouts {\n    create = "5s"\n  }'), { MERCATO_TOKEN: w.consumer.member.token });
  const started = Date.now();
  const result = await ws.terraform(['apply', '-auto-approve', '-input=false'], { TF_LOG: 'INFO' });
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(result.code).toBe(1);
  // The provider's INFO log, re-logged by Terraform, says who must act.
  expect(result.stderr).toMatch(new RegExp(`\\[INFO\\]\\s+provider\\.terraform-provider-mercato: order \\S+ \\(create\\) is pending-consumer: waiting for consumer approval: a manager of project ${w.consumer.project.id} or an owner of its organization`));
  expect(result.stderr).toContain('Error: The create order did not finish in time');
  expect(flat(result.stderr)).toMatch(/is still pending-consumer after the create timeout \(5s\), waiting for consumer approval: a manager of project/);

  const saved = ws.resources()['mercato_resource.r'];
  expect(saved.tainted).toBe(true);
  expect(saved.values.state).toBe('Creating');
  const order = (await h.admin.expect(200, h.admin.get(`/orders/${saved.values.order_id}`))) as Order;
  expect(order.state).toBe('pending-consumer');

  // The tainted resource is replaced by the next apply; destroy instead cancels the open order.
  expect((await ws.plan()).stdout).toContain('mercato_resource.r is tainted, so must be replaced');
  const destroy = await ws.terraform(['destroy', '-auto-approve', '-input=false']);
  expect(destroy.code).toBe(0);
  expect(await h.admin.expect(200, h.admin.get(`/orders/${order.id}`))).toMatchObject({ state: 'canceled', reason: 'canceled by terraform destroy' });
  expect((await h.admin.expect(200, h.admin.get(`/resources/${order.resource_id}`))).state).toBe('Terminated');
});

describe('an apply interrupted with Ctrl-C while a manual order waits for the service provider', () => {
  let ws: Workspace;
  const manager = () => w.serviceManager.api;
  const waitingForProvider = /service provider to complete the order/;

  test('Terraform stops, and the next apply converges once the order is completed', async () => {
    ws = h.workspace('interrupted', resourceConfig(w.manual, 'manual-vm'));
    const apply = ws.start(['apply', '-auto-approve', '-input=false']);
    const waiting = await openOrder(manager(), 'manual-vm', 'create', ['executing'], waitingForProvider);
    await eventually('the apply to be waiting', async () => (/Still creating|Creating\.\.\./.test(apply.output()) ? true : undefined));
    apply.child.kill('SIGINT');
    const interrupted = await apply.done;
    expect(interrupted.code).toBe(1);
    expect(interrupted.output).toContain('Interrupt received');
    // Terraform prints warnings on stdout, errors on stderr.
    expect(interrupted.stdout).toContain('Warning: Stopped waiting for the create order');
    expect(flat(interrupted.stdout)).toContain(`Order ${waiting.id} stays open on the server: it is executing, waiting for the service provider to complete the order`);
    expect(interrupted.stderr).toContain('Error: execution halted');
    expect(interrupted.output).not.toMatch(/Plugin error|rpc error/);
    const saved = ws.resources()['mercato_resource.r'];
    expect(saved).toBeDefined();
    expect(saved.values).toMatchObject({ id: waiting.resource_id, state: 'Creating', order_id: waiting.id });

    await manager().expect(200, manager().post(`/orders/${waiting.id}/complete`, { backend_id: 'vm-42', outputs: { ip: '10.0.0.42' }, secret_outputs: { password: 'pw' } }));
    const next = await ws.apply();
    expect(next.stdout).toMatch(/Apply complete! Resources: 0 added, 0 changed, 0 destroyed\./);
    expect(ws.resources()['mercato_resource.r'].values).toMatchObject({ id: waiting.resource_id, state: 'OK', backend_id: 'vm-42', outputs: { value: { ip: '10.0.0.42' } } });
    expectNoChanges(await ws.plan());
  });

  test('destroy waits for the service provider to complete the terminate order', async () => {
    const id = ws.resources()['mercato_resource.r'].values.id as string;
    const destroy = ws.start(['destroy', '-auto-approve', '-input=false']);
    const terminate = await openOrder(manager(), 'manual-vm', 'terminate', ['executing'], waitingForProvider);
    await manager().expect(200, manager().post(`/orders/${terminate.id}/complete`, {}));
    const result = await destroy.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Resources: 1 destroyed.');
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).state).toBe('Terminated');
  });
});
