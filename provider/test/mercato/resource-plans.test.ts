/**
 * What a mercato_resource plan shows and what its apply does, through the real Terraform CLI and
 * the real server: an apply does only what its plan showed (an import followed by a rename places
 * no order), computed values stay known when a change cannot alter them, plan-time errors point
 * at the attribute in the configuration and say what is allowed, version warnings, the numbers
 * and nesting the API keeps, and user-written patterns that cannot hang a plan.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { diagnostic, expectNoChanges, flat, type SavedPlan, type Workspace } from '../support/terraform';
import { makeWorld, waitForOrder, waitForProviderHandOver, type World } from '@mercato/test-support/world';

let h: MercatoHarness;
let w: World;
/** An allocation offering (granted at once) whose version schema lets most attributes through. */
let sandbox: { id: string; plan: { id: string } };

const SANDBOX_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  properties: {
    size: { enum: ['small', 'large'] },
    code: { type: 'string', pattern: '^(a+)+$' },
    pools: { type: 'array', items: { type: 'object', properties: { replicas: { type: 'integer', minimum: 1 } } } },
  },
};

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'rp');
  const api = w.serviceManager.api;
  const offering = await api.expect(
    201,
    api.post('/offerings', {
      organization_id: w.provider.id,
      category_id: w.category.id,
      name: 'rp Sandbox',
      type: 'allocation',
      status: 'active',
      auto_approve: true,
      components: ['cpu', 'ram', 'ratio'].map((type) => ({
        type,
        name: type,
        measured_unit: 'unit',
        billing_type: 'limit',
      })),
    }),
  );
  for (const [version, status] of [
    ['0.9.0', 'available'],
    ['1.0.0', 'available'],
    ['1.1.0', 'beta'],
  ]) {
    await api.expect(
      201,
      api.post('/offering-versions', { offering_id: offering.id, version, status, options_schema: SANDBOX_SCHEMA }),
    );
  }
  const plan = await api.expect(201, api.post('/plans', { offering_id: offering.id, name: 'small', unit: 'month' }));
  sandbox = { id: offering.id, plan };
});
afterAll(() => h?.close());

type Order = { id: string; type: string; state: string; changes: string[]; resource_id: string };
const ordersOf = async (resourceId: string) =>
  (await h.admin.expect(200, h.admin.get(`/orders?resource_id=${resourceId}`))).items as Order[];

