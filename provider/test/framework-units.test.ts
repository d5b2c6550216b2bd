/** Framework pieces that need no Terraform: plan semantics and modifiers, validators, paths, diagnostics, durations. */
import {
  atLeast,
  DecimalNumber,
  eachValue,
  formatPath,
  isUnknown,
  lengthBetween,
  oneOf,
  parseDuration,
  parsePath,
  regexMatches,
  requiresReplace,
  requiresReplaceIf,
  sentence,
  sentences,
  timeoutsBlock,
  UNKNOWN,
  useStateForUnknown,
  useStateForUnknownIf,
} from '../src/framework';
import { planChange } from '../src/framework/plan';
import { DiagnosticsCollector } from '../src/framework/context';
import { validateAttributes } from '../src/framework/validate-config';
import { placeDiagnostics } from '../src/framework/diagnostic-paths';
import { toWireSteps } from '../src/framework/attribute-path';
import { errorDiagnostic } from '../src/protocol';
import { checkSchema, describeAttribute, type SchemaSpec } from '../src/framework/schema';

const spec: SchemaSpec = {
  attributes: {
    id: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'id' },
    name: { type: 'string', required: true, planModifiers: [requiresReplace()], description: 'name' },
    size: { type: 'number', optional: true, default: 10, description: 'size' },
    status: { type: 'string', computed: true, description: 'status' },
    password: { type: 'string', optional: true, writeOnly: true, description: 'pw' },
  },
  blocks: { timeouts: timeoutsBlock({ create: '30m' }) },
};
const prior = { id: 'a', name: 'x', size: 10, status: 'ok', password: null, timeouts: null };

test('create: computed unknown, defaults applied, write-only never planned', () => {
  const { planned, requiresReplace } = planChange(
    spec,
    null,
    { ...prior, id: null, status: null, size: null, password: 'pw' },
    { ...prior, id: null, status: null, size: null, password: 'pw' },
    true,
  );
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
  expect(planChange(spec, prior, { ...prior, name: 'y' }, { ...config, name: 'y' }, true).requiresReplace).toEqual([
    ['name'],
  ]);
  // Without update(), any change to a configurable attribute replaces.
  expect(planChange(spec, prior, { ...prior, size: 20 }, { ...config, size: 20 }, false).requiresReplace).toEqual([
    ['size'],
  ]);
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
      status: {
        type: 'string',
        computed: true,
        description: 'changes only when size does',
        planModifiers: [
          useStateForUnknownIf(
            { plain: 'kept unless size changes', markdown: 'Kept unless `size` changes.' },
            (r) => r.priorObject!.size === r.plannedObject.size,
          ),
        ],
      },
      note: { type: 'string', computed: true, description: 'may be null', planModifiers: [useStateForUnknown()] },
    },
    blocks: { timeouts: timeoutsBlock({ update: '30m' }) },
  };
  const priorState = { name: 'a', size: 1, serial: 's-1', status: 'ok', note: null, timeouts: null };
  const configOf = (value: Record<string, unknown>) => ({ ...value, serial: null, status: null, note: null });

  test('useStateForUnknownIf keeps the prior value only while its condition holds', () => {
    const renamed = planChange(
      computedSpec,
      priorState,
      { ...priorState, name: 'b' },
      configOf({ ...priorState, name: 'b' }),
      true,
    ).planned;
    expect(renamed.status).toBe('ok');
    expect(isUnknown(renamed.serial)).toBe(true);
    const resized = planChange(
      computedSpec,
      priorState,
      { ...priorState, size: 2 },
      configOf({ ...priorState, size: 2 }),
      true,
    ).planned;
    expect(isUnknown(resized.status)).toBe(true);
    // useStateForUnknown does not keep a null (it may be a value still to come); a create keeps nothing.
    expect(isUnknown(resized.note)).toBe(true);
    const created = planChange(
      computedSpec,
      null,
      { ...priorState, serial: null, status: null },
      configOf(priorState),
      true,
    ).planned;
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
    attributes: {
      attributes: { type: 'dynamic', optional: true, description: 'a' },
      limits: { type: ['map', 'number'], optional: true, description: 'l' },
    },
    blocks: {
      rule: {
        nesting: 'list',
        description: 'r',
        attributes: { spec: { type: 'dynamic', optional: true, description: 's' } },
      },
    },
  };
  const placed = (path: string, detail: string) =>
    placeDiagnostics(resourceSpec, [errorDiagnostic('Invalid', detail, toWireSteps(path))])[0];

  test('a path into a value is cut after its first step, an index step, and the whole path goes into the detail', () => {
    const deep = placed('attributes.pools[1].replicas', 'must be >= 1.');
    expect(deep.attribute!.steps).toEqual([{ attribute_name: 'attributes' }, { element_key_string: 'pools' }]);
    expect(deep.detail).toBe('must be >= 1.\n\nAt attributes.pools[1].replicas.');
    const key = placed('limits.cpu', 'limits.cpu: too big.');
    expect(key.attribute!.steps).toEqual([{ attribute_name: 'limits' }, { element_key_string: 'cpu' }]);
    expect(key.detail).toBe('limits.cpu: too big.');
    // Through a nested block to the attribute, then one step into its value.
    const inBlock = placed('rule[0].spec.a.b', 'wrong');
    expect(inBlock.attribute!.steps).toEqual([
      { attribute_name: 'rule' },
      { element_key_int: 0 },
      { attribute_name: 'spec' },
      { element_key_string: 'a' },
    ]);
    expect(placed('limits', 'x').attribute!.steps).toEqual([{ attribute_name: 'limits' }]);
  });
});

