/**
 * Secret attributes: properties an offering version's schema marks `writeOnly` or
 * `format: password` are accepted in orders, validated, stored and handed to the provisioning
 * plugin, and never shown again: not in orders, resources or events, to anyone, nor in a failure
 * reason that quotes them. An update that leaves a secret out keeps it.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, waitForProviderHandOver, type World } from '@mercato/test-support/world';
import type { ProvisioningJob, ProvisioningPlugin } from '../src/provisioning/plugin';
import { PluginRegistry } from '../src/provisioning/plugins/registry';
import { allocationPlugin } from '../src/provisioning/plugins/allocation';
import { manualPlugin } from '../src/provisioning/plugins/manual';

const DATABASE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['size', 'admin_password'],
  properties: {
    size: { type: 'string', enum: ['small', 'large'] },
    admin_password: { type: 'string', writeOnly: true, format: 'password', minLength: 8 },
    replication: {
      type: 'object',
      properties: { host: { type: 'string' }, password: { type: 'string', format: 'password' } },
    },
  },
};

/** A plugin that remembers what it was given, and fails, quoting a secret, when asked to. */
function recordingPlugin(jobs: ProvisioningJob[]): ProvisioningPlugin {
  return {
    type: 'recording',
    description: 'test plugin',
    provision: async (job) => {
      jobs.push(structuredClone(job));
      const attributes = job.order.attributes as { size?: string; admin_password?: string };
      if (attributes.size === 'large')
        return {
          status: 'erred',
          reason: `cannot log in as admin with password ${attributes.admin_password} on the large cluster`,
        };
      return { status: 'done', backend_id: `rec-${job.resource.id}` };
    },
  };
}

