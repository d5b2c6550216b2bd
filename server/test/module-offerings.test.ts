/**
 * Module-backed offerings (catalog/module-offerings.ts) on both databases, over HTTP against the
 * real server: a `terraform` offering names a module its organization may use; its versions are
 * made from the module's versions with a generated schema, when it is created, when its module
 * changes and when a module version is published; deprecating and yanking a module version is
 * reflected; a hand-written schema is refused; orders are validated against the generated schema.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';
import { moduleArchive } from './support/module-archives';

/** A module's main.tf with these variable blocks. */
const moduleFiles = (variables: string) => ({
  'main.tf': `${variables}\nresource "terraform_data" "this" {\n  input = var.name\n}\noutput "id" {\n  value = terraform_data.this.id\n}\n`,
});

const V1 = `
variable "name" {
  type        = string
  description = "What to call it"
  validation {
    condition     = length(var.name) >= 3 && can(regex("^[a-z0-9-]+$", var.name))
    error_message = "Lowercase letters, digits and dashes, at least 3."
  }
}
variable "size" {
  type    = number
  default = 2
  validation {
    condition     = contains([1, 2, 4], var.size)
    error_message = "1, 2 or 4."
  }
}
variable "pools" {
  type = map(object({
    zone     = string
    replicas = optional(number, 1)
  }))
  default = {}
}
variable "password" {
  type      = string
  sensitive = true
  default   = "module-default-secret"
}
`;

const V2 = `${V1}\nvariable "tags" {\n  type    = list(string)\n  default = []\n}\n`;

