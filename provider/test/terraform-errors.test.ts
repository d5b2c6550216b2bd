/**
 * Failures as users see them: validation errors with attribute paths, thrown errors as readable
 * diagnostics, partial failures (tainted), timeouts.
 */
import { createHarness, type Harness } from './support/example-harness';
import { resourcesByAddress } from './support/terraform';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness?.cleanup());

const thing = (name: string, body = '') => `
provider "example" {}
resource "example_thing" "t" {
  name = "${name}"
  ${body}
}
`;

test('a validation error inside a dynamic value names its nested path and points at the attribute, not the resource', async () => {
  const ws = harness.workspace('validation', thing('ok', 'attributes = { node_pools = [{ replicas = 0 }, { replicas = 2 }] }'));
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain('Error: Invalid replicas');
  expect(plan.stderr).toContain('node_pools[0].replicas must be at least 1, got 0.');
  expect(plan.stderr).toContain('At attributes.node_pools[0].replicas.');
  expect(plan.stderr).toMatch(/on main\.tf line 10, in resource "example_thing" "t":\s+10:\s+attributes = \{ node_pools = \[/);
});

test('a validation error on a top-level attribute points at its line', async () => {
  const ws = harness.workspace('validation-top', thing('invalid', 'timeouts {\n    create = "5 minutes"\n  }'));
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain('Error: Invalid name');
  expect(plan.stderr).toMatch(/on main\.tf line 9, in resource "example_thing" "t":\s+9:\s+name = "invalid"/);
  expect(plan.stderr).toContain('Error: Invalid duration');
  expect(plan.stderr).toContain('"5 minutes" is not a duration');
  expect(plan.stderr).toMatch(/11:\s+create = "5 minutes"/);
});

test('an exception in create becomes a readable diagnostic', async () => {
  const ws = harness.workspace('throw', thing('fail-one'));
  const apply = await ws.terraform(['apply', '-auto-approve']);
  expect(apply.code).toBe(1);
  expect(apply.stderr).toContain('Error: Failed to create example_thing');
  expect(apply.stderr).toContain('the backend refused to create "fail-one": quota exceeded');
  expect(apply.output).not.toMatch(/Plugin error|rpc error|code = /);
  expect(resourcesByAddress(await ws.state())['example_thing.t']).toBeUndefined();
});

test('create returning a state with an error records the resource as tainted', async () => {
  const ws = harness.workspace('partial', thing('partial-one'));
  const apply = await ws.terraform(['apply', '-auto-approve']);
  expect(apply.code).toBe(1);
  expect(apply.stderr).toContain('Error: Thing created but not ready');
  const saved = resourcesByAddress(await ws.state())['example_thing.t'];
  expect(saved.tainted).toBe(true);
  expect(saved.values.id).toMatch(/^thing-/);
  const plan = await ws.plan();
  expect(plan.stdout).toContain('is tainted, so must be replaced');
});

test('an operation that exceeds its timeouts block fails with a timeout diagnostic', async () => {
  const ws = harness.workspace('timeout', thing('slow-one', 'timeouts {\n    create = "1s"\n  }'));
  const started = Date.now();
  const apply = await ws.terraform(['apply', '-auto-approve']);
  expect(apply.code).toBe(1);
  expect(apply.stderr).toContain('Error: Failed to create example_thing: timed out');
  expect(apply.stderr).toContain('did not finish within 1s');
  expect(Date.now() - started).toBeLessThan(10_000);
});
