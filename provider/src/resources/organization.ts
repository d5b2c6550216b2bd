import { lengthBetween, regexMatches, useStateForUnknown, withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { NAME_LENGTH, ORGANIZATION_SLUG } from '../api-contract';

interface Remote {
  id: string;
  name: string;
  slug: string;
  description: string;
}

const api = collection<Partial<Omit<Remote, 'id'>>, Remote>('organizations', 'organization');

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
    slug: {
      type: 'string',
      optional: true,
      computed: true,
      validators: [
        regexMatches(ORGANIZATION_SLUG.pattern, 'lowercase letters and digits, in words joined by single hyphens'),
        lengthBetween(1, ORGANIZATION_SLUG.maxLength),
      ],
      planModifiers: [useStateForUnknown()],
      description:
        "Unique short name, derived from the name when not set: the namespace of the organization's modules and providers in Mercato's Terraform registry (`<host>/<slug>/<name>/<system>`).",
    },
    description: { type: 'string', optional: true, default: '', description: 'What the organization is.' },
  },
  async create(ctx, plan) {
    const created = await reportingFieldErrors(ctx, 'Invalid organization', () =>
      api.create(ctx.client, {
        name: plan.name,
        description: plan.description ?? '',
        ...(plan.slug ? { slug: plan.slug } : {}),
      }),
    );
    return created ? { id: created.id, slug: created.slug } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id);
    return remote ? { id: remote.id, name: remote.name, slug: remote.slug, description: remote.description } : null;
  },
  async update(ctx, plan, prior) {
    const updated = await reportingFieldErrors(ctx, 'Invalid organization', () =>
      api.update(ctx.client, prior.id, {
        name: plan.name,
        description: plan.description ?? '',
        ...(plan.slug && plan.slug !== prior.slug ? { slug: plan.slug } : {}),
      }),
    );
    return updated ? { slug: updated.slug } : {};
  },
  delete: (ctx, state) => api.delete(ctx, state.id),
});
