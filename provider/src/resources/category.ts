import { lengthBetween, useStateForUnknown, withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { NAME_LENGTH } from '../api-contract';

interface Remote {
  id: string;
  title: string;
  description: string;
}

const api = collection<Omit<Remote, 'id'>, Remote>('categories', 'category');

export const category = withClient<MercatoClient>().defineResource({
  name: 'category',
  description: 'A catalog category (Compute, Databases...). Only staff manage categories.',
  attributes: {
    id: {
      type: 'string',
      computed: true,
      planModifiers: [useStateForUnknown()],
      description: 'Server ID of the category.',
    },
    title: {
      type: 'string',
      required: true,
      validators: [lengthBetween(NAME_LENGTH.min, NAME_LENGTH.max)],
      description: 'Title shown in the catalog.',
    },
    description: { type: 'string', optional: true, default: '', description: 'What belongs in the category.' },
  },
  async create(ctx, plan) {
    const created = await reportingFieldErrors(ctx, 'Invalid category', () =>
      api.create(ctx.client, { title: plan.title, description: plan.description ?? '' }),
    );
    return created ? { id: created.id } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id);
    return remote ? { id: remote.id, title: remote.title, description: remote.description } : null;
  },
  async update(ctx, plan, prior) {
    await reportingFieldErrors(ctx, 'Invalid category', () =>
      api.update(ctx.client, prior.id, { title: plan.title, description: plan.description ?? '' }),
    );
    return {};
  },
  delete: (ctx, state) => api.delete(ctx, state.id),
});
