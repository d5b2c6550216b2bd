import { oneOf, withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { OFFERING_SUMMARY_TYPE, summary, type RemoteOffering } from './offering-fields';
import { OFFERING_STATUSES, PLATFORMS } from '../api-contract';

export const offeringsData = withClient<MercatoClient>().defineDataSource({
  name: 'offerings',
  description: 'Searches the catalog: keyword and facets, as the console does.',
  attributes: {
    keyword: {
      type: 'string',
      optional: true,
      description: 'Words matched against name, description and tags (each a prefix; all must match).',
    },
    category_id: { type: 'string', optional: true, description: 'Only this category.' },
    platform: { type: 'string', optional: true, validators: [oneOf(...PLATFORMS)], description: 'Only this platform.' },
    status: {
      type: 'string',
      optional: true,
      validators: [oneOf(...OFFERING_STATUSES)],
      description: 'Only this status.',
    },
    version: { type: 'string', optional: true, description: 'Only offerings that have this version.' },
    tags: { type: ['list', 'string'], optional: true, description: 'Only offerings with all these tags.' },
    offerings: {
      type: ['list', OFFERING_SUMMARY_TYPE],
      computed: true,
      description: 'The matching offerings, by name.',
    },
    ids: { type: ['list', 'string'], computed: true, description: 'Their IDs.' },
  },
  async read(ctx, config) {
    const query = {
      q: config.keyword,
      category_id: config.category_id,
      platform: config.platform,
      status: config.status,
      version: config.version,
      tags: config.tags?.join(','),
    };
    const found = await ctx.client.listAll<RemoteOffering>(
      '/offerings',
      Object.fromEntries(Object.entries(query).filter(([, v]) => v)),
    );
    return { offerings: found.map(summary), ids: found.map((o) => o.id) };
  },
});
