import type { Api } from './api-client';

export interface Actor {
  id: string;
  token: string;
  api: Api;
}

export async function makeUser(admin: Api, username: string): Promise<Actor> {
  const user = await admin.expect(201, admin.post('/users', { username, email: `${username}@example.com` }));
  const { token } = await admin.expect(201, admin.post(`/users/${user.id}/tokens`, { name: 'test' }));
  return { id: user.id, token, api: admin.as(token) };
}

export const VM_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['instance_type'],
  properties: {
    instance_type: { type: 'string', enum: ['general-purpose', 'compute-optimized'] },
    node_pools: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'replicas'],
        properties: { name: { type: 'string' }, replicas: { type: 'integer', minimum: 1 } },
      },
    },
  },
};

/**
 * Two consumer tenants and one provider: the provider publishes a manual and an allocation
 * offering; each consumer organization has an owner, a project with a manager and a member.
 */
export async function makeWorld(admin: Api, prefix = 'w') {
  const user = (name: string) => makeUser(admin, `${prefix}-${name}`);
  const providerOwner = await user('provider-owner');
  const serviceManager = await user('service-manager');
  const provider = await providerOwner.api.expect(
    201,
    providerOwner.api.post('/organizations', { name: `${prefix} Provider` }),
  );
  await providerOwner.api.expect(
    201,
    providerOwner.api.post(`/organizations/${provider.id}/members`, {
      user_id: serviceManager.id,
      role: 'service-manager',
    }),
  );
  const category = await admin.expect(201, admin.post('/categories', { title: `${prefix} Compute` }));
  /**
   * Asks for `active` at once, as a Terraform configuration does: the offering becomes active
   * when its version and plan exist (catalog/offering-activation.ts), and is returned as it is then.
   */
  const publish = async (name: string, type: string, autoApprove = false) => {
    const offering = await serviceManager.api.expect(
      201,
      serviceManager.api.post('/offerings', {
        organization_id: provider.id,
        category_id: category.id,
        name,
        type,
        status: 'active',
        auto_approve: autoApprove,
        platform: 'on-premises',
        tags: ['test'],
        secret_options: { api_key: 'provider-secret-value' },
        components: [
          { type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' },
          { type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' },
        ],
      }),
    );
    await serviceManager.api.expect(
      201,
      serviceManager.api.post('/offering-versions', {
        offering_id: offering.id,
        version: '1.0.0',
        options_schema: VM_SCHEMA,
      }),
    );
    const plan = await serviceManager.api.expect(
      201,
      serviceManager.api.post('/plans', {
        offering_id: offering.id,
        name: 'small',
        unit: 'month',
        prices: { cpu: 5, base: 10 },
      }),
    );
    const active = await serviceManager.api.expect(200, serviceManager.api.get(`/offerings/${offering.id}`));
    if (active.status !== 'active') throw new Error(`offering ${name} is ${active.status}: ${active.status_reason}`);
    return { ...active, plan };
  };
  const manual = await publish(`${prefix} Manual VM`, 'manual');
  const allocation = await publish(`${prefix} Quota`, 'allocation');
  const autoApproved = await publish(`${prefix} Licence`, 'allocation', true);

  const tenant = async (name: string) => {
    const owner = await user(`${name}-owner`);
    const manager = await user(`${name}-manager`);
    const member = await user(`${name}-member`);
    const organization = await owner.api.expect(201, owner.api.post('/organizations', { name: `${prefix} ${name}` }));
    const project = await owner.api.expect(
      201,
      owner.api.post('/projects', { organization_id: organization.id, name: `${name} project` }),
    );
    await owner.api.expect(
      201,
      owner.api.post(`/projects/${project.id}/members`, { user_id: manager.id, role: 'manager' }),
    );
    await manager.api.expect(
      201,
      manager.api.post(`/projects/${project.id}/members`, { user_id: member.id, role: 'member' }),
    );
    return { owner, manager, member, organization, project };
  };
  return {
    providerOwner,
    serviceManager,
    provider,
    category,
    manual,
    allocation,
    autoApproved,
    consumer: await tenant('consumer'),
    other: await tenant('other'),
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** Polls an order until it reaches a final state or the deadline passes. */
export async function waitForOrder(
  api: Api,
  orderId: string,
  states = ['done', 'erred', 'rejected', 'canceled'],
  timeoutMs = 10000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const order = await api.expect(200, api.get(`/orders/${orderId}`));
    if (states.includes(order.state)) return order;
    if (Date.now() > deadline) throw new Error(`order ${orderId} is still ${order.state}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls an executing order until its plugin has handed it to the provider (manual provisioning), or the time is up. */
export async function waitForProviderHandOver(api: Api, orderId: string, timeoutMs: number, intervalMs = 20) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (await api.get(`/orders/${orderId}`)).body.awaiting === 'provisioning') {
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
