import { withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { summary, type RemoteOffering } from './offering-fields';

interface RemotePlan {
  id: string;
  name: string;
  unit: string;
  /** Decimal strings (exact); Terraform numbers here. */
  prices: Record<string, string>;
  currency: string;
  archived: boolean;
}

/** The server's decimal strings as Terraform numbers (arbitrary precision there; a JS number here keeps 15 digits). */
const numbers = (prices: Record<string, string>) =>
  Object.fromEntries(Object.entries(prices).map(([type, price]) => [type, Number(price)]));

export const offeringData = withClient<MercatoClient>().defineDataSource({
  name: 'offering',
  description:
    'Looks up an offering of the catalog by id or slug, with its versions and plans, e.g. to order a resource from it.',
  attributes: {
    id: { type: 'string', optional: true, computed: true, description: 'Server ID; set this or `slug`.' },
    slug: {
      type: 'string',
      optional: true,
      computed: true,
      description: 'Slug, e.g. `virtual-machine`; set this or `id`.',
    },
    name: { type: 'string', computed: true, description: 'Display name.' },
    description: { type: 'string', computed: true, description: 'Description.' },
    organization_id: { type: 'string', computed: true, description: 'The service provider organization.' },
    category_id: { type: 'string', computed: true, description: 'Catalog category.' },
    type: { type: 'string', computed: true, description: 'Provisioning plugin.' },
    platform: { type: 'string', computed: true, description: 'Platform facet.' },
    status: {
      type: 'string',
      computed: true,
      description:
        'What the catalog shows: `draft`, `active`, `paused` or `archived`. An offering asked to be `active` is `draft` until it has a category, a plan that is not archived and a version.',
    },
    status_reason: {
      type: 'string',
      computed: true,
      description: 'Why `status` is not the status its provider asked for (what is missing); empty when it is.',
    },
    visibility: {
      type: 'string',
      computed: true,
      description: '`public`, or `restricted` to listed organizations and projects.',
    },
    allowed_organization_ids: {
      type: ['set', 'string'],
      computed: true,
      description:
        "Of a restricted offering, the organizations it is offered to. Shown to its provider's members and staff only: empty for others.",
    },
    allowed_project_ids: {
      type: ['set', 'string'],
      computed: true,
      description:
        "Of a restricted offering, the projects it is offered to. Shown to its provider's members and staff only: empty for others.",
    },
    tags: { type: ['list', 'string'], computed: true, description: 'Tags.' },
    versions: { type: ['list', 'string'], computed: true, description: 'All versions, oldest first.' },
    latest_version: { type: 'string', computed: true, description: 'The newest available version.' },
    plans: {
      type: [
        'map',
        [
          'object',
          {
            id: 'string',
            name: 'string',
            unit: 'string',
            currency: 'string',
            prices: ['map', 'number'],
            archived: 'bool',
          },
        ],
      ],
      computed: true,
      description: 'Plans by name: `plans["small"].id`, with their `currency` (ISO 4217) and `prices`.',
    },
  },
  async read(ctx, config) {
    const ref = config.id ?? config.slug;
    if (!ref) throw new Error('set either id or slug to look up an offering');
    const offering = await ctx.client.find<RemoteOffering>(`/offerings/${encodeURIComponent(ref)}`);
    if (!offering) throw new Error(`no offering ${ref} (or you may not see it)`);
    const plans = await ctx.client.listAll<RemotePlan>('/plans', { offering_id: offering.id });
    return {
      ...summary(offering),
      allowed_organization_ids: offering.allowed_organization_ids ?? ([] as string[]),
      allowed_project_ids: offering.allowed_project_ids ?? ([] as string[]),
      plans: Object.fromEntries(
        plans.map((p) => [
          p.name,
          {
            id: p.id,
            name: p.name,
            unit: p.unit,
            currency: p.currency,
            prices: numbers(p.prices),
            archived: p.archived,
          },
        ]),
      ),
    };
  },
});