test('sentences end in one full stop, whatever their pieces came with', () => {
  expect(sentences('Order 1 erred: disk full.', 'Retry it')).toBe('Order 1 erred: disk full. Retry it.');
  expect(sentences('Rejected: over budget', '', undefined, 'Really?')).toBe('Rejected: over budget. Really?');
  expect(sentence('  done! ')).toBe('done!');
});

describe('validators', () => {
  const errors = (spec: SchemaSpec, config: Record<string, unknown>) => {
    const diagnostics = new DiagnosticsCollector();
    validateAttributes(spec, config, diagnostics);
    return diagnostics.items.map((d) => ({ summary: d.summary, detail: d.detail, path: d.attribute?.steps }));
  };
  const validated: SchemaSpec = {
    attributes: {
      platform: {
        type: 'string',
        optional: true,
        validators: [oneOf('aws', 'on-premises', 'other')],
        description: 'Where it runs.',
      },
      name: { type: 'string', optional: true, validators: [lengthBetween(1, 5)], description: 'Name.' },
      slug: {
        type: 'string',
        optional: true,
        validators: [regexMatches('^[a-z]+$', 'lowercase letters')],
        description: 'Slug.',
      },
      prices: { type: ['map', 'number'], optional: true, validators: [eachValue(atLeast(0))], description: 'Prices.' },
      token: { type: 'string', optional: true, sensitive: true, validators: [oneOf('a', 'b')], description: 'Token.' },
    },
    blocks: {
      component: {
        nesting: 'list',
        description: 'c',
        attributes: {
          billing_type: {
            type: 'string',
            required: true,
            validators: [oneOf('fixed', 'usage')],
            description: 'Billing.',
          },
        },
      },
    },
  };
  const config = { platform: null, name: null, slug: null, prices: null, token: null, component: [] as unknown[] };

  test('each names the attribute, the allowed values and what was given, at the attribute path', () => {
    expect(
      errors(validated, {
        ...config,
        platform: 'mars',
        name: 'toolong',
        slug: 'Bad',
        prices: { cpu: -1, ram: 2, big: new DecimalNumber('-0.10000000000000000001') },
      }),
    ).toEqual([
      {
        summary: 'Invalid platform',
        detail: 'platform must be one of "aws", "on-premises" or "other"; got "mars".',
        path: [{ attribute_name: 'platform' }],
      },
      {
        summary: 'Invalid name',
        detail: 'name must be 1 to 5 characters long; got 7 characters.',
        path: [{ attribute_name: 'name' }],
      },
      {
        summary: 'Invalid slug',
        detail: 'slug must be lowercase letters (pattern ^[a-z]+$); got "Bad".',
        path: [{ attribute_name: 'slug' }],
      },
      {
        summary: 'Invalid prices',
        detail: 'prices.cpu must be at least 0; got -1.',
        path: [{ attribute_name: 'prices' }, { attribute_name: 'cpu' }],
      },
      {
        summary: 'Invalid prices',
        detail: 'prices.big must be at least 0; got -0.10000000000000000001.',
        path: [{ attribute_name: 'prices' }, { attribute_name: 'big' }],
      },
    ]);
  });

  test('values inside blocks are checked at their path; a sensitive value is never quoted', () => {
    expect(
      errors(validated, {
        ...config,
        token: 'secret-value',
        component: [{ billing_type: 'fixed' }, { billing_type: 'monthly' }],
      }),
    ).toEqual([
      { summary: 'Invalid token', detail: 'token must be one of "a" or "b".', path: [{ attribute_name: 'token' }] },
      {
        summary: 'Invalid billing_type',
        detail: 'component[1].billing_type must be one of "fixed" or "usage"; got "monthly".',
        path: [{ attribute_name: 'component' }, { element_key_int: 1 }, { attribute_name: 'billing_type' }],
      },
    ]);
  });

  test('null and unknown values are left alone; a name counts characters, not bytes', () => {
    expect(
      errors(validated, { ...config, platform: UNKNOWN, prices: { cpu: UNKNOWN, ram: null }, name: 'ñandú' }),
    ).toEqual([]);
  });

  test('what each allows and does is added to the schema description, validators first', () => {
    const attribute = {
      type: 'string' as const,
      optional: true,
      description: 'Where it runs.',
      validators: [oneOf('aws', 'other')],
      planModifiers: [requiresReplace()],
    };
    expect(describeAttribute(attribute)).toBe(
      'Where it runs. Must be one of `aws` or `other`. Changing it replaces the object: Terraform destroys it and creates a new one.',
    );
    expect(eachValue(atLeast(0)).markdownDescription).toBe('Each value must be at least 0.');
    expect(() =>
      checkSchema('t', {
        attributes: { n: { type: 'string', computed: true, validators: [oneOf('a')], description: 'n' } },
      }),
    ).toThrow(/computed-only/);
  });
});

