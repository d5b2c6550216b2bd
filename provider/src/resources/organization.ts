import { lengthBetween, useStateForUnknown, withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { NAME_LENGTH } from '../api-contract';

interface Remote {
  id: string;
  name: string;
  description: string;
}

const api = collection<Omit<Remote, 'id'>, Remote>('organizations', 'organization');

export const organization = withClient<MercatoClient>().defineResource({
  name: 'organization',
  description:
    'An organization: it owns projects (as a consumer) and offerings (as a service provider). A non-staff creator becomes its owner.',
  attributes: {
    id: {
      type: 'string',
      computed: true,
      planModifiers: [useStateForUnknown()],
      description: 'Server ID of the organization.',
    },
    name: {
      type: 'string',
      required: true,
      validators: [lengthBetween(NAME_LENGTH.min, NAME_LENGTH.max)],
      description: 'Display name.',
    },
    description: { type: 'string', optional: true, default: '', description: 'What the organization is.' },
  },
  async create(ctx, plan) {
    const created = await reportingFieldErrors(ctx, 'Invalid organization', () =>
      api.create(ctx.client, { name: plan.name, description: plan.description ?? '' }),
    );
    return created ? { id: created.id } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id);
    return remote ? { id: remote.id, name: remote.name, description: remote.description } : null;
  },
  async update(ctx, plan, prior) {
    await reportingFieldErrors(ctx, 'Invalid organization', () =>
      api.update(ctx.client, prior.id, { name: plan.name, description: plan.description ?? '' }),
    );
    return {};
  },
  delete: (ctx, state) => api.delete(ctx, state.id),
});
