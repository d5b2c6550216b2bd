import type { FastifyInstance } from 'fastify';
import { DEMO_CATEGORIES, DEMO_OFFERINGS, DEMO_ORGANIZATION, type DemoOffering } from './catalog';

/**
 * Seeds the demo catalog through the real HTTP API, in-process (`app.inject`): every object
 * passes the same validation, permissions and audit events as one a user creates, so the
 * demo doubles as a smoke test of the catalog routes on every fresh start.
 */
export async function seedDemoCatalog(app: FastifyInstance, adminToken: string): Promise<void> {
  const post = poster(app, adminToken);
  const organization = await post(
    '/api/v1/organizations',
    DEMO_ORGANIZATION,
    `organization "${DEMO_ORGANIZATION.name}"`,
  );
  const categoryIds = new Map<string, string>();
  for (const category of DEMO_CATEGORIES) {
    const created = await post('/api/v1/categories', category, `category "${category.title}"`);
    categoryIds.set(category.title, created.id);
  }
  for (const offering of DEMO_OFFERINGS) {
    const categoryId = categoryIds.get(offering.category);
    if (!categoryId)
      throw new Error(`demo offering "${offering.slug}" names an unknown category "${offering.category}"`);
    await seedOffering(post, offering, organization.id, categoryId);
  }
}

type Post = (url: string, payload: object, what: string) => Promise<{ id: string }>;

async function seedOffering(
  post: Post,
  offering: DemoOffering,
  organizationId: string,
  categoryId: string,
): Promise<void> {
  const { plans, versions, category: _title, ...fields } = offering;
  const what = `offering "${offering.slug}"`;
  const created = await post(
    '/api/v1/offerings',
    {
      ...fields,
      organization_id: organizationId,
      category_id: categoryId,
      status: 'active',
      plugin_options: {},
      secret_options: {},
    },
    what,
  );
  for (const version of versions) {
    await post(
      '/api/v1/offering-versions',
      { offering_id: created.id, ...version },
      `version ${version.version} of ${what}`,
    );
  }
  for (const plan of plans) {
    await post(
      '/api/v1/plans',
      { offering_id: created.id, ...plan, archived: false },
      `plan "${plan.name}" of ${what}`,
    );
  }
}

/** A POST as the admin that answers the created object, or throws naming what failed and why. */
function poster(app: FastifyInstance, adminToken: string): Post {
  return async (url, payload, what) => {
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${adminToken}` },
      payload,
    });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw new Error(
        `seeding the demo catalog failed on ${what}: POST ${url} answered ${response.statusCode}: ${response.body}`,
      );
    }
    return response.json() as { id: string };
  };
}
