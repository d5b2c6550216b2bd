/**
 * The framework's plan semantics through the real Terraform CLI: unknown computed values, no diff
 * on re-plan (also with -refresh=false and huge integers), in-place update, requires-replace,
 * dynamic values, sensitive and write-only values, data sources, drift, destroy.
 */
import { writeFileSync } from 'node:fs';
import { createHarness, type Harness } from './support/example-harness';
import { expectNoChanges, resourcesByAddress, type Workspace } from './support/terraform';

const config = (opts: { name?: string; tags?: string; password?: boolean } = {}) => `
provider "example" {}

resource "example_thing" "a" {
  name   = "${opts.name ?? 'alpha'}"
  tags   = ${opts.tags ?? '["x", "y"]'}
  labels = { team = "core" }
  secret = "s3cret-value"
  ${opts.password === false ? '' : 'password = "hunter2"'}
  attributes = {
    ratio      = 0.1
    big        = 12345678901234567890
    node_pools = [{ name = "p1", replicas = 3, zones = ["a", "b"] }]
  }
  component {
    name = "cpu"
  }
  component {
    name  = "ram"
    price = 2.5
  }
}

data "example_thing" "a" {
  id = example_thing.a.id
}

output "replicas" {
  value = data.example_thing.a.attributes.node_pools[0].replicas
}
`;

let harness: Harness;
let ws: Workspace;

beforeAll(async () => {
  harness = await createHarness();
  ws = harness.workspace('lifecycle', config());
});
afterAll(() => harness?.cleanup());

test('a new resource plans computed values as unknown, defaults, sensitive and write-only values', async () => {
  const plan = await ws.savedPlan();
  expect(plan.code).toBe(2);
  expect(plan.summary).toMatchObject({ add: 1, change: 0, remove: 0 });
  const change = plan.change!('example_thing.a')!;
  expect(change.actions).toEqual(['create']);
  expect(change.after_unknown).toMatchObject({ id: true, revision: true, password_set: true });
  // The write-only password is never planned; the huge integer and the decimal stay exact.
  expect(change.after).toMatchObject({
    size: 10,
    password: null,
    attributes: { ratio: 0.1, big: 12345678901234567890n },
  });
  expect(change.after_sensitive).toMatchObject({ secret: true });
});

test('apply creates it: exact numbers in the backend, write-only value used but not stored', async () => {
  const apply = await ws.applySaved();
  expect(apply.summary).toMatchObject({ add: 1, change: 0, remove: 0 });
  const [stored] = Object.values(harness.readStore());
  expect(stored.attributes).toEqual({
    ratio: 0.1,
    big: 12345678901234567890n,
    node_pools: [{ name: 'p1', replicas: 3, zones: ['a', 'b'] }],
  });
  expect(stored.component).toEqual([
    { name: 'cpu', price: 1 },
    { name: 'ram', price: 2.5 },
  ]);

  const thing = resourcesByAddress(await ws.state())['example_thing.a'].values;
  expect(thing.id).toMatch(/^thing-/);
  expect(thing.password).toBeNull();
  expect(thing.password_set).toBe(true);
  expect(thing.revision).toBe(1);
  expect(thing.size).toBe(10);
  const outputs = JSON.parse((await ws.terraform(['output', '-json'])).stdout);
  expect(outputs.replicas.value).toBe(3);
});

test('re-planning shows no changes, with and without refresh', async () => {
  expectNoChanges(await ws.plan());
  expectNoChanges(await ws.plan(['-refresh=false']));
});

test('an in-place update keeps the id and re-computes other computed values', async () => {
  const id = ws.resources()['example_thing.a'].values.id;
  ws.write(config({ tags: '["x"]' }));
  const plan = await ws.savedPlan();
  expect(plan.code).toBe(2);
  const change = plan.change!('example_thing.a')!;
  expect([change.actions, change.replace_paths]).toEqual([['update'], undefined]);
  expect(change.after).toMatchObject({ id, tags: ['x'] }); // the id is kept, not unknown
  expect(change.before).toMatchObject({ revision: 1 });
  expect(change.after_unknown).toMatchObject({ revision: true });
  expect(change.after_unknown.id).toBeUndefined();
  await ws.applySaved();
  expect(resourcesByAddress(await ws.state())['example_thing.a'].values.revision).toBe(2);
  expectNoChanges(await ws.plan());
});

test('changing a requires-replace attribute plans a replacement', async () => {
  ws.write(config({ tags: '["x"]', name: 'beta' }));
  const plan = await ws.savedPlan();
  expect(plan.summary).toMatchObject({ add: 1, change: 0, remove: 1 });
  const change = plan.change!('example_thing.a')!;
  expect([change.actions, change.replace_paths, change.before!.name, change.after!.name]).toEqual([
    ['delete', 'create'],
    [['name']],
    'alpha',
    'beta',
  ]);
  expect((await ws.applySaved()).summary).toMatchObject({ add: 1, change: 0, remove: 1 });
  expect(Object.values(harness.readStore()).map((o) => o.name)).toEqual(['beta']);
});

test('an object deleted outside Terraform is planned for creation', async () => {
  writeFileSync(harness.storePath, '{}');
  const plan = await ws.savedPlan();
  expect(plan.plan!.resource_drift!.map((d) => [d.address, d.change.actions])).toEqual([
    ['example_thing.a', ['delete']],
  ]);
  expect(plan.change!('example_thing.a')!.actions).toEqual(['create']);
  expect(plan.summary).toMatchObject({ add: 1, change: 0, remove: 0 });
});

test('destroy removes everything', async () => {
  await ws.apply();
  expect((await ws.destroy()).summary).toMatchObject({ remove: 1 });
  expect(harness.readStore()).toEqual({});
});
