import { withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { lookup } from './lookup';

export const organizationData = withClient<MercatoClient>().defineDataSource({
  name: 'organization',
  description: 'Looks up an organization you belong to, by id, slug or name.',
  attributes: {
    id: { type: 'string', optional: true, computed: true, description: 'Server ID; set this, `slug` or `name`.' },
    slug: {
      type: 'string',
      optional: true,
      computed: true,
      description: "Unique short name, its namespace in Mercato's Terraform registry; set this, `id` or `name`.",
    },
    name: { type: 'string', optional: true, computed: true, description: 'Exact name; set this, `id` or `slug`.' },
    description: { type: 'string', computed: true, description: 'Description.' },
  },
  async read(ctx, config) {
    const [field, value] = config.slug ? (['slug', config.slug] as const) : (['name', config.name] as const);
    const found = await lookup<{ id: string; name: string; slug: string; description: string }>(
      ctx.client,
      'organizations',
      'organization',
      { id: config.id, field, value, filters: { [field]: value } },
    );
    return { id: found.id, name: found.name, slug: found.slug, description: found.description };
  },
});
