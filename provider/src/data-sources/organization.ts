import { withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { lookup } from './lookup';

export const organizationData = withClient<MercatoClient>().defineDataSource({
  name: 'organization',
  description: 'Looks up an organization you belong to, by id or name.',
  attributes: {
    id: { type: 'string', optional: true, computed: true, description: 'Server ID; set this or `name`.' },
    name: { type: 'string', optional: true, computed: true, description: 'Exact name; set this or `id`.' },
    description: { type: 'string', computed: true, description: 'Description.' },
  },
  async read(ctx, config) {
    const found = await lookup<{ id: string; name: string; description: string }>(
      ctx.client,
      'organizations',
      'organization',
      { id: config.id, field: 'name', value: config.name, filters: { name: config.name } },
    );
    return { id: found.id, name: found.name, description: found.description };
  },
});