/** Places an order through the API as staff; a manual offering's order is completed as its provider would. */
async function orderOutside(body: Record<string, unknown>, complete?: Record<string, unknown>): Promise<Order> {
  const placed = await h.admin.expect(201, h.admin.post('/orders', body));
  if (complete) {
    await waitForProviderHandOver(h.admin, placed.id, 10_000);
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${placed.id}/complete`, complete));
  }
  const done = await waitForOrder(h.admin, placed.id);
  expect(done.state).toBe('done');
  return done;
}

const sandboxResource = (label: string, body: string, extra = '') => `resource "mercato_resource" "${label}" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${sandbox.id}"
  plan_id     = "${sandbox.plan.id}"
${body}
}
${extra}`;

/** The computed attributes a plan leaves "known after apply". */
const unknownIn = (plan: SavedPlan, address: string) =>
  Object.entries(plan.change!(address)!.after_unknown)
    .filter(([, unknown]) => unknown === true)
    .map(([name]) => name)
    .sort();

describe('an apply does only what its plan showed', () => {
  test('importing a resource made through the API, then renaming it and changing its timeouts, places no order', async () => {
    // Keys in another order than Terraform's (which sorts them), as an API client may send them.
    const attributes = { node_pools: [{ replicas: 2, name: 'a' }], instance_type: 'general-purpose' };
    const created = await orderOutside(
      {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: w.manual.id,
        plan_id: w.manual.plan.id,
        name: 'imported-vm',
        attributes,
        limits: { cpu: 2 },
      },
      { backend_id: 'vm-7' },
    );
    const id = created.resource_id;
    const config = (name: string, timeouts: string) => `provider "mercato" {}
import {
  to = mercato_resource.vm
  id = "${id}"
}
resource "mercato_resource" "vm" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${w.manual.id}"
  plan_id     = "${w.manual.plan.id}"
  name        = "${name}"
  attributes  = { instance_type = "general-purpose", node_pools = [{ name = "a", replicas = 2 }] }
  limits      = { cpu = 2 }
${timeouts}
}
`;
    // Imported with a timeouts block from the start: the only change is the block itself.
    const ws = h.workspace('import-rename', config('imported-vm', '  timeouts {\n    update = "5s"\n  }'));
    const importPlan = await ws.savedPlan();
    expect(importPlan.summary).toMatchObject({ import: 1, add: 0, change: 1, remove: 0 });
    const imported = importPlan.change!('mercato_resource.vm')!;
    expect([imported.actions, imported.importing, imported.before!.timeouts, imported.after!.timeouts]).toEqual([
      ['update'],
      { id },
      null,
      { create: null, update: '5s', delete: null },
    ]);
    expect(unknownIn(importPlan, 'mercato_resource.vm')).toEqual([]);
    expect((await ws.applySaved()).summary).toMatchObject({ import: 1, add: 0, change: 1, remove: 0 });
    expectNoChanges(await ws.plan());

    // A rename and a new timeout: no computed value becomes unknown, and no order is placed.
    ws.write(config('renamed-vm', '  timeouts {\n    update = "6s"\n  }'));
    const rename = await ws.savedPlan();
    expect(rename.code).toBe(2);
    expect(rename.change!('mercato_resource.vm')!.actions).toEqual(['update']);
    expect(unknownIn(rename, 'mercato_resource.vm')).toEqual([]);
    // An order would wait for the manual offering's provider past the 6 s timeout, failing the apply.
    expect((await ws.applySaved()).summary).toMatchObject({ add: 0, change: 1, remove: 0 });
    expect((await ordersOf(id)).map((o) => [o.type, o.state])).toEqual([['create', 'done']]);
    expect(await h.admin.expect(200, h.admin.get(`/resources/${id}`))).toMatchObject({
      name: 'renamed-vm',
      state: 'OK',
      backend_id: 'vm-7',
      attributes,
    });
    expectNoChanges(await ws.plan());
  });

  test('a resource with no attributes or limits imports as "no changes" into `attributes = {}` and into a configuration without them', async () => {
    const bare = async (name: string) =>
      (
        await orderOutside({
          type: 'create',
          project_id: w.consumer.project.id,
          offering_id: sandbox.id,
          plan_id: sandbox.plan.id,
          name,
        })
      ).resource_id;
    const [withEmpty, without] = [await bare('bare-a'), await bare('bare-b')];
    const ws = h.workspace(
      'import-empty',
      `provider "mercato" {}
import {
  to = mercato_resource.a
  id = "${withEmpty}"
}
import {
  to = mercato_resource.b
  id = "${without}"
}
${sandboxResource('a', '  name        = "bare-a"\n  version     = "1.0.0"\n  attributes  = {}\n  limits      = {}')}
${sandboxResource('b', '  name        = "bare-b"\n  version     = "1.0.0"')}`,
    );
    const plan = await ws.savedPlan();
    expect(plan.summary).toMatchObject({ import: 2, add: 0, change: 0, remove: 0 });
    expect(['a', 'b'].map((name) => plan.change!(`mercato_resource.${name}`)!.actions)).toEqual([['no-op'], ['no-op']]);
    await ws.applySaved();
    expectNoChanges(await ws.plan());
    expect((await ordersOf(withEmpty)).map((o) => o.type)).toEqual(['create']);
  });
});

describe('computed values stay known when a change cannot alter them', () => {
  let ws: Workspace;
  const config = (name: string, cpu: number, timeout = '30m') =>
    `provider "mercato" {}
