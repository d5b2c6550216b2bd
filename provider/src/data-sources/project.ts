import { withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { lookup } from './lookup';

export const projectData = withClient<MercatoClient>().defineDataSource({
  name: 'project',
  description: 'Looks up a project you may see, by id, or by name within an organization.',
  attributes: {
    id: { type: 'string', optional: true, computed: true, description: 'Server ID; set this or `name`.' },
    name: { type: 'string', optional: true, computed: true, description: 'Exact name; set this or `id`.' },
    organization_id: {
      type: 'string',
      optional: true,
      computed: true,
      description: 'Organization to search in by name.',
    },
    description: { type: 'string', computed: true, description: 'Description.' },
  },
  async read(ctx, config) {
    const found = await lookup<{ id: string; name: string; organization_id: string; description: string }>(
      ctx.client,
      'projects',
      'project',
      {
        id: config.id,
        field: 'name',
        value: config.name,
        filters: { name: config.name, organization_id: config.organization_id },
      },
    );
    return { id: found.id, name: found.name, organization_id: found.organization_id, description: found.description };
  },
});
