import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { DEMO_CATEGORIES, DEMO_MODULES, DEMO_OFFERINGS, DEMO_ORGANIZATION, type DemoOffering } from './catalog';

/** Where the demo's site agent listens, and the secret it verifies events with. */
export interface DemoAgentEndpoint {
  url: string;
  signingSecret: string;
}

/** An order of a `webhook` offering of the demo waits this long for the agent. */
const DEMO_AGENT_TIMEOUT_SECONDS = 600;

export interface DemoSeedOptions {
  /**
   * Admin URL of the PostgreSQL server the `postgresql` offerings create databases on
   * (MERCATO_DEMO_POSTGRES_URL). Without it they are seeded `paused`, saying what to set.
   */
  postgresAdminUrl?: string;
  /** The demo's site agent, which the `webhook` offerings send their orders to; without it the agent polls. */
  agent?: DemoAgentEndpoint;
}

/**
 * Seeds the demo catalog through the real HTTP API, in-process (`app.inject`): every object
 * passes the same validation, permissions and audit events as one a user creates, so the
 * demo doubles as a smoke test of the catalog routes on every fresh start.
 *
 * The `webhook` offerings send their orders to `agent` when it is given, and the demo agent
 * gets a user of its own, a service manager of the demo organization: its token is answered
 * (shown nowhere else). Without `agent` they are seeded for an agent that polls.
 */
export async function seedDemoCatalog(
  app: FastifyInstance,
  adminToken: string,
  options: DemoSeedOptions = {},
): Promise<{ agentToken?: string }> {
  const post = poster(app, adminToken);
  // Its modules are the demo's own (DEMO_MODULES): the server may run them for `terraform` offerings.
  const organization = await post(
    '/api/v1/organizations',
    { ...DEMO_ORGANIZATION, terraform_runs_allowed: true },
    `organization "${DEMO_ORGANIZATION.name}"`,
  );
  for (const module of DEMO_MODULES) await publishDemoModule(app, adminToken, module);
  const categoryIds = new Map<string, string>();
  for (const category of DEMO_CATEGORIES) {
    const created = await post('/api/v1/categories', category, `category "${category.title}"`);
    categoryIds.set(category.title, created.id);
  }
  for (const offering of DEMO_OFFERINGS) {
    const categoryId = categoryIds.get(offering.category);
    if (!categoryId)
      throw new Error(`demo offering "${offering.slug}" names an unknown category "${offering.category}"`);
    await seedOffering(post, withBackend(offering, options), organization.id, categoryId, options.agent);
  }
  return options.agent ? { agentToken: await seedAgentUser(post, organization.id) } : {};
}

/** The demo agent's user, a service manager of the demo organization, and its token. */
async function seedAgentUser(post: Post, organizationId: string): Promise<string> {
  const user = await post(
    '/api/v1/users',
    { username: 'demo-site-agent', email: 'demo-site-agent@demo.mercato.example' },
    'the demo site agent user',
  );
  await post(
    `/api/v1/organizations/${organizationId}/members`,
    { user_id: user.id, role: 'service-manager' },
    'the demo site agent membership',
  );
  const created = await post(
    `/api/v1/users/${user.id}/tokens`,
    { name: 'demo site agent' },
    'the demo site agent token',
  );
  return (created as { id: string; token?: string }).token!;
}

/** The options of a demo `webhook` offering: it sends its orders to the agent (or is polled by it). */
function agentOptions(agent?: DemoAgentEndpoint) {
  return agent
    ? {
        plugin_options: { url: agent.url, timeout_seconds: DEMO_AGENT_TIMEOUT_SECONDS },
        secret_options: { signing_secret: agent.signingSecret },
      }
    : { plugin_options: { timeout_seconds: DEMO_AGENT_TIMEOUT_SECONDS }, secret_options: {} };
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
  agent?: DemoAgentEndpoint,
): Promise<void> {
  const { plans, versions, category: _title, ...fields } = offering;
  const what = `offering "${offering.slug}"`;
  const created = await post(
    '/api/v1/offerings',
    {
      ...fields,
      organization_id: organizationId,
      category_id: categoryId,
      ...(offering.type === 'webhook' ? agentOptions(agent) : { plugin_options: offering.plugin_options ?? {} }),
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

/** Publishes a module of the demo's `modules/` folder to its registry, packed as `mercato module publish` packs one. */
async function publishDemoModule(app: FastifyInstance, adminToken: string, module: (typeof DEMO_MODULES)[number]) {
  const tar: typeof import('tar') = require('tar');
  const folder = path.join(__dirname, 'modules', module.folder);
  const chunks: Buffer[] = [];
  for await (const chunk of tar.create({ gzip: true, cwd: folder, portable: true }, ['.']))
    chunks.push(chunk as Buffer);
  const url = `/api/v1/modules/${module.namespace}/${module.name}/${module.system}/versions?version=${module.version}`;
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/gzip' },
    payload: Buffer.concat(chunks),
  });
  if (response.statusCode !== 201)
    throw new Error(
      `seeding the demo catalog failed on module ${module.name}: POST ${url} answered ${response.statusCode}: ${response.body}`,
    );
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