${sandboxResource('r', `  name        = "${name}"\n  version     = "1.0.0"\n  limits      = { cpu = ${cpu} }\n  timeouts {\n    update = "${timeout}"\n  }`)}
# Stands for anything keyed on the backend ID: a DNS record, a monitoring check...
resource "terraform_data" "uses_backend_id" {
  triggers_replace = mercato_resource.r.backend_id
}
`;
  const dependant = () => ws.resources()['terraform_data.uses_backend_id'].values.id;

  beforeAll(async () => {
    ws = h.workspace('computed-known', config('stable', 1));
    await ws.apply();
  });

  test('a rename or a timeouts change keeps every computed value, so nothing that uses them is replaced', async () => {
    const before = dependant();
    ws.write(config('stable-renamed', 1, '45m'));
    const plan = await ws.savedPlan();
    expect(plan.change!('mercato_resource.r')!.actions).toEqual(['update']);
    expect(unknownIn(plan, 'mercato_resource.r')).toEqual([]);
    expect(plan.change!('terraform_data.uses_backend_id')!.actions).toEqual(['no-op']);
    await ws.applySaved();
    expect(dependant()).toBe(before);
    expect((await ordersOf(ws.resources()['mercato_resource.r'].values.id as string)).map((o) => o.type)).toEqual([
      'create',
    ]);
  });

  test('an ordered change (limits) plans only what an order can alter as unknown: the backend ID stays known', async () => {
    const before = dependant();
    ws.write(config('stable-renamed', 2, '45m'));
    const plan = await ws.savedPlan();
    // The estimate follows the limits: unknown until the server estimates the new ones.
    expect(unknownIn(plan, 'mercato_resource.r')).toEqual([
      'backend_state',
      'monthly_cost_estimate',
      'order_id',
      'outputs',
      'secret_outputs',
      'state',
    ]);
    expect(plan.change!('terraform_data.uses_backend_id')!.actions).toEqual(['no-op']);
    await ws.applySaved();
    expect(dependant()).toBe(before);
    const id = ws.resources()['mercato_resource.r'].values.id as string;
    expect((await ordersOf(id)).map((o) => [o.type, o.changes])).toEqual([
      ['create', []],
      ['update', ['limits']],
    ]);
    expectNoChanges(await ws.plan());
  });
});

describe('plan-time errors and warnings', () => {
  test('schema errors point at the attribute in the configuration, and an enum error lists the allowed values', async () => {
    const ws = h.workspace(
      'schema-errors',
      `provider "mercato" {}