describe.each(DATABASE_KINDS)('secret attributes on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  const jobs: ProvisioningJob[] = [];
  let offering: { id: string; plan: { id: string } };
  let versionId: string;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      worker: { pollIntervalMs: 50 },
      plugins: new PluginRegistry([manualPlugin, allocationPlugin, recordingPlugin(jobs)]),
    });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'sec');
    const api = w.serviceManager.api;
    const created = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'sec Database',
        type: 'recording',
        status: 'active',
      }),
    );
    versionId = (
      await api.expect(
        201,
        api.post('/offering-versions', { offering_id: created.id, version: '1.0.0', options_schema: DATABASE_SCHEMA }),
      )
    ).id;
    const plan = await api.expect(201, api.post('/plans', { offering_id: created.id, name: 'small' }));
    offering = { id: created.id, plan };
  });
  afterAll(() => server.close());

  const lastJob = (resourceId: string) => [...jobs].reverse().find((job) => job.resource.id === resourceId)!;

  /** Every answer the consumer's members and the provider can get about a resource and its orders, as one text. */
  async function everythingShown(resourceId: string): Promise<string> {
    const views = [];
    for (const api of [w.consumer.member.api, w.consumer.owner.api, w.serviceManager.api, admin]) {
      views.push(await api.expect(200, api.get(`/resources/${resourceId}`)));
      views.push(await api.expect(200, api.get(`/resources?project_id=${w.consumer.project.id}`)));
      views.push(await api.expect(200, api.get(`/resources?offering_id=${offering.id}`)));
      views.push(await api.expect(200, api.get(`/orders?resource_id=${resourceId}`)));
      views.push(await api.expect(200, api.get(`/events?limit=500`)));
    }
    return JSON.stringify(views);
  }

  test('a writeOnly or password property is validated, given to the plugin, and shown to nobody', async () => {
    const secret = `pw-${kind}-first-secret`;
    const nested = `repl-${kind}-nested-secret`;
    const attributes = {
      size: 'small',
      admin_password: secret,
      replication: { host: 'replica.example', password: nested },
    };
    const body = {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: offering.id,
      plan_id: offering.plan.id,
      name: 'db',
      attributes,
    };
    // A member orders: the order waits for approval, and every answer on the way hides the secrets.
    const placed = await w.consumer.member.api.expect(201, w.consumer.member.api.post('/orders', body));
    expect(placed.attributes).toEqual({ size: 'small', replication: { host: 'replica.example' } });
    expect(placed.secret_attribute_paths).toEqual(['admin_password', 'replication.password']);
    const approved = [
      await w.consumer.manager.api.expect(200, w.consumer.manager.api.post(`/orders/${placed.id}/approve`)),
      await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${placed.id}/approve`)),
    ];
    const done = await waitForOrder(admin, placed.id);
    expect(done.state).toBe('done');
    expect(lastJob(placed.resource_id).order.attributes).toEqual(attributes);
    const resource = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.get(`/resources/${placed.resource_id}`),
    );
    expect(resource).toMatchObject({
      state: 'OK',
      attributes: { size: 'small', replication: { host: 'replica.example' } },
      secret_attribute_paths: ['admin_password', 'replication.password'],
    });
    const shown = JSON.stringify([placed, approved, done]) + (await everythingShown(placed.resource_id));
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(nested);
  });

  test('an update that leaves a secret out keeps it; one that changes it places an order; one that drops its object drops it', async () => {
    const create = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name: 'kept',
        attributes: {
          size: 'small',
          admin_password: 'first-password',
          replication: { host: 'r1', password: 'replica-pw-1' },
        },
      }),
    );
    await waitForOrder(admin, create.id);
    const id = create.resource_id;

    // The configuration as a client can read it back, sent again: nothing changes.
    const readBack = (await admin.expect(200, admin.get(`/resources/${id}`))).attributes;
    expect((await admin.post('/orders', { type: 'update', resource_id: id, attributes: readBack })).status).toBe(400);

    const rename = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'update',
        resource_id: id,
        attributes: { ...readBack, replication: { host: 'r2' } },
      }),
    );
    expect(rename.changes).toEqual(['attributes']);
    await waitForOrder(admin, rename.id);
    expect(lastJob(id).order.attributes).toEqual({
      size: 'small',
      admin_password: 'first-password',
      replication: { host: 'r2', password: 'replica-pw-1' },
    });

    const rotate = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'update',
        resource_id: id,
        attributes: { size: 'small', admin_password: 'second-password', replication: { host: 'r2' } },
      }),
    );
    expect(rotate.changes).toEqual(['attributes']);
    await waitForOrder(admin, rotate.id);
    expect(lastJob(id).order.attributes).toEqual({
      size: 'small',
      admin_password: 'second-password',
      replication: { host: 'r2', password: 'replica-pw-1' },
    });
    expect(lastJob(id).resource.attributes).toEqual({
      size: 'small',
      admin_password: 'first-password',
      replication: { host: 'r2', password: 'replica-pw-1' },
    });

    const dropped = await admin.expect(
      201,
      admin.post('/orders', { type: 'update', resource_id: id, attributes: { size: 'small' } }),
    );
    await waitForOrder(admin, dropped.id);
    expect(lastJob(id).order.attributes).toEqual({ size: 'small', admin_password: 'second-password' });
    const after = await admin.expect(200, admin.get(`/resources/${id}`));
    expect(after).toMatchObject({ attributes: { size: 'small' }, secret_attribute_paths: ['admin_password'] });
    const terminate = await admin.expect(201, admin.post('/orders', { type: 'terminate', resource_id: id }));
    await waitForOrder(admin, terminate.id);
    expect(lastJob(id).resource.attributes).toEqual({ size: 'small', admin_password: 'second-password' });
    const shown = await everythingShown(id);
    for (const value of ['first-password', 'second-password', 'replica-pw-1']) expect(shown).not.toContain(value);
  });

  test('a secret is validated like any attribute, and a failure reason quoting it is masked', async () => {
    const short = await admin.post('/orders', {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: offering.id,
      plan_id: offering.plan.id,
      name: 'bad',
      attributes: { size: 'small', admin_password: 'short' },
    });
    expect(short.status).toBe(422);
    expect(short.body.errors).toEqual([
      { field: 'attributes.admin_password', message: 'must NOT have fewer than 8 characters' },
    ]);
    const missing = await admin.post('/orders', {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: offering.id,
      plan_id: offering.plan.id,
      name: 'bad',
      attributes: { size: 'small' },
    });
    expect(missing.body.errors).toEqual([{ field: 'attributes.admin_password', message: 'is required' }]);

    const failing = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name: 'fails',
        attributes: { size: 'large', admin_password: 'quoted-by-the-plugin' },
      }),
    );
    const erred = await waitForOrder(admin, failing.id);
    expect(erred.state).toBe('erred');
    expect(erred.reason).toBe('cannot log in as admin with password ******** on the large cluster');
    expect(await everythingShown(failing.resource_id)).not.toContain('quoted-by-the-plugin');
  });

  test('a version schema that marks a property secret later hides what is stored; one that marks no fixed path is refused', async () => {
    const api = w.serviceManager.api;
    const version = await api.expect(
      201,
      api.post('/offering-versions', {
        offering_id: offering.id,
        version: '2.0.0',
        options_schema: { type: 'object', properties: { size: { type: 'string' }, token: { type: 'string' } } },
      }),
    );
    expect(version.secret_attribute_paths).toEqual([]);
    const create = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        version: '2.0.0',
        name: 'later',
        attributes: { size: 'small', token: 'token-made-secret-later' },
      }),
    );
    await waitForOrder(admin, create.id);
    expect((await admin.expect(200, admin.get(`/resources/${create.resource_id}`))).attributes.token).toBe(
      'token-made-secret-later',
    );

    const marked = await api.expect(
      200,
      api.patch(`/offering-versions/${version.id}`, {
        options_schema: {
          type: 'object',
          properties: { size: { type: 'string' }, token: { type: 'string', writeOnly: true } },
        },
      }),
    );
    expect(marked.secret_attribute_paths).toEqual(['token']);
    expect(await everythingShown(create.resource_id)).not.toContain('token-made-secret-later');
    const update = await admin.expect(
      201,
      admin.post('/orders', { type: 'update', resource_id: create.resource_id, attributes: { size: 'medium' } }),
    );
    await waitForOrder(admin, update.id);
    expect(lastJob(create.resource_id).order.attributes).toEqual({ size: 'medium', token: 'token-made-secret-later' });

    for (const [schema, field] of [
      [
        {
          type: 'object',
          properties: {
            pools: {
              type: 'array',
              items: { type: 'object', properties: { key: { type: 'string', writeOnly: true } } },
            },
          },
        },
        'options_schema.properties.pools.items.properties.key',
      ],
      [
        { type: 'object', additionalProperties: { type: 'string', format: 'password' } },
        'options_schema.additionalProperties',
      ],
      [
        {
          type: 'object',
          properties: { a: { $ref: '#/$defs/secret' } },
          $defs: { secret: { type: 'string', writeOnly: true } },
        },
        'options_schema.$defs.secret',
      ],
      [{ type: 'object', anyOf: [{ properties: { b: { writeOnly: true } } }] }, 'options_schema.anyOf[0].properties.b'],
    ] as const) {
      const refused = await api.post('/offering-versions', {
        offering_id: offering.id,
        version: '3.0.0',
        options_schema: schema,
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ field, message: expect.stringContaining('no fixed path in attributes') }]);
      expect((await api.patch(`/offering-versions/${versionId}`, { options_schema: schema })).status).toBe(422);
    }
    expect((await api.expect(200, api.get(`/offering-versions/${versionId}`))).secret_attribute_paths).toEqual([
      'admin_password',
      'replication.password',
    ]);
  });

  test('a value stored as a secret stays secret when its mark is removed or the resource moves to a version without it', async () => {
    const api = w.serviceManager.api;
    const marked = {
      type: 'object',
      properties: { size: { type: 'string' }, token: { type: 'string', writeOnly: true } },
    };
    const unmarked = { type: 'object', properties: { size: { type: 'string' }, token: { type: 'string' } } };
    const version = await api.expect(
      201,
      api.post('/offering-versions', { offering_id: offering.id, version: '4.0.0', options_schema: marked }),
    );
    const create = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        version: '4.0.0',
        name: 'stays',
        attributes: { size: 'small', token: 'token-once-secret' },
      }),
    );
    await waitForOrder(admin, create.id);

    // The provider removes the mark: what was sent as a secret is not shown to anyone.
    await api.expect(200, api.patch(`/offering-versions/${version.id}`, { options_schema: unmarked }));
    expect(await everythingShown(create.resource_id)).not.toContain('token-once-secret');
    expect((await admin.expect(200, admin.get(`/resources/${create.resource_id}`))).secret_attribute_paths).toEqual([
      'token',
    ]);

    // An upgrade to a version that never marked it keeps it secret too, and gives it to the plugin.
    await api.expect(
      201,
      api.post('/offering-versions', { offering_id: offering.id, version: '5.0.0', options_schema: unmarked }),
    );
    const upgrade = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'update',
        resource_id: create.resource_id,
        version: '5.0.0',
        attributes: { size: 'large-ish' },
      }),
    );
    await waitForOrder(admin, upgrade.id);
    expect(lastJob(create.resource_id).order.attributes).toEqual({ size: 'large-ish', token: 'token-once-secret' });
    expect(await everythingShown(create.resource_id)).not.toContain('token-once-secret');
  });

  test("a reason a person gives is kept without the offering's secret options it quotes", async () => {
    const order = (name: string) =>
      w.consumer.owner.api.expect(
        201,
        w.consumer.owner.api.post('/orders', {
          type: 'create',
          project_id: w.consumer.project.id,
          offering_id: w.manual.id,
          plan_id: w.manual.plan.id,
          name,
          attributes: { instance_type: 'general-purpose' },
        }),
      );
    const rejected = await order('rejected');
    const rejection = await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${rejected.id}/reject`, { reason: 'our key provider-secret-value expired' }),
    );
    expect(rejection.reason).toBe('our key ******** expired');

    const failed = await order('failed');
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${failed.id}/approve`));
    await waitForProviderHandOver(admin, failed.id, 10000);
    const failure = await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${failed.id}/fail`, { reason: 'login with provider-secret-value refused' }),
    );
    expect(failure.reason).toBe('login with ******** refused');
    for (const id of [rejected.resource_id, failed.resource_id])
      expect(await everythingShown(id)).not.toContain('provider-secret-value');
  });
});
