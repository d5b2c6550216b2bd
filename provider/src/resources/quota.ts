import {
  atLeast,
  isUnknown,
  regexMatches,
  requiresReplace,
  useStateForUnknown,
  withClient,
  type ValidateContext,
} from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { exactNumbers } from './json-arguments';

/** A quota as the API answers it (`/api/v1/quotas`): absent scope parts are null. */
interface Remote {
  id: string;
  organization_id: string;
  project_id: string | null;
  component: string | null;
  offering_id: string | null;
  limit: number;
  usage: number;
}

type Body = {
  organization_id: string;
  project_id?: string;
  component?: string;
  offering_id?: string;
  limit: unknown;
};

const api = collection<Body, Remote>('quotas', 'quota');

/**
 * Exactly one of `component` and `offering_id`: what the quota counts. Reported at the one to
 * remove (both given) or at `component` (neither); unknown values are checked at apply.
 */
function checkWhatIsCounted(config: { component: unknown; offering_id: unknown }, ctx: ValidateContext): void {
  if (isUnknown(config.component) || isUnknown(config.offering_id)) return;
  const component = config.component ?? null;
  const offering = config.offering_id ?? null;
  if (component !== null && offering !== null)
    ctx.error(
      'Both component and offering_id',
      'A quota counts either the total of a limit component (component) or the number of resources of an offering (offering_id), not both: remove offering_id or component.',
      'offering_id',
    );
  if (component === null && offering === null)
    ctx.error(
      'Nothing for the quota to count',
      'Set component (a limit component type such as "cpu": the quota caps the total of its limits) or offering_id (the quota caps the number of resources of that offering).',
      'component',
    );
}

export const quota = withClient<MercatoClient>().defineResource({
  name: 'quota',
  description:
    "A quota (Waldur's term) on an organization or one of its projects: a cap on the total of a limit component (`component`) or on the number of resources of an offering (`offering_id`) across the scope's resources that are not terminated, open orders included. Orders that would pass it are refused. Set by the organization's owners and staff.",
  attributes: {
    id: {
      type: 'string',
      computed: true,
      planModifiers: [useStateForUnknown()],
      description: 'Server ID of the quota.',
    },
    organization_id: {
      type: 'string',
      required: true,
      planModifiers: [requiresReplace()],
      description: 'Organization the quota holds for (the project’s, when `project_id` is set).',
    },
    project_id: {
      type: 'string',
      optional: true,
      planModifiers: [requiresReplace()],
      description: 'A project of the organization: the quota holds for it alone. Unset: for the whole organization.',
    },
    component: {
      type: 'string',
      optional: true,
      planModifiers: [requiresReplace()],
      validators: [regexMatches('^[a-z][a-z0-9_]*$', 'a component type such as `cpu`')],
      description:
        'A limit component type (e.g. `cpu`): the quota caps the total of the limits of that component. Exactly one of `component` and `offering_id`.',
    },
    offering_id: {
      type: 'string',
      optional: true,
      planModifiers: [requiresReplace()],
      description:
        'Server ID of an offering: the quota caps the number of its resources. Exactly one of `component` and `offering_id`.',
    },
    limit: {
      type: 'number',
      required: true,
      validators: [atLeast(0), exactNumbers],
      description:
        'The most the scope may hold: a total of limits (a decimal such as `0.5` is kept exactly) or a number of resources. Lowering it below `usage` refuses new orders and keeps what is there.',
    },
    usage: {
      type: 'number',
      computed: true,
      description:
        'What the scope holds now: the total of the limits, or the number of resources, of its resources that are not terminated, open orders included. A refresh updates it.',
    },
  },
  validate: checkWhatIsCounted,
  async create(ctx, plan) {
    const body: Body = {
      organization_id: plan.organization_id,
      ...(plan.project_id ? { project_id: plan.project_id } : {}),
      ...(plan.component ? { component: plan.component } : {}),
      ...(plan.offering_id ? { offering_id: plan.offering_id } : {}),
      limit: plan.limit,
    };
    const created = await reportingFieldErrors(ctx, 'Invalid quota', () => api.create(ctx.client, body));
    return created ? { id: created.id, usage: created.usage } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id);
    if (!remote) return null;
    return {
      id: remote.id,
      organization_id: remote.organization_id,
      project_id: remote.project_id,
      component: remote.component,
      offering_id: remote.offering_id,
      limit: remote.limit,
      usage: remote.usage,
    };
  },
  async update(ctx, plan, prior) {
    const updated = await reportingFieldErrors(ctx, 'Invalid quota', () =>
      api.update(ctx.client, prior.id, { limit: plan.limit }),
    );
    return updated ? { usage: updated.usage } : {};
  },
  delete: (ctx, state) => api.delete(ctx, state.id),
});
