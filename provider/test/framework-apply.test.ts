/**
 * ApplyResourceChange through the framework's handlers, as Terraform calls it, without Terraform:
 * what a delete that fails hands back (Terraform itself keeps the object in its state after an
 * error whatever the provider answers, so only the wire shows it), and the `id` that read, update
 * and delete are typed to see.
 */
import { decodeCtyMsgpack, encodeCtyMsgpack, type DynamicValue } from '../src/protocol';
import { createProviderHandlers, defineProvider, defineResource, useStateForUnknown } from '../src/framework';
import { objectType } from '../src/framework/schema';

const box = defineResource({
  name: 'box',
  description: 'A box that refuses some deletes.',
  attributes: {
    id: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'ID.' },
    name: {
      type: 'string',
      required: true,
      description: 'Name; `kept-*` refuses its delete, `broken-*` throws in it, `nameless-*` is created without an id.',
    },
  },
  create: (_ctx, plan) =>
    plan.name.startsWith('nameless-') ? ({ name: plan.name } as never) : { id: `box-${plan.name}` },
  read: (_ctx, state) => state,
  delete(ctx, state) {
    if (state.name.startsWith('kept-')) return ctx.error('Box cannot be deleted', `The backend keeps ${state.id}.`);
    if (state.name.startsWith('broken-')) throw new Error(`the backend lost ${state.id}`);
  },
});
const handlers = createProviderHandlers(
  defineProvider({ name: 'test', version: '0.0.1', attributes: {}, resources: [box] }),
);
const type = objectType(box);
const value = (object: Record<string, unknown> | null): DynamicValue => ({ msgpack: encodeCtyMsgpack(type, object) });

async function apply(prior: Record<string, unknown> | null, planned: Record<string, unknown> | null) {
  const response = await handlers.applyResourceChange({
    type_name: 'test_box',
    prior_state: value(prior),
    planned_state: value(planned),
    config: value(planned),
    planned_private: Buffer.alloc(0),
  });
  return {
    state: decodeCtyMsgpack(type, response.new_state?.msgpack),
    diagnostics: response.diagnostics.map((d) => [d.summary, d.detail]),
  };
}

describe('a delete', () => {
  test('that succeeds answers no object', async () => {
    expect(await apply({ id: 'box-a', name: 'a' }, null)).toEqual({ state: null, diagnostics: [] });
  });

  test('that reports its failure answers the prior object, with that one error', async () => {
    const prior = { id: 'box-kept-1', name: 'kept-1' };
    expect(await apply(prior, null)).toEqual({
      state: prior,
      diagnostics: [['Box cannot be deleted', 'The backend keeps box-kept-1.']],
    });
  });

  test('that throws answers the prior object, with one generic error', async () => {
    const prior = { id: 'box-broken-1', name: 'broken-1' };
    expect(await apply(prior, null)).toEqual({
      state: prior,
      diagnostics: [['Failed to delete test_box', 'the backend lost box-broken-1']],
    });
  });
});

test('a state without its id is refused as a provider bug, from create or from Terraform', async () => {
  expect((await apply(null, { id: null, name: 'nameless-1' })).diagnostics).toEqual([
    ['Failed to create test_box', 'The state create returned has no id. This is a bug in the provider.'],
  ]);
  expect(await apply({ id: null, name: 'a' }, null)).toEqual({
    state: { id: null, name: 'a' },
    diagnostics: [['Failed to delete test_box', 'The stored state has no id. This is a bug in the provider.']],
  });
});
