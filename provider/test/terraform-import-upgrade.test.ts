/**
 * Import (import blocks and `terraform import`), schema version upgrades, provider logs in TF_LOG,
 * and the `--schema` document against `terraform providers schema -json`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { stringifyJson } from '../src/framework';
import { createHarness, type Harness } from './support/example-harness';
import { expectNoChanges, expectSuccess } from './support/terraform';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness?.cleanup());

const storedThing = (id: string, name: string) => ({
  id,
  name,
  tags: ['imported'],
  labels: null,
  attributes: { big: 12345678901234567890n, ratio: 0.1, list: [1, 2] },
  secret: null,
  password: null,
  size: 10,
  revision: 1,
  password_set: false,
  component: [{ name: 'cpu', price: 1 }],
  timeouts: null,
});

test('an import block, then terraform import, both end with no diff', async () => {
  writeFileSync(
    harness.storePath,
    stringifyJson({ 'thing-a': storedThing('thing-a', 'first'), 'thing-b': storedThing('thing-b', 'second') }),
  );
  const resource = (label: string, name: string) => `
resource "example_thing" "${label}" {
  name       = "${name}"
  tags       = ["imported"]
  attributes = { big = 12345678901234567890, ratio = 0.1, list = [1, 2] }
  component {
    name = "cpu"
  }
}`;
  const ws = harness.workspace(
    'import',
    `provider "example" {}\nimport {\n  to = example_thing.first\n  id = "thing-a"\n}\n${resource('first', 'first')}`,
  );
  const plan = await ws.savedPlan();
  expect(plan.summary).toMatchObject({ import: 1, add: 0, change: 0, remove: 0 });
  const change = plan.change!('example_thing.first')!;
  expect([change.actions, change.importing]).toEqual([['no-op'], { id: 'thing-a' }]);
  expect(change.after).toMatchObject({ attributes: { big: 12345678901234567890n, ratio: 0.1, list: [1, 2] } });
  expect((await ws.applySaved()).summary).toMatchObject({ import: 1, add: 0, change: 0, remove: 0 });
  expectNoChanges(await ws.plan());

  ws.write(`provider "example" {}\n${resource('first', 'first')}\n${resource('second', 'second')}`);
  // `terraform import` has no machine-readable output: its exit code and the state say how it went.
  expectSuccess(await ws.terraform(['import', 'example_thing.second', 'thing-b']));
  expect(ws.resources()['example_thing.second'].values.id).toBe('thing-b');
  expectNoChanges(await ws.plan());
  expectNoChanges(await ws.plan(['-refresh=false']));
});

test('importing an id that does not exist reports it', async () => {
  const ws = harness.workspace(
    'import-missing',
    `provider "example" {}\nresource "example_thing" "x" {\n  name = "x"\n}\n`,
  );
  const result = await ws.terraform(['import', 'example_thing.x', 'thing-missing']);
  expect(result.code).toBe(1);
  // `terraform import` reports only in text.
  expect(result.stderr).toContain('Cannot import non-existent remote object');
});

test('state stored under schema version 0 is upgraded to version 1 without a diff, and logs reach TF_LOG', async () => {
  // Launched by Terraform even in debug mode: the schema version is chosen by each command's environment, and only a launched provider's log reaches TF_LOG.
  const ws = harness.workspace(
    'upgrade',
    `provider "example" {}\nresource "example_versioned" "v" {\n  size_gb = "2"\n}\n`,
    { launched: true },
  );
  await ws.apply([], { EXAMPLE_VERSIONED_SCHEMA: '0' });
  ws.write(`provider "example" {}\nresource "example_versioned" "v" {\n  size_mb = 2048\n}\n`);
  const plan = await ws.plan([], { TF_LOG: 'INFO' });
  expectNoChanges(plan);
  // go-plugin re-logs our hclog JSON lines at their level, with our fields: logs are text only.
  expect(plan.stderr).toMatch(
    /\[INFO\]\s+provider\.terraform-provider-example: upgrading example_versioned state: .*fromVersion=0/,
  );
  expect(plan.stderr).not.toContain('example provider configured'); // a debug line, hidden at INFO
});

test('`--schema` prints exactly what `terraform providers schema -json` prints', async () => {
  const ws = harness.workspace('schema', 'provider "example" {}\n');
  const fromTerraform = JSON.parse(expectSuccess(await ws.terraform(['providers', 'schema', '-json'])).stdout);
  const fromBinary = JSON.parse(
    execFileSync(process.execPath, [harness.providerBinary, '--schema'], { encoding: 'utf8' }),
  );
  expect(fromBinary).toEqual(fromTerraform);
  const thing = fromBinary.provider_schemas['registry.terraform.io/example/example'].resource_schemas.example_thing;
  expect(thing.block.attributes.secret).toMatchObject({ sensitive: true, optional: true });
  expect(thing.block.attributes.password).toMatchObject({ write_only: true });
  expect(thing.block.block_types.timeouts.nesting_mode).toBe('single');
});
