import { lengthBetween, requiresReplace, useStateForUnknown, withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { NAME_LENGTH } from '../api-contract';

interface Remote {
  id: string;
  organization_id: string;
  name: string;
  description: string;
}

const api = collection<Omit<Remote, 'id'>, Remote>('projects', 'project');

export const project = withClient<MercatoClient>().defineResource({
  name: 'project',
  description:
    "A project in an organization: resources are ordered into projects, and a project's managers approve its members' orders.",
  attributes: {
    id: {
      type: 'string',
      computed: true,
      planModifiers: [useStateForUnknown()],
      description: 'Server ID of the project.',
    },
    organization_id: {
      type: 'string',
      required: true,
      planModifiers: [requiresReplace()],
      description: 'Organization the project belongs to.',
    },
    name: {
      type: 'string',
      required: true,
      validators: [lengthBetween(NAME_LENGTH.min, NAME_LENGTH.max)],
      description: 'Display name.',
    },
    description: { type: 'string', optional: true, default: '', description: 'What the project is for.' },
  },
  async create(ctx, plan) {
    const body = { organization_id: plan.organization_id, name: plan.name, description: plan.description ?? '' };
    const created = await reportingFieldErrors(ctx, 'Invalid project', () => api.create(ctx.client, body));
    return created ? { id: created.id } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id);
    return remote
      ? { id: remote.id, organization_id: remote.organization_id, name: remote.name, description: remote.description }
      : null;
  },
  async update(ctx, plan, prior) {
    await reportingFieldErrors(ctx, 'Invalid project', () =>
      api.update(ctx.client, prior.id, { name: plan.name, description: plan.description ?? '' }),
    );
    return {};
  },
  delete: (ctx, state) => api.delete(ctx, state.id),
});
