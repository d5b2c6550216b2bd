import type { FastifyInstance } from 'fastify';
import { DEMO_CATEGORIES, DEMO_OFFERINGS, DEMO_ORGANIZATION, type DemoOffering } from './catalog';

export interface DemoSeedOptions {
  /**
   * Admin URL of the PostgreSQL server the `postgresql` offerings create databases on
   * (MERCATO_DEMO_POSTGRES_URL). Without it they are seeded `paused`, saying what to set.
   */
  postgresAdminUrl?: string;
}

/**
 * Seeds the demo catalog through the real HTTP API, in-process (`app.inject`): every object
 * passes the same validation, permissions and audit events as one a user creates, so the
 * demo doubles as a smoke test of the catalog routes on every fresh start.
 */
export async function seedDemoCatalog(
  app: FastifyInstance,
  adminToken: string,
  options: DemoSeedOptions = {},
): Promise<void> {
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
    await seedOffering(post, withBackend(offering, options), organization.id, categoryId);
  }
}

type Post = (url: string, payload: object, what: string) => Promise<{ id: string }>;

/** What an offering is published with: its status, and the secret options its plugin needs. */
type Published = DemoOffering & { status: 'active' | 'paused'; secret_options?: Record<string, unknown> };

/**
 * A `postgresql` offering provisions on the server of `postgresAdminUrl`; without one it is
 * published `paused` (no secret options: orders of it fail saying the admin URL is missing), and
 * its description says what to set.
 */
function withBackend(offering: DemoOffering, options: DemoSeedOptions): Published {
  if (offering.type !== 'postgresql') return { ...offering, status: 'active' };
  if (options.postgresAdminUrl)
    return { ...offering, status: 'active', secret_options: { admin_url: options.postgresAdminUrl } };
  return {
    ...offering,
    status: 'paused',
    description: `${offering.description} Paused: no PostgreSQL server is configured. Set MERCATO_DEMO_POSTGRES_URL to the admin URL of one (postgres://user:password@host:5432/postgres, a role that may create databases and roles) before the first start, or set this offering's secret_options.admin_url and make it active.`,
  };
}

async function seedOffering(
  post: Post,
  offering: Published,
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
      plugin_options: offering.plugin_options ?? {},
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