${sandboxResource(
  'r',
  `  name        = "invalid"
  attributes = {
    size = "medium"
    pools = [
      { replicas = 2 },
      { replicas = 0 },
    ]
  }`,
)}`,
    );
    const plan = await ws.savedPlan();
    expect(plan.code).toBe(1);
    const size = diagnostic(
      plan,
      'Invalid attributes',
      'attributes.size must be one of "small", "large" (offering version 1.0.0).',
    );
    expect(size.range!.start.line).toBe(ws.lineOf('size = "medium"'));
    expect(size.snippet!.code).toContain('size = "medium"');
    // Terraform shows one step into an attribute's value: the list; the detail names the element.
    const replicas = diagnostic(
      plan,
      'Invalid attributes',
      'attributes.pools[1].replicas must be >= 1 (offering version 1.0.0).',
    );
    expect(replicas.range!.start.line).toBe(ws.lineOf('pools = ['));
    for (const d of plan.diagnostics) expect(d.detail).not.toMatch(/\.\.(\s|$)/);
    expect(
      (await h.admin.expect(200, h.admin.get(`/resources?project_id=${w.consumer.project.id}&name=invalid`))).items,
    ).toEqual([]);
  });

  test('a beta version warns at plan time; a deprecated one is an error for a new resource and a warning while in use', async () => {
    const ws = h.workspace(
      'version-status',
      `provider "mercato" {}\n${sandboxResource('r', '  name        = "beta-user"\n  version     = "1.1.0"')}`,
    );
    const beta = await ws.savedPlan();
    expect(beta.code).toBe(2);
    const warning = diagnostic(beta, 'Beta offering version', 'Version 1.1.0 of the offering is a beta');
    expect(warning.severity).toBe('warning');
    expect(flat(warning.detail)).toContain('The latest available version is 1.0.0.');
    expect(warning.range!.start.line).toBe(ws.lineOf('version     = "1.1.0"'));

    // A resource on 0.9.0, then 0.9.0 is deprecated.
    ws.write(`provider "mercato" {}\n${sandboxResource('r', '  name        = "old-user"\n  version     = "0.9.0"')}`);
    await ws.apply();
    const versions = (await h.admin.expect(200, h.admin.get(`/offering-versions?offering_id=${sandbox.id}`))).items as {
      id: string;
      version: string;
    }[];
    const old = versions.find((v) => v.version === '0.9.0')!;
    await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.patch(`/offering-versions/${old.id}`, {
        status: 'deprecated',
        deprecation_message: 'Ends in June.',
        replacement_version: '1.0.0',
      }),
    );
    const inUse = await ws.savedPlan();
    expect(inUse.code).toBe(0);
    const deprecated = diagnostic(
      inUse,
      'Deprecated offering version',
      'Version 0.9.0 of the offering is deprecated. Ends in June. Use 1.0.0 instead. The resource keeps working',
    );
    expect(deprecated.severity).toBe('warning');

    ws.write(
      `provider "mercato" {}\n${sandboxResource('r', '  name        = "old-user"\n  version     = "0.9.0"')}\n${sandboxResource('fresh', '  name        = "new-on-old"\n  version     = "0.9.0"')}`,
    );
    const fresh = await ws.savedPlan();
    expect(fresh.code).toBe(1);
    const refused = diagnostic(
      fresh,
      'Deprecated offering version',
      'Version 0.9.0 of the offering is deprecated. Ends in June. Use 1.0.0 instead. A deprecated version takes no new resources.',
    );
    expect(refused.severity).toBe('error');
    ws.write(`provider "mercato" {}\n${sandboxResource('r', '  name        = "old-user"\n  version     = "0.9.0"')}`);
    await ws.destroy();
  });
});

describe('numbers and nesting the API keeps', () => {
  test('integers beyond 2^53 and decimals a double cannot hold are plan-time errors at their path; nothing reaches the server', async () => {
    const ws = h.workspace(
      'big-numbers',
      `provider "mercato" {}
${sandboxResource(
  'r',
  `  name        = "big"
  limits      = {
    cpu   = 9007199254740993
    ratio = 0.10000000000000000001
  }
  attributes  = { nested = { n = 1e20 } }`,
)}
resource "mercato_plan" "p" {
  offering_id = "${sandbox.id}"
  name        = "huge"
  prices      = { cpu = 12345678901234567890 }
}
`,
    );
    const plan = await ws.savedPlan();
    expect(plan.code).toBe(1);
    const rule = 'a number must be an integer within ±9007199254740991 or a decimal of at most 15 significant digits.';
    const cpu = diagnostic(
      plan,
      'Number cannot be kept exactly',
      `limits.cpu: 9007199254740993 cannot be kept exactly: ${rule}`,
    );
    expect(cpu.range!.start.line).toBe(ws.lineOf('cpu   = 9007199254740993'));
    diagnostic(
      plan,
      'Number cannot be kept exactly',
      `limits.ratio: 0.10000000000000000001 cannot be kept exactly: ${rule}`,
    );
    const nested = diagnostic(
      plan,
      'Number cannot be kept exactly',
      `attributes.nested.n: 100000000000000000000 cannot be kept exactly: ${rule}`,
    );
    expect(nested.range!.start.line).toBe(ws.lineOf('attributes  = { nested'));
    diagnostic(
      plan,
      'Number cannot be kept exactly',
      `prices.cpu: 12345678901234567890 cannot be kept exactly: ${rule}`,
    );
    expect(JSON.stringify(plan.diagnostics)).not.toMatch(/BigInt|cannot reach|Plugin error/);
    expect(
      (await h.admin.expect(200, h.admin.get(`/resources?project_id=${w.consumer.project.id}&name=big`))).items,
    ).toEqual([]);
  });

  test('fractions and the largest safe integer round-trip exactly through plan, apply, state and the server', async () => {
    const ws = h.workspace(
      'exact-numbers',
      `provider "mercato" {}