describe('requires replacement', () => {
  const replaceSpec: SchemaSpec = {
    attributes: {
      name: { type: 'string', required: true, planModifiers: [requiresReplace()], description: 'name' },
      size: {
        type: 'number',
        required: true,
        planModifiers: [
          requiresReplaceIf(
            { plain: 'shrinking replaces', markdown: 'Shrinking it replaces the object.' },
            (r) => Number(r.planned) < Number(r.prior),
          ),
        ],
        description: 'size',
      },
    },
    blocks: {
      disk: {
        nesting: 'list',
        description: 'd',
        attributes: { type: { type: 'string', required: true, planModifiers: [requiresReplace()], description: 't' } },
      },
    },
  };
  const before = { name: 'a', size: 2, disk: [{ type: 'ssd' }] };
  const replaced = (after: Record<string, unknown>) =>
    planChange(replaceSpec, before, after, after, true).requiresReplace;

  test('requiresReplace on a change, requiresReplaceIf when its condition holds, in block elements too', () => {
    expect(replaced(before)).toEqual([]);
    expect(replaced({ ...before, name: 'b' })).toEqual([['name']]);
    expect(replaced({ ...before, size: 3 })).toEqual([]);
    expect(replaced({ ...before, size: 1 })).toEqual([['size']]);
    expect(replaced({ ...before, disk: [{ type: 'hdd' }] })).toEqual([['disk', 0, 'type']]);
    expect(planChange(replaceSpec, null, before, before, true).requiresReplace).toEqual([]);
  });
});
