/**
 * The framework's plan semantics through the real Terraform CLI: unknown computed values, no diff
 * on re-plan (also with -refresh=false and huge integers), in-place update, requires-replace,
 * dynamic values, sensitive and write-only values, data sources, drift, destroy.
 */
import { writeFileSync } from 'node:fs';
import { createHarness, type Harness } from './support/example-harness';
import { resourcesByAddress, type Workspace } from './support/terraform';

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
  const plan = await ws.plan();
  expect(plan.code).toBe(2);
  expect(plan.stdout).toMatch(/\+ id\s+= \(known after apply\)/);
  expect(plan.stdout).toMatch(/\+ revision\s+= \(known after apply\)/);
  expect(plan.stdout).toMatch(/\+ size\s+= 10\n/);
  expect(plan.stdout).toMatch(/\+ secret\s+= \(sensitive value\)/);
  expect(plan.stdout).toMatch(/\+ password\s+= \(write-only attribute\)/);
  expect(plan.stdout).toMatch(/\+ big\s+= 12345678901234567890/);
  expect(plan.stdout).toMatch(/\+ ratio\s+= 0\.1/);
  expect(plan.stdout).not.toContain('s3cret-value');
  expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
});

test('apply creates it: exact numbers in the backend, write-only value used but not stored', async () => {
  const apply = await ws.apply();
  expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
  const [stored] = Object.values(harness.readStore());
  expect(stored.attributes).toEqual({ ratio: 0.1, big: 12345678901234567890n, node_pools: [{ name: 'p1', replicas: 3, zones: ['a', 'b'] }] });
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
  const plan = await ws.plan();
  expect(plan.output).toContain('No changes.');
  expect(plan.code).toBe(0);
  const noRefresh = await ws.plan(['-refresh=false']);
  expect(noRefresh.output).toContain('No changes.');
  expect(noRefresh.code).toBe(0);
});

test('an in-place update keeps the id and re-computes other computed values', async () => {
  ws.write(config({ tags: '["x"]' }));
  const plan = await ws.plan();
  expect(plan.code).toBe(2);
  expect(plan.stdout).toContain('will be updated in-place');
  expect(plan.stdout).toMatch(/ {8}id\s+= "thing-/); // unchanged, not unknown
  expect(plan.stdout).toMatch(/~ revision\s+= 1 -> \(known after apply\)/);
  expect(plan.stdout).not.toContain('forces replacement');
  await ws.apply();
  expect(resourcesByAddress(await ws.state())['example_thing.a'].values.revision).toBe(2);
  expect((await ws.plan()).code).toBe(0);
});

test('changing a requires-replace attribute plans a replacement', async () => {
  ws.write(config({ tags: '["x"]', name: 'beta' }));
  const plan = await ws.plan();
  expect(plan.code).toBe(2);
  expect(plan.stdout).toMatch(/~ name\s+= "alpha" -> "beta" # forces replacement/);
  expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 1 to destroy.');
  const apply = await ws.apply();
  expect(apply.stdout).toContain('Resources: 1 added, 0 changed, 1 destroyed.');
  expect(Object.values(harness.readStore()).map((o) => o.name)).toEqual(['beta']);
});

test('an object deleted outside Terraform is planned for creation', async () => {
  writeFileSync(harness.storePath, '{}');
  const plan = await ws.plan();
  expect(plan.code).toBe(2);
  expect(plan.stdout).toContain('example_thing.a will be created');
  expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
});

test('destroy removes everything', async () => {
  await ws.apply();
  const destroy = await ws.terraform(['destroy', '-auto-approve']);
  expect(destroy.code).toBe(0);
  expect(destroy.stdout).toContain('Resources: 1 destroyed.');
  expect(harness.readStore()).toEqual({});
});
