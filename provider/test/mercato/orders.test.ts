/**
 * Orders that do not finish at once, through the real Terraform CLI and the real server: an order
 * rejected by the project's manager while Terraform waits, an order waiting for approval past its
 * `timeouts` block, and an apply interrupted with Ctrl-C while a manual order waits for the
 * service provider.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { applying, diagnostic, errors, eventually, expectNoChanges, type Workspace } from '../support/terraform';
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

const resourceConfig = (
  offering: { id: string; plan: { id: string } },
  name: string,
  extra = '',
) => `provider "mercato" {}
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
    const resources = (await api.expect(200, api.get(`/resources?project_id=${w.consumer.project.id}&name=${name}`)))
      .items as { id: string }[];
    for (const resource of resources) {
      const orders = (await api.expect(200, api.get(`/orders?resource_id=${resource.id}&type=${type}`)))
        .items as Order[];
      const found = orders.find((o) => states.includes(o.state) && (!awaiting || awaiting.test(o.awaiting ?? '')));
      if (found) return found;
    }
    return undefined;
  });
}

test("an order rejected by the project's manager while Terraform waits is a clear error", async () => {
  // A project member's order needs the consumer approval of a manager.
  const ws = h.workspace('rejected', resourceConfig(w.allocation, 'rejected-vm'), {
    MERCATO_TOKEN: w.consumer.member.token,
  });
  const apply = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
  const pending = await openOrder(w.consumer.manager.api, 'rejected-vm', 'create', ['pending-consumer']);
  await w.consumer.manager.api.expect(
    200,
    w.consumer.manager.api.post(`/orders/${pending.id}/reject`, { reason: 'over the Q3 budget' }),
  );
  const result = await apply.done;
  expect(result.code).toBe(1);
  // One error, the provider's: no "Plugin error", nothing reported twice.
  expect(result.diagnostics.map((d) => [d.severity, d.summary, d.detail])).toEqual([
    ['error', 'The create order was rejected', `Order ${pending.id} was rejected: over the Q3 budget.`],
  ]);
  expect(ws.resources()['mercato_resource.r']).toBeUndefined();
  expect((await h.admin.expect(200, h.admin.get(`/resources/${pending.resource_id}`))).state).toBe('Terminated');
});

test('an order waiting for approval logs who must approve, and its create timeout leaves the resource tainted', async () => {
  // Launched by Terraform even in debug mode: only a launched provider's log reaches TF_LOG.
  const ws = h.workspace(
    'awaiting',
    resourceConfig(w.allocation, 'awaiting-vm', '  timeouts {\n    create = "5s"\n  }'),
    { MERCATO_TOKEN: w.consumer.member.token },
    { launched: true },
  );
  const started = Date.now();
  const result = await ws.tryApply([], { TF_LOG: 'INFO' });
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(result.code).toBe(1);
  // The provider's INFO log, re-logged by Terraform, says who must act: logs are text only.
  expect(result.stderr).toMatch(
    new RegExp(
      `\\[INFO\\]\\s+provider\\.terraform-provider-mercato: order \\S+ \\(create\\) is pending-consumer: waiting for consumer approval: a manager of project ${w.consumer.project.id} or an owner of its organization`,
    ),
  );
  expect(errors(result).map((d) => d.summary)).toEqual(['The create order did not finish in time']);
  diagnostic(
    result,
    'The create order did not finish in time',
    /is still pending-consumer after the create timeout \(5s\), waiting for consumer approval: a manager of project/,
  );

  const saved = ws.resources()['mercato_resource.r'];
  expect(saved.tainted).toBe(true);
  expect(saved.values.state).toBe('Creating');
  const order = (await h.admin.expect(200, h.admin.get(`/orders/${saved.values.order_id}`))) as Order;
  expect(order.state).toBe('pending-consumer');

  // The tainted resource is replaced by the next apply; destroy instead cancels the open order.
  const replace = await ws.savedPlan();
  expect(replace.plan!.resource_changes!.map((c) => [c.address, c.change.actions, c.action_reason])).toEqual([
    ['mercato_resource.r', ['delete', 'create'], 'replace_because_tainted'],
  ]);
  expect((await ws.destroy()).summary).toMatchObject({ remove: 1 });
  expect(await h.admin.expect(200, h.admin.get(`/orders/${order.id}`))).toMatchObject({
    state: 'canceled',
    reason: 'canceled by terraform destroy',
  });
  expect((await h.admin.expect(200, h.admin.get(`/resources/${order.resource_id}`))).state).toBe('Terminated');
});

describe('an apply interrupted with Ctrl-C while a manual order waits for the service provider', () => {
  let ws: Workspace;
  const manager = () => w.serviceManager.api;
  const waitingForProvider = /service provider to complete the order/;

  test('Terraform stops, and the next apply converges once the order is completed', async () => {
    ws = h.workspace('interrupted', resourceConfig(w.manual, 'manual-vm'));
    const apply = ws.start(['apply', '-auto-approve', '-input=false', '-json']);
    const waiting = await openOrder(manager(), 'manual-vm', 'create', ['executing'], waitingForProvider);
    await applying(apply, 'mercato_resource.r');
    apply.child.kill('SIGINT');
    const interrupted = await apply.done;
    expect(interrupted.code).toBe(1);
    expect(interrupted.messages.some((m) => m.type === 'log' && m['@message'].includes('Interrupt received'))).toBe(
      true,
    );
    // The provider's warning, and Terraform's own "execution halted": no "Plugin error".
    expect(
      interrupted.diagnostics.filter((d) => d.summary !== 'execution halted').map((d) => [d.severity, d.summary]),
    ).toEqual([['warning', 'Stopped waiting for the create order']]);
    expect(errors(interrupted).map((d) => d.summary)).toContain('execution halted');
    diagnostic(
      interrupted,
      'Stopped waiting for the create order',
      `Order ${waiting.id} stays open on the server: it is executing, waiting for the service provider to complete the order`,
    );
    const saved = ws.resources()['mercato_resource.r'];
    expect(saved).toBeDefined();
    expect(saved.values).toMatchObject({ id: waiting.resource_id, state: 'Creating', order_id: waiting.id });

    await manager().expect(
      200,
      manager().post(`/orders/${waiting.id}/complete`, {
        backend_id: 'vm-42',
        outputs: { ip: '10.0.0.42' },
        secret_outputs: { password: 'pw' },
      }),
    );
    const next = await ws.apply();
    expect(next.summary).toMatchObject({ add: 0, change: 0, import: 0, remove: 0 });
    expect(ws.resources()['mercato_resource.r'].values).toMatchObject({
      id: waiting.resource_id,
      state: 'OK',
      backend_id: 'vm-42',
      outputs: { value: { ip: '10.0.0.42' } },
    });
    expectNoChanges(await ws.plan());
  });

  test('destroy waits for the service provider to complete the terminate order', async () => {
    const id = ws.resources()['mercato_resource.r'].values.id as string;
    const destroy = ws.start(['destroy', '-auto-approve', '-input=false', '-json']);
    const terminate = await openOrder(manager(), 'manual-vm', 'terminate', ['executing'], waitingForProvider);
    await manager().expect(200, manager().post(`/orders/${terminate.id}/complete`, {}));
    const result = await destroy.done;
    expect(result.code).toBe(0);
    expect(result.summary).toMatchObject({ remove: 1, operation: 'destroy' });
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).state).toBe('Terminated');
  });
});
