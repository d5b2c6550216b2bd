/**
 * mercato_resource `secret_attributes` through the real Terraform CLI and the real server: the
 * properties a version schema marks writeOnly or format password go in a sensitive argument; a
 * secret written in `attributes` fails the plan at its path; plans and output never show them;
 * the server stores them and never returns them, so a rotation places an order and a change made
 * outside Terraform is not seen; an import into a configuration with secrets places no order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { diagnostic, errors, expectNoChanges, type SavedPlan, type Workspace } from '../support/terraform';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['size', 'admin_password'],
  properties: {
    size: { type: 'string', enum: ['small', 'large'] },
    admin_password: { type: 'string', writeOnly: true, minLength: 8 },
    replication: {
      type: 'object',
      additionalProperties: false,
      properties: { host: { type: 'string' }, password: { type: 'string', format: 'password' } },
    },
  },
};

let h: MercatoHarness;
let w: World;
let offeringId: string;
let planId: string;

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'tfsec');
  const api = w.serviceManager.api;
  const offering = await api.expect(
    201,
    api.post('/offerings', {
      organization_id: w.provider.id,
      category_id: w.category.id,
      name: 'tfsec Database',
      type: 'allocation',
      status: 'active',
      auto_approve: true,
    }),
  );
  await api.expect(
    201,
    api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0', options_schema: SCHEMA }),
  );
  planId = (await api.expect(201, api.post('/plans', { offering_id: offering.id, name: 'small' }))).id;
  offeringId = offering.id;
});
afterAll(() => h?.close());

const config = (arguments_: string, name = 'db') => `provider "mercato" {}
resource "mercato_resource" "db" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${offeringId}"
  plan_id     = "${planId}"
  name        = "${name}"
${arguments_}
}
`;

/** The secrets the server stores for a resource (never returned by the API), read from its database. */
async function storedSecrets(resourceId: string) {
  const row = await h.server.app.db
    .selectFrom('resources')
    .select('secret_attributes')
    .where('id', '=', resourceId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.secret_attributes) as { path: string[]; value: unknown }[];
}

/**
 * The saved plan changes the resource with these actions, and Terraform holds `secret_attributes`
 * as sensitive before and after (what makes it show "(sensitive value)" and keep it out of output).
 */
function expectSensitive(plan: SavedPlan, actions: string[]) {
  const change = plan.change!('mercato_resource.db')!;
  expect(change.actions).toEqual(actions);
  expect(change.after_sensitive).toMatchObject({ secret_attributes: true });
  if (change.before) expect(change.before_sensitive).toMatchObject({ secret_attributes: true });
}

const ordersOf = async (resourceId: string) =>
  (await h.admin.expect(200, h.admin.get(`/orders?resource_id=${resourceId}`))).items as {
    type: string;
    changes: string[];
  }[];