${sandboxResource(
  'r',
  `  name        = "exact"
  limits      = { ratio = 0.1, cpu = 1e-7, ram = 123456789.123 }
  attributes  = { ratio = 0.1, tiny = 1e-7, money = 123456789.123, max = 9007199254740991, min = -9007199254740991 }`,
)}
output "limits" { value = mercato_resource.r.limits }
output "attributes" { value = mercato_resource.r.attributes }
`,
    );
    await ws.apply();
    const limits = { ratio: 0.1, cpu: 1e-7, ram: 123456789.123 };
    const attributes = { ratio: 0.1, tiny: 1e-7, money: 123456789.123, max: 9007199254740991, min: -9007199254740991 };
    expect(await ws.outputValues()).toEqual({ limits, attributes });
    const id = ws.resources()['mercato_resource.r'].values.id as string;
    expect(await h.admin.expect(200, h.admin.get(`/resources/${id}`))).toMatchObject({ limits, attributes });
    expectNoChanges(await ws.plan());
    await ws.destroy();
  });

  test('attributes nested 32 levels deep pass; 33 levels are a plan-time error naming the path', async () => {
    const nest = (levels: number): string => (levels === 0 ? '1' : `{ a = ${nest(levels - 1)} }`);
    const ws = h.workspace(
      'deep',
      `provider "mercato" {}\n${sandboxResource('r', `  name        = "deep"\n  attributes  = ${nest(33)}`)}`,
    );
    const deep = await ws.savedPlan();
    expect(deep.code).toBe(1);
    const found = diagnostic(
      deep,
      'Value nested too deeply',
      `attributes${'.a'.repeat(32)}: nests deeper than 32 levels, the limit for a JSON value in Mercato.`,
    );
    expect(found.range!.start.line).toBe(ws.lineOf('  attributes  = {'));
    ws.write(`provider "mercato" {}\n${sandboxResource('r', `  name        = "deep"\n  attributes  = ${nest(32)}`)}`);
    expect((await ws.savedPlan()).code).toBe(2);
  });
});

describe('user-written patterns', () => {
  test('a pattern with catastrophic backtracking cannot hang a plan: it runs in linear time', async () => {
    const ws = h.workspace(
      'redos',
      `provider "mercato" {}\n${sandboxResource('r', `  name        = "redos"\n  attributes  = { code = "${'a'.repeat(40)}!" }`)}`,
    );
    const started = Date.now();
    const plan = await ws.savedPlan();
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(plan.code).toBe(1);
    diagnostic(plan, 'Invalid attributes', 'attributes.code must match pattern "^(a+)+$" (offering version 1.0.0).');
  });

  test('a pattern RE2 cannot run is a clear plan-time error on the offering version', async () => {
    const ws = h.workspace(
      'lookahead',
      `provider "mercato" {}
resource "mercato_offering_version" "v" {
  offering_id    = "${sandbox.id}"
  version        = "9.0.0"
  options_schema = jsonencode({ type = "object", properties = { name = { type = "string", pattern = "^(?!admin).*$" } } })
}
`,
    );
    const plan = await ws.savedPlan();
    expect(plan.code).toBe(1);
    const found = diagnostic(
      plan,
      'Pattern cannot run in linear time',
      'options_schema has the pattern `^(?!admin).*$` at properties.name.pattern',
    );
    expect(found.range!.start.line).toBe(ws.lineOf('options_schema = jsonencode'));
  });
});