describe.each(DATABASE_KINDS)('module-backed offerings (%s)', (kind) => {
  let server: TestServer;
  let admin: Api;
  let world: World;
  let namespace: string;
  let sm: Api;

  /** Publishes a module version as `mercato module publish` does. */
  async function publish(api: Api, path: string, version: string, variables: string, visibility?: string) {
    const query = new URLSearchParams({ version, ...(visibility ? { visibility } : {}) });
    const response = await fetch(`${server.url}/api/v1/modules/${path}/versions?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/gzip' },
      body: moduleArchive(moduleFiles(variables)),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const offering = (module: string, name: string, api = sm, organizationId = world.provider.id) =>
    api.post('/offerings', {
      organization_id: organizationId,
      category_id: world.category.id,
      name,
      type: 'terraform',
      status: 'active',
      plugin_options: { module },
    });

  const versionsOf = async (offeringId: string) =>
    (await admin.expect(200, admin.get(`/offering-versions?offering_id=${offeringId}`))).items.sort(
      (a: { version: string }, b: { version: string }) => a.version.localeCompare(b.version),
    );

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
    world = await makeWorld(admin, `mo${kind}`);
    sm = world.serviceManager.api;
    namespace = (await admin.expect(200, admin.get(`/organizations/${world.provider.id}`))).slug;
    expect((await publish(sm, `${namespace}/app/local`, '1.0.0', V1)).status).toBe(201);
  });
  afterAll(() => server.close());

  test('an offering of a module gets a version per module version, with the schema generated from its inputs', async () => {
    const created = await sm.expect(201, offering(`${namespace}/app/local`, 'App'));
    expect(created.versions).toEqual(['1.0.0']);
    const [version] = await versionsOf(created.id);
    expect(version).toMatchObject({
      version: '1.0.0',
      status: 'available',
      changelog: `Module ${namespace}/app/local version 1.0.0.`,
      secret_attribute_paths: ['password'],
    });
    expect(version.options_schema).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      description: `Inputs of the module ${namespace}/app/local 1.0.0.`,
      additionalProperties: false,
      properties: {
        name: {
          type: ['string', 'null'],
          description: 'What to call it',
          minLength: 3,
          pattern: '^[a-z0-9-]+$',
        },
        password: { type: ['string', 'null'], writeOnly: true },
        pools: {
          type: ['object', 'null'],
          default: {},
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: { zone: { type: 'string' }, replicas: { type: ['number', 'null'], default: 1 } },
            required: ['zone'],
          },
        },
        size: { type: 'number', default: 2, enum: [1, 2, 4] },
      },
      required: ['name'],
    });
    // The sensitive input's default is nowhere in what the API answers.
    expect(JSON.stringify(await versionsOf(created.id))).not.toContain('module-default-secret');
    const events = await admin.expect(200, admin.get(`/events?object_id=${version.id}`));
    expect(events.items.map((e: { action: string }) => e.action)).toEqual(['offering_version.created']);
  });

  test('an order is validated against the generated schema: a bad attribute is refused naming it', async () => {
    const created = await sm.expect(201, offering(`${namespace}/app/local`, 'App orders'));
    const plan = await sm.expect(201, sm.post('/plans', { offering_id: created.id, name: 'basic', unit: 'month' }));
    const order = (attributes: object) =>
      world.consumer.manager.api.post('/orders', {
        type: 'create',
        project_id: world.consumer.project.id,
        offering_id: created.id,
        plan_id: plan.id,
        name: 'app',
        attributes,
      });
    const bad = await order({ name: 'Bad Name', size: 3, pools: { a: { replicas: 2 } } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'attributes.name' }),
        expect.objectContaining({ field: 'attributes.size' }),
        expect.objectContaining({ field: 'attributes.pools.a.zone' }),
      ]),
    );
    const unknown = await order({ name: 'good', colour: 'red' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('attributes.colour');
    const good = await world.consumer.manager.api.expect(201, order({ name: 'good', password: 'order-secret-1' }));
    expect(JSON.stringify(good)).not.toContain('order-secret-1');
  });

  test('publishing a module version gives every offering of the module its version, in the same transaction', async () => {
    const created = await sm.expect(201, offering(`${namespace}/app/local`, 'App publish'));
    expect((await publish(sm, `${namespace}/app/local`, '1.1.0', V2)).status).toBe(201);
    expect((await publish(sm, `${namespace}/app/local`, '2.0.0-rc.1', V2)).status).toBe(201);
    const versions = await versionsOf(created.id);
    expect(versions.map((v: { version: string; status: string }) => [v.version, v.status])).toEqual([
      ['1.0.0', 'available'],
      ['1.1.0', 'available'],
      ['2.0.0-rc.1', 'beta'],
    ]);
    expect(Object.keys(versions[1].options_schema.properties)).toContain('tags');
    const events = await admin.expect(200, admin.get(`/events?object_id=${versions[1].id}`));
    expect(events.items).toMatchObject([
      { action: 'offering_version.created', actor_id: world.serviceManager.id, changes: { version: '1.1.0' } },
    ]);
    // A module version whose input type cannot be read is refused while an offering uses the module: nothing is written.
    const broken = await publish(
      sm,
      `${namespace}/app/local`,
      '1.2.0',
      `${V1}\nvariable "bad" {\n  type = lst(string)\n}\n`,
    );
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0]).toMatchObject({ field: 'archive' });
    expect(broken.body.errors[0].message).toContain('the variable "bad" has a type constraint that cannot be read');
    const module = await admin.expect(200, admin.get(`/modules/${namespace}/app/local`));
    expect(module.versions.map((v: { version: string }) => v.version)).not.toContain('1.2.0');
    expect((await versionsOf(created.id)).length).toBe(3);
  });

  test('deprecating and yanking a module version deprecates its offering versions; taking it back makes them available', async () => {
    const created = await sm.expect(201, offering(`${namespace}/app/local`, 'App states'));
    const status = async (version: string) =>
      (await versionsOf(created.id)).find((v: { version: string }) => v.version === version);
    const base = `/modules/${namespace}/app/local/versions`;
    await sm.expect(200, sm.post(`${base}/1.0.0/deprecate`, { message: 'use 1.1.0' }));
    expect(await status('1.0.0')).toMatchObject({ status: 'deprecated', deprecation_message: 'use 1.1.0' });
    await sm.expect(200, sm.post(`${base}/1.0.0/undeprecate`));
    expect(await status('1.0.0')).toMatchObject({ status: 'available', deprecation_message: '' });
    await sm.expect(200, sm.post(`${base}/1.1.0/yank`));
    expect(await status('1.1.0')).toMatchObject({
      status: 'deprecated',
      deprecation_message: 'the module version was yanked',
    });
    // An offering created now does not get the yanked version.
    const later = await sm.expect(201, offering(`${namespace}/app/local`, 'App after yank'));
    expect(later.versions).toEqual(['1.0.0', '2.0.0-rc.1']);
    await sm.expect(200, sm.post(`${base}/1.1.0/unyank`));
    expect(await status('1.1.0')).toMatchObject({ status: 'available' });
    expect((await admin.expect(200, admin.get(`/offerings/${later.id}`))).versions).toEqual([
      '1.0.0',
      '1.1.0',
      '2.0.0-rc.1',
    ]);
  });

  test('an offering names a module of its own namespace or a public one', async () => {
    const missing = await offering(`${namespace}/nothing/local`, 'Nothing');
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'plugin_options.module', message: expect.stringContaining('no module') }),
    ]);
    const malformed = await offering('not-an-address', 'Malformed');
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0].field).toBe('plugin_options.module');
    // Another organization's modules: the public one may be offered, the private one may not.
    const other = world.other.owner.api;
    const otherNamespace = world.other.organization.slug;
    expect((await publish(other, `${otherNamespace}/shared/local`, '1.0.0', V1, 'public')).status).toBe(201);
    expect((await publish(other, `${otherNamespace}/hidden/local`, '1.0.0', V1, 'private')).status).toBe(201);
    const shared = await sm.expect(201, offering(`${otherNamespace}/shared/local`, 'Shared'));
    expect(shared.versions).toEqual(['1.0.0']);
    const hidden = await offering(`${otherNamespace}/hidden/local`, 'Hidden');
    expect(hidden.status).toBe(422);
    expect(hidden.body.errors[0].field).toBe('plugin_options.module');
    // Its own organization offers it.
    const own = await other.expect(
      201,
      offering(`${otherNamespace}/hidden/local`, 'Hidden own', other, world.other.organization.id),
    );
    expect(own.versions).toEqual(['1.0.0']);
    // A private module's new versions reach only its own organization's offerings.
    expect((await publish(other, `${otherNamespace}/hidden/local`, '1.1.0', V2)).status).toBe(201);
    expect((await admin.expect(200, admin.get(`/offerings/${own.id}`))).versions).toEqual(['1.0.0', '1.1.0']);
    // A public module's new version reaches another organization's offering only when its provider adds it.
    expect((await publish(other, `${otherNamespace}/shared/local`, '1.1.0', V2)).status).toBe(201);
    expect((await admin.expect(200, admin.get(`/offerings/${shared.id}`))).versions).toEqual(['1.0.0']);
    await sm.expect(201, sm.post('/offering-versions', { offering_id: shared.id, version: '1.1.0' }));
    expect((await admin.expect(200, admin.get(`/offerings/${shared.id}`))).versions).toEqual(['1.0.0', '1.1.0']);
  });

  test('changing the module of an offering makes its versions from the new module', async () => {
    expect((await publish(sm, `${namespace}/other/local`, '1.0.0', V2)).status).toBe(201);
    expect((await publish(sm, `${namespace}/other/local`, '3.0.0', V2)).status).toBe(201);
    const created = await sm.expect(201, offering(`${namespace}/app/local`, 'App moving'));
    const before = (await versionsOf(created.id)).find((v: { version: string }) => v.version === '1.0.0');
    const moved = await sm.expect(
      200,
      sm.patch(`/offerings/${created.id}`, { plugin_options: { module: `${namespace}/other/local` } }),
    );
    expect(moved.versions).toEqual(['1.0.0', '1.1.0', '2.0.0-rc.1', '3.0.0']);
    const after = (await versionsOf(created.id)).find((v: { version: string }) => v.version === '1.0.0');
    expect(after.id).toBe(before.id);
    expect(after.changelog).toBe(`Module ${namespace}/other/local version 1.0.0.`);
    expect(Object.keys(after.options_schema.properties)).toContain('tags');
    const refused = await sm.patch(`/offerings/${created.id}`, {
      plugin_options: { module: `${namespace}/none/local` },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('plugin_options.module');
  });

  test("a terraform offering's schema is generated: a written one is refused; a version is made from the module version of its number", async () => {
    const created = await sm.expect(201, offering(`${namespace}/app/local`, 'App versions'));
    const [first] = await versionsOf(created.id);
    const written = await sm.post('/offering-versions', {
      offering_id: created.id,
      version: '1.1.0',
      options_schema: { type: 'object' },
    });
    expect(written.status).toBe(422);
    expect(written.body.errors).toEqual([expect.objectContaining({ field: 'options_schema' })]);
    const patched = await sm.patch(`/offering-versions/${first.id}`, { options_schema: { type: 'object' } });
    expect(patched.status).toBe(422);
    expect(patched.body.errors[0].field).toBe('options_schema');
    // Status and changelog stay the provider's to change.
    await sm.expect(200, sm.patch(`/offering-versions/${first.id}`, { changelog: 'First release' }));
    // Deleted, then made again from the module version.
    const second = (await versionsOf(created.id)).find((v: { version: string }) => v.version === '1.1.0');
    await sm.expect(204, sm.delete(`/offering-versions/${second.id}`));
    const again = await sm.expect(201, sm.post('/offering-versions', { offering_id: created.id, version: '1.1.0' }));
    expect(again).toMatchObject({ changelog: `Module ${namespace}/app/local version 1.1.0.`, status: 'available' });
    expect(Object.keys(again.options_schema.properties)).toContain('tags');
    const none = await sm.post('/offering-versions', { offering_id: created.id, version: '9.9.9' });
    expect(none.status).toBe(404);
    expect(none.body.errors).toEqual([
      expect.objectContaining({ field: 'version', message: expect.stringContaining('has no published version 9.9.9') }),
    ]);
  });
});