describe('mercato_resource secret_attributes', () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = h.workspace('secrets', '');
  });

  test('a secret property written in attributes, or in both arguments, fails the plan at its path', async () => {
    ws.write(config('  attributes = { size = "small", admin_password = "in-the-open-1" }'));
    const open = await ws.plan();
    expect(open.code).toBe(1);
    diagnostic(
      open,
      'Invalid attributes',
      'attributes.admin_password is secret (`writeOnly` or `format: password` in the schema): move it into `secret_attributes`, which Terraform keeps out of plans and output',
    );
    ws.write(
      config(
        '  attributes = { size = "small", replication = { password = "in-the-open-2" } }\n  secret_attributes = { admin_password = "hidden-pw-1" }',
      ),
    );
    diagnostic(await ws.plan(), 'Invalid attributes', 'attributes.replication.password is secret');
    ws.write(
      config(
        '  attributes = { size = "small", admin_password = "twice-pw-1" }\n  secret_attributes = { admin_password = "twice-pw-1" }',
      ),
    );
    diagnostic(await ws.plan(), 'Invalid attributes', 'secret_attributes.admin_password is also set in `attributes`');
    // Schema errors of a secret point at secret_attributes, and quote no value.
    ws.write(config('  attributes = { size = "small" }\n  secret_attributes = { admin_password = "short" }'));
    const short = await ws.plan();
    expect(short.code).toBe(1);
    expect(
      diagnostic(short, 'Invalid attributes', 'secret_attributes.admin_password must NOT have fewer than 8 characters')
        .detail,
    ).not.toContain('"short"');
    ws.write(config('  attributes = { size = "small" }'));
    diagnostic(await ws.plan(), 'Invalid attributes', 'secret_attributes.admin_password is required');
    // A number the API cannot keep is refused without quoting it (only Terraform's source excerpt shows it).
    ws.write(
      config(
        '  attributes = { size = "small" }\n  secret_attributes = { admin_password = "long-enough", pin = 9007199254740993 }',
      ),
    );
    const big = await ws.plan();
    expect(errors(big).map((d) => d.detail)).toEqual([
      'secret_attributes.pin: the number cannot be kept exactly: a number must be an integer within ±9007199254740991 or a decimal of at most 15 significant digits.',
    ]);
    expect((await h.admin.expect(200, h.admin.get(`/resources?offering_id=${offeringId}`))).items).toEqual([]);
  });

  test('secrets are ordered, stored, kept sensitive by Terraform, rotated by an update order, and never read back', async () => {
    const secrets = (admin: string, replica: string) =>
      `  secret_attributes = { admin_password = "${admin}", replication = { password = "${replica}" } }`;
    ws.write(
      config(
        `  attributes = { size = "small", replication = { host = "r1" } }\n${secrets('first-admin-pw', 'first-replica-pw')}`,
      ),
    );
    const plan = await ws.savedPlan();
    expectSensitive(plan, ['create']);
    const apply = await ws.applySaved();
    for (const output of [plan.output, apply.output]) {
      expect(output).not.toContain('first-admin-pw');
      expect(output).not.toContain('first-replica-pw');
    }
    const id = ws.resources()['mercato_resource.db'].values.id as string;
    expect(await storedSecrets(id)).toEqual([
      { path: ['admin_password'], value: 'first-admin-pw' },
      { path: ['replication', 'password'], value: 'first-replica-pw' },
    ]);
    expect(await h.admin.expect(200, h.admin.get(`/resources/${id}`))).toMatchObject({
      attributes: { size: 'small', replication: { host: 'r1' } },
      secret_attribute_paths: ['admin_password', 'replication.password'],
    });
    // In the state only as a sensitive value; the next plan reads the resource and sees nothing to do.
    const state = JSON.parse(readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8'));
    const instance = state.resources.find((r: { type: string }) => r.type === 'mercato_resource').instances[0];
    expect(instance.attributes.attributes.value).toEqual({ size: 'small', replication: { host: 'r1' } });
    expect(instance.attributes.secret_attributes.value).toEqual({
      admin_password: 'first-admin-pw',
      replication: { password: 'first-replica-pw' },
    });
    expect(JSON.stringify(instance.sensitive_attributes)).toContain('secret_attributes');
    expectNoChanges(await ws.plan());

    ws.write(
      config(
        `  attributes = { size = "small", replication = { host = "r1" } }\n${secrets('second-admin-pw', 'first-replica-pw')}`,
      ),
    );
    const rotate = await ws.savedPlan();
    expectSensitive(rotate, ['update']);
    expect(rotate.output).not.toContain('second-admin-pw');
    await ws.applySaved();
    expect((await storedSecrets(id))[0]).toEqual({ path: ['admin_password'], value: 'second-admin-pw' });
    expect((await ordersOf(id)).map((o) => [o.type, o.changes])).toEqual([
      ['create', []],
      ['update', ['attributes']],
    ]);
    expectNoChanges(await ws.plan());

    // Changed outside Terraform: the server does not return secrets, so no plan can see it (documented).
    const outside = await h.admin.expect(
      201,
      h.admin.post('/orders', {
        type: 'update',
        resource_id: id,
        attributes: { size: 'small', admin_password: 'changed-outside', replication: { host: 'r1' } },
      }),
    );
    await waitForOrder(h.admin, outside.id);
    expectNoChanges(await ws.plan());
    ws.write(
      config(
        `  attributes = { size = "large", replication = { host = "r1" } }\n${secrets('second-admin-pw', 'first-replica-pw')}`,
      ),
    );
    await ws.apply();
    expect((await storedSecrets(id))[0]).toEqual({ path: ['admin_password'], value: 'second-admin-pw' });
    await ws.destroy();
  });

  test('importing a resource with secrets places no order for the values the server holds', async () => {
    const body = {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: offeringId,
      plan_id: planId,
      name: 'imported',
      attributes: { size: 'small', admin_password: 'imported-admin-pw' },
    };
    const created = await h.admin.expect(201, h.admin.post('/orders', body));
    await waitForOrder(h.admin, created.id);
    const imported = h.workspace(
      'secrets-import',
      config(
        '  attributes = { size = "small" }\n  secret_attributes = { admin_password = "imported-admin-pw" }',
        'imported',
      ),
    );
    await imported.terraform(['import', '-input=false', 'mercato_resource.db', created.resource_id]);
    const plan = await imported.savedPlan();
    expectSensitive(plan, ['update']);
    expect(plan.change!('mercato_resource.db')!.before!.secret_attributes).toBeNull();
    await imported.applySaved();
    expect((await ordersOf(created.resource_id)).map((o) => o.type)).toEqual(['create']);
    expectNoChanges(await imported.plan());
    // A different secret than the server holds is ordered.
    imported.write(
      config(
        '  attributes = { size = "small" }\n  secret_attributes = { admin_password = "after-import-pw" }',
        'imported',
      ),
    );
    await imported.apply();
    expect((await ordersOf(created.resource_id)).map((o) => o.type)).toEqual(['create', 'update']);
    expect(await storedSecrets(created.resource_id)).toEqual([{ path: ['admin_password'], value: 'after-import-pw' }]);
  });

  test('a property the schema marks secret later fails the plan in attributes, and moves to secret_attributes with no order', async () => {
    const api = w.serviceManager.api;
    const offering = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'tfsec Queue',
        type: 'allocation',
        status: 'active',
        auto_approve: true,
      }),
    );
    const schema = (token: object) => ({ type: 'object', properties: { size: { type: 'string' }, token } });
    const version = await api.expect(
      201,
      api.post('/offering-versions', {
        offering_id: offering.id,
        version: '1.0.0',
        options_schema: schema({ type: 'string' }),
      }),
    );
    const plan = await api.expect(201, api.post('/plans', { offering_id: offering.id, name: 'small' }));
    const queue = (arguments_: string) => config(arguments_).replace(offeringId, offering.id).replace(planId, plan.id);
    const moved = h.workspace(
      'secrets-moved',
      queue('  attributes = { size = "small", token = "token-before-marked" }'),
    );
    await moved.apply();
    const id = moved.resources()['mercato_resource.db'].values.id as string;

    await api.expect(
      200,
      api.patch(`/offering-versions/${version.id}`, { options_schema: schema({ type: 'string', writeOnly: true }) }),
    );
    const refused = await moved.plan();
    expect(refused.code).toBe(1);
    diagnostic(refused, 'Invalid attributes', 'attributes.token is secret');
    moved.write(queue('  attributes = { size = "small" }\n  secret_attributes = { token = "token-before-marked" }'));
    await moved.apply();
    expect((await ordersOf(id)).map((o) => o.type)).toEqual(['create']);
    expectNoChanges(await moved.plan());
    expect(await storedSecrets(id)).toEqual([{ path: ['token'], value: 'token-before-marked' }]);
  });
});
