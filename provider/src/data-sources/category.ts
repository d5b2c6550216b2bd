import { withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { lookup } from './lookup';

export const categoryData = withClient<MercatoClient>().defineDataSource({
  name: 'category',
  description: 'Looks up a catalog category by id or title.',
  attributes: {
    id: { type: 'string', optional: true, computed: true, description: 'Server ID; set this or `title`.' },
    title: {
      type: 'string',
      optional: true,
      computed: true,
      description: 'Exact title, e.g. `Databases`; set this or `id`.',
    },
    description: { type: 'string', computed: true, description: 'Description.' },
  },
  async read(ctx, config) {
    const found = await lookup<{ id: string; title: string; description: string }>(
      ctx.client,
      'categories',
      'category',
      { id: config.id, field: 'title', value: config.title, filters: { title: config.title } },
    );
    return { id: found.id, title: found.title, description: found.description };
  },
});
