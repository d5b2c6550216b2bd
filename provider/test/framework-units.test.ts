/** Framework pieces that need no Terraform: plan semantics, paths, durations. */
import { isUnknown, parseDuration, parsePath, formatPath, timeoutsBlock } from '../src/framework';
import { planChange } from '../src/framework/plan';
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
