import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../auth/principal';
import { managesProject } from '../auth/access';
import { consumerOrProviderScope, sideOf } from '../auth/scope';
import { recordEvent } from '../audit/record';
import type { ResourceRow } from '../db/tables';
import { listResponseSchema, toPage } from '../http/pagination';
import { forbidden, notFound } from '../http/problem';
import { body, ID, ID_PARAMS, listQuery, NAME, object, TIMESTAMP } from '../http/schemas';
import { json, now, page } from '../http/route-context';
import { RESOURCE_STATES } from './resource-states';
import { INCLUDE_DELETED } from '../db/deleted-parents';
import { findResourceById, listResources, updateResource } from './resources-repository';
import { SECRET_ATTRIBUTE_PATHS, secretPathsOf } from '../orders/secret-attributes';
import { usageOf } from '../usage/usage-repository';
import { PERIOD } from '../billing/billing-month';
import { estimateResource, RESOURCE_COST_ESTIMATE } from '../billing/resource-estimate';
import { totalsByComponent } from '../usage/usage-totals';

const RESOURCE_PROPERTIES = {
  id: ID,
  name: { type: 'string' },
  project_id: ID,
  offering_id: ID,
  plan_id: { type: 'string' },
  version: { type: 'string' },
  attributes: {
    type: 'object',
    additionalProperties: true,
    description: 'The configuration, without its secret properties.',
  },
  secret_attribute_paths: SECRET_ATTRIBUTE_PATHS,
  limits: { type: 'object', additionalProperties: { type: 'number' } },
  state: { type: 'string', enum: RESOURCE_STATES },
  backend_id: { type: 'string' },
  outputs: { type: 'object', additionalProperties: true },
  backend_state: {
    type: 'object',
    additionalProperties: true,
    description: "What the offering's plugin last reported of the resource on its backend (never secrets).",
  },
  error_message: { type: 'string', description: "Why the resource is Erred; '' otherwise." },
  pulled_at: {
    type: ['string', 'null'],
    description: 'When the plugin last reported the resource as it is on its backend; null before.',
  },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
} as const;
const RESOURCE = object(RESOURCE_PROPERTIES);
/** Secret outputs appear only here: one resource, read by its consumers. */
const RESOURCE_WITH_SECRETS = object({
  ...RESOURCE_PROPERTIES,
  secret_outputs: { type: 'object', additionalProperties: true },
  cost_estimate: RESOURCE_COST_ESTIMATE,
});

const USAGE_REPORT = object({
  component: { type: 'string', description: "The offering component's type." },
  amount: { type: 'string', description: 'A decimal number, exactly as reported.' },
  report_id: { type: 'string', description: '`pull` for what the plugin reported.' },
  updated_at: TIMESTAMP,
});
const USAGE_TOTAL = object({
  component: { type: 'string' },
  amount: { type: 'string', description: "The sum of the month's reports of the component, a decimal string." },
});

function presentResource(row: ResourceRow) {
  const { secret_outputs: _secrets, secret_attributes, ...rest } = row;
  return {
    ...rest,
    attributes: json(row.attributes, {}),
    secret_attribute_paths: secretPathsOf(secret_attributes),
    limits: json(row.limits, {}),
    outputs: json(row.outputs, {}),
    backend_state: json(row.backend_state, {}),
    pulled_at: row.pulled_at || null,
  };
}

export const resourcesRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  /** The resource and whether the caller is on its consumer side (who may read secrets). */
  const findResource = async (p: Principal, id: string) => {
    const row = await findResourceById(app.db, id);
    if (!row) throw notFound('resource', id);
    const { side, project } = await sideOf(app.db, p, row.project_id, row.offering_id);
    if (!side) throw notFound('resource', id);
    return { row, project, consumer: side === 'consumer' };
  };

  app.get('/resources', {
    schema: {
      tags: ['resources'],
      summary: 'List resources the caller may see (never with secret outputs)',
      querystring: listQuery({
        project_id: ID,
        offering_id: ID,
        state: { type: 'string', enum: RESOURCE_STATES },
        name: { type: 'string' },
        backend_id: { type: 'string' },
        include_deleted: INCLUDE_DELETED,
      }),
      response: { 200: listResponseSchema(RESOURCE) },
    },
    handler: async (request) => {
      const p = request.principal;
      const range = page(request.query);
      const scope = p.isStaff ? undefined : consumerOrProviderScope(p, 'project_id', 'offering_id');
      if (!p.isStaff && !scope) return { items: [], next_cursor: null };
      return toPage(await listResources(app.db, range, request.query, scope), range.limit, presentResource);
    },
  });

  app.get('/resources/:id', {
    schema: {
      tags: ['resources'],
      summary:
        'Get a resource with its monthly cost estimate at current prices; its consumers also see its secret outputs',
      params: ID_PARAMS,
      response: { 200: RESOURCE_WITH_SECRETS },
    },
    handler: async (request) => {
      const { row, consumer } = await findResource(request.principal, request.params.id);
      return {
        ...presentResource(row),
        cost_estimate: await estimateResource(app.db, row),
        ...(consumer ? { secret_outputs: json(row.secret_outputs, {}) } : {}),
      };
    },
  });

  app.get('/resources/:id/usage', {
    schema: {
      tags: ['resources'],
      summary: "A resource's reported usage in a month, per component and report, with each component's total",
      params: ID_PARAMS,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          period: { ...PERIOD, description: 'A calendar month in UTC, `YYYY-MM`; this month by default.' },
        },
      },
      response: {
        200: object({
          period: { type: 'string' },
          items: { type: 'array', items: USAGE_REPORT },
          totals: { type: 'array', items: USAGE_TOTAL, description: 'Per component, what invoices bill.' },
        }),
      },
    },
    handler: async (request) => {
      const { row } = await findResource(request.principal, request.params.id);
      const period = request.query.period ?? now().slice(0, 7);
      const items = await usageOf(app.db, row.id, period);
      return { period, items, totals: totalsByComponent(items) };
    },
  });

  app.patch('/resources/:id', {
    schema: {
      tags: ['resources'],
      summary: 'Rename a resource (no order needed)',
      params: ID_PARAMS,
      body: body({ name: NAME }),
      response: { 200: RESOURCE },
    },
    handler: async (request) => {
      const p = request.principal;
      const { row, project, consumer } = await findResource(p, request.params.id);
      if (!consumer || !(managesProject(p, project) || p.projectRoles.has(project.id)))
        throw forbidden("only the resource's project members rename it");
      const { name } = request.body;
      const updated = { ...row, name: name ?? row.name, updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        await updateResource(trx, row.id, { name: updated.name, updated_at: updated.updated_at });
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'resource.renamed',
          objectType: 'resource',
          objectId: row.id,
          organizationId: project.organization_id,
          projectId: project.id,
          changes: { name: { from: row.name, to: updated.name } },
        });
      });
      return presentResource(updated);
    },
  });
};
