import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser } from '@mercato/test-support/world';

/** The server derives an offering's slug from its name: unique however many are published at once. */
describe.each(DATABASE_KINDS)('derived slugs on %s', (kind) => {
  let server: TestServer;
  let admin: Api;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
  });
  afterAll(() => server.close());

  test('offerings published at the same moment with one name all get created, each with its own slug', async () => {
    const owner = await makeUser(admin, 'slug-owner');
    const organization = await owner.api.expect(201, owner.api.post('/organizations', { name: 'Slug Org' }));
    const category = await admin.expect(201, admin.post('/categories', { title: 'Slugs' }));
    const publish = () =>
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: category.id,
        name: 'Same Name',
        type: 'allocation',
      });
    const answers = await Promise.all(Array.from({ length: 20 }, publish));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const slugs = answers.map((a) => a.body.slug).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    expect(slugs).toEqual(['same-name', ...Array.from({ length: 19 }, (_, i) => `same-name-${i + 2}`)]);
    // each event names the slug the offering got
    const events = await admin.expect(200, admin.get('/events?action=offering.created&limit=50'));
    expect(events.items.map((e: { changes: { slug: string } }) => e.changes.slug).sort()).toEqual([...slugs].sort());
    // a slug given by the client is still its own choice: taken is 409
    const taken = await owner.api.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: 'Other',
      type: 'allocation',
      slug: 'same-name-7',
    });
    expect([taken.status, taken.body.errors]).toEqual([
      409,
      [{ field: 'slug', message: 'slug "same-name-7" is taken by another offering' }],
    ]);
  });
});
