import { Client, type MercatoServer } from './processes';

/**
 * What the order benchmarks order from: an auto-approved `allocation` offering with a limit
 * component, a version and a plan, and a consumer that owns its organization and project (so its
 * orders need no other approval).
 */
export async function setUpLicenceCatalog(server: MercatoServer, consumerName: string) {
  const admin = new Client(server.url, server.adminToken);
  const provider = await admin.post('/organizations', { name: 'Licence Provider' });
  const category = await admin.post('/categories', { title: 'Licences' });
  const offering = await admin.post('/offerings', {
    organization_id: provider.id,
    category_id: category.id,
    name: 'Software Licence Pool',
    type: 'allocation',
    status: 'active',
    auto_approve: true,
    platform: 'other',
    tags: ['licence'],
    plugin_options: { backend_id_prefix: 'lic' },
    components: [{ type: 'seats', name: 'Seats', measured_unit: 'seats', billing_type: 'limit' }],
  });
  await admin.post('/offering-versions', {
    offering_id: offering.id,
    version: '1.0.0',
    options_schema: {
      type: 'object',
      additionalProperties: false,
      properties: { edition: { type: 'string', enum: ['standard', 'pro'] } },
    },
  });
  const plan = await admin.post('/plans', {
    offering_id: offering.id,
    name: 'per seat',
    unit: 'month',
    prices: { seats: 3 },
  });
  const user = await admin.post('/users', { username: consumerName, email: `${consumerName}@example.com` });
  const { token } = await admin.post(`/users/${user.id}/tokens`, { name: 'bench' });
  const consumer = admin.as(token);
  const organization = await consumer.post('/organizations', { name: 'Consumer' });
  const project = await consumer.post('/projects', { organization_id: organization.id, name: 'Licences' });
  return { admin, consumer, token: token as string, offering, plan, project };
}
