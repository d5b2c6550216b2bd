/**
 * Failures as users see them: validation errors with attribute paths, thrown errors as readable
 * diagnostics, partial failures (tainted), timeouts, a delete that fails.
 */
import { createHarness, type Harness } from './support/example-harness';
import { diagnostic, errors, resourcesByAddress } from './support/terraform';

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
  const ws = harness.workspace(
    'validation',
    thing('ok', 'attributes = { node_pools = [{ replicas = 0 }, { replicas = 2 }] }'),
  );
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  const found = diagnostic(plan, 'Invalid replicas', 'node_pools[0].replicas must be at least 1, got 0.');
  expect(found.detail).toContain('At attributes.node_pools[0].replicas.');
  expect([found.address, found.range!.start.line, found.snippet!.code]).toEqual([
    'example_thing.t',
    10,
    '  attributes = { node_pools = [{ replicas = 0 }, { replicas = 2 }] }',
  ]);
});

test('a validation error on a top-level attribute points at its line', async () => {
  const ws = harness.workspace('validation-top', thing('invalid', 'timeouts {\n    create = "5 minutes"\n  }'));
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  expect(diagnostic(plan, 'Invalid name').range!.start.line).toBe(ws.lineOf('name = "invalid"'));
  const duration = diagnostic(
    plan,
    'Invalid duration',
    '"5 minutes" is not a duration. Use a number and a unit, like "30s", "10m" or "1h30m".',
  );
  expect(duration.range!.start.line).toBe(ws.lineOf('create = "5 minutes"'));
});

test('an exception in create becomes a readable diagnostic', async () => {
  const ws = harness.workspace('throw', thing('fail-one'));
  const apply = await ws.tryApply();
  expect(apply.code).toBe(1);
  // One readable error: no "Plugin error", no gRPC code.
  expect(errors(apply).map((d) => [d.summary, d.detail])).toEqual([
    ['Failed to create example_thing', 'the backend refused to create "fail-one": quota exceeded'],
  ]);
  expect(resourcesByAddress(await ws.state())['example_thing.t']).toBeUndefined();
});

test('create returning a state with an error records the resource as tainted', async () => {
  const ws = harness.workspace('partial', thing('partial-one'));
  const apply = await ws.tryApply();
  expect(apply.code).toBe(1);
  expect(errors(apply).map((d) => d.summary)).toEqual(['Thing created but not ready']);
  const saved = resourcesByAddress(await ws.state())['example_thing.t'];
  expect(saved.tainted).toBe(true);
  expect(saved.values.id).toMatch(/^thing-/);
  const plan = await ws.savedPlan();
  expect(plan.plan!.resource_changes!.map((c) => [c.address, c.change.actions, c.action_reason])).toEqual([
    ['example_thing.t', ['delete', 'create'], 'replace_because_tainted'],
  ]);
});

test('an operation that exceeds its timeouts block fails with a timeout diagnostic', async () => {
  const ws = harness.workspace('timeout', thing('slow-one', 'timeouts {\n    create = "1s"\n  }'));
  const started = Date.now();
  const apply = await ws.tryApply();
  expect(apply.code).toBe(1);
  diagnostic(apply, 'Failed to create example_thing: timed out', 'did not finish within 1s');
  expect(Date.now() - started).toBeLessThan(10_000);
});

test('a delete that reports its failure as an error keeps the object in the state, with that one error', async () => {
  const ws = harness.workspace('kept', thing('kept-one'));
  await ws.apply();
  const id = ws.resources()['example_thing.t'].values.id as string;
  const destroy = await ws.tryDestroy();
  expect(destroy.code).toBe(1);
  expect(errors(destroy).map((d) => [d.summary, d.detail])).toEqual([
    ['Thing cannot be deleted', 'The backend keeps "kept-one".'],
  ]);
  expect(ws.resources()['example_thing.t'].values.id).toBe(id);
  expect(harness.readStore()[id]).toBeDefined();
});
