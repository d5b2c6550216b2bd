/** Framework pieces that need no Terraform: plan semantics and modifiers, paths, diagnostics, durations. */
import { isUnknown, parseDuration, parsePath, formatPath, sentence, sentences, timeoutsBlock, useStateForUnknown, useStateForUnknownIf } from '../src/framework';
import { planChange } from '../src/framework/plan';
import { placeDiagnostics } from '../src/framework/diagnostic-paths';
import { toWireSteps } from '../src/framework/attribute-path';
import { errorDiagnostic } from '../src/protocol';
import type { SchemaSpec } from '../src/framework/schema';

const spec: SchemaSpec = {
  attributes: {
    id: { type: 'string', computed: true, useStateForUnknown: true, description: 'id' },
    name: { type: 'string', required: true, requiresReplace: true, description: 'name' },
    size: { type: 'number', optional: true, default: 10, description: 'size' },
    status: { type: 'string', computed: true, description: 'status' },
    password: { type: 'string', optional: true, writeOnly: true, description: 'pw' },
  },
  blocks: { timeouts: timeoutsBlock({ create: '30m' }) },
};
const prior = { id: 'a', name: 'x', size: 10, status: 'ok', password: null, timeouts: null };

test('create: computed unknown, defaults applied, write-only never planned', () => {
  const { planned, requiresReplace } = planChange(spec, null, { ...prior, id: null, status: null, size: null, password: 'pw' }, { ...prior, id: null, status: null, size: null, password: 'pw' }, true);
  expect(isUnknown(planned.id)).toBe(true);
  expect(isUnknown(planned.status)).toBe(true);
  expect(planned.size).toBe(10);
  expect(planned.password).toBeNull();
  expect(requiresReplace).toEqual([]);
});

test('no change keeps prior computed values; a change re-computes all but useStateForUnknown ones', () => {
  const config = { ...prior, id: null, status: null, size: null };
  expect(planChange(spec, prior, prior, config, true).planned).toEqual(prior);
  const changed = planChange(spec, prior, { ...prior, size: 20 }, { ...config, size: 20 }, true);
  expect(changed.planned.id).toBe('a');
  expect(isUnknown(changed.planned.status)).toBe(true);
  expect(changed.requiresReplace).toEqual([]);
  expect(planChange(spec, prior, { ...prior, name: 'y' }, { ...config, name: 'y' }, true).requiresReplace).toEqual([['name']]);
  // Without update(), any change to a configurable attribute replaces.
  expect(planChange(spec, prior, { ...prior, size: 20 }, { ...config, size: 20 }, false).requiresReplace).toEqual([['size']]);
});

test('paths and durations', () => {
  expect(parsePath('attributes.node_pools[0].replicas')).toEqual(['attributes', 'node_pools', 0, 'replicas']);
  expect(parsePath('labels["a.b"]')).toEqual(['labels', { key: 'a.b' }]);
  expect(formatPath(['a', 0, { key: 'k' }, 'b'])).toBe('a[0]["k"].b');
  expect(() => parsePath('a..b')).toThrow(/Invalid attribute path/);
  expect(parseDuration('1h30m')).toBe(5_400_000);
  expect(parseDuration('90s')).toBe(90_000);
  expect(parseDuration('1.5h')).toBe(5_400_000);
  expect(parseDuration('30 minutes')).toBeUndefined();
  expect(() => timeoutsBlock({ create: 'soon' })).toThrow(/invalid default/);
});

describe('plan modifiers', () => {
  const computedSpec: SchemaSpec = {
    attributes: {
      name: { type: 'string', required: true, description: 'name' },
      size: { type: 'number', optional: true, description: 'size' },
      serial: { type: 'string', computed: true, description: 'set at create, never changed' },
      status: { type: 'string', computed: true, description: 'changes only when size does', planModifiers: [useStateForUnknownIf('kept unless size changes', (r) => r.priorObject!.size === r.plannedObject.size)] },
      note: { type: 'string', computed: true, description: 'may be null', planModifiers: [useStateForUnknown()] },
    },
    blocks: { timeouts: timeoutsBlock({ update: '30m' }) },
  };
  const priorState = { name: 'a', size: 1, serial: 's-1', status: 'ok', note: null, timeouts: null };
  const configOf = (value: Record<string, unknown>) => ({ ...value, serial: null, status: null, note: null });

  test('useStateForUnknownIf keeps the prior value only while its condition holds', () => {
    const renamed = planChange(computedSpec, priorState, { ...priorState, name: 'b' }, configOf({ ...priorState, name: 'b' }), true).planned;
    expect(renamed.status).toBe('ok');
    expect(isUnknown(renamed.serial)).toBe(true);
    const resized = planChange(computedSpec, priorState, { ...priorState, size: 2 }, configOf({ ...priorState, size: 2 }), true).planned;
    expect(isUnknown(resized.status)).toBe(true);
    // useStateForUnknown does not keep a null (it may be a value still to come); a create keeps nothing.
    expect(isUnknown(resized.note)).toBe(true);
    const created = planChange(computedSpec, null, { ...priorState, serial: null, status: null }, configOf(priorState), true).planned;
    expect(isUnknown(created.status)).toBe(true);
  });

  test('a change to a timeouts block alone keeps every computed value known', () => {
    const proposed = { ...priorState, timeouts: { update: '1h' } };
    const { planned } = planChange(computedSpec, priorState, proposed, configOf(proposed), true);
    expect(planned).toEqual(proposed);
  });
});

describe('diagnostic paths Terraform can show', () => {
  const resourceSpec: SchemaSpec = {
    attributes: { attributes: { type: 'dynamic', optional: true, description: 'a' }, limits: { type: ['map', 'number'], optional: true, description: 'l' } },
    blocks: { rule: { nesting: 'list', description: 'r', attributes: { spec: { type: 'dynamic', optional: true, description: 's' } } } },
  };
  const placed = (path: string, detail: string) => placeDiagnostics(resourceSpec, [errorDiagnostic('Invalid', detail, toWireSteps(path))])[0];

  test('a path into a value is cut after its first step, an index step, and the whole path goes into the detail', () => {
    const deep = placed('attributes.pools[1].replicas', 'must be >= 1.');
    expect(deep.attribute!.steps).toEqual([{ attribute_name: 'attributes' }, { element_key_string: 'pools' }]);
    expect(deep.detail).toBe('must be >= 1.\n\nAt attributes.pools[1].replicas.');
    const key = placed('limits.cpu', 'limits.cpu: too big.');
    expect(key.attribute!.steps).toEqual([{ attribute_name: 'limits' }, { element_key_string: 'cpu' }]);
    expect(key.detail).toBe('limits.cpu: too big.');
    // Through a nested block to the attribute, then one step into its value.
    const inBlock = placed('rule[0].spec.a.b', 'wrong');
    expect(inBlock.attribute!.steps).toEqual([{ attribute_name: 'rule' }, { element_key_int: 0 }, { attribute_name: 'spec' }, { element_key_string: 'a' }]);
    expect(placed('limits', 'x').attribute!.steps).toEqual([{ attribute_name: 'limits' }]);
  });
});

test('sentences end in one full stop, whatever their pieces came with', () => {
  expect(sentences('Order 1 erred: disk full.', 'Retry it')).toBe('Order 1 erred: disk full. Retry it.');
  expect(sentences('Rejected: over budget', '', undefined, 'Really?')).toBe('Rejected: over budget. Really?');
  expect(sentence('  done! ')).toBe('done!');
});
