import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../auth/principal';
import { canSeeOrganization, canSeeProject, isOwnerOf, memberOrganizationIds } from '../auth/access';
import { diff, recordEvent } from '../audit/record';
import { isUniqueViolation } from '../db/database';
import type { QuotaRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema } from '../http/pagination';
import { conflict, forbidden, invalid, notFound } from '../http/problem';
import { body, ID, ID_PARAMS, listQuery, object, TIMESTAMP } from '../http/schemas';
import { now } from '../http/route-context';
import { findLiveOffering } from '../catalog/offerings-repository';
import { findLiveProject } from '../structure/projects-repository';
import { findLiveOrganization } from '../structure/organizations-repository';
import { holdingsOf, usageOf } from './quota-usage';
import type { Money } from '../billing/money';
import { deleteQuota, findQuota, insertQuota, quotasOf, updateQuota } from './quotas-repository';

const LIMIT = { type: 'number', minimum: 0, description: 'The most the scope may hold.' } as const;

const QUOTA = object({
  id: ID,
  organization_id: ID,
  project_id: { type: ['string', 'null'], description: 'null: the quota holds for the whole organization.' },
  component: {
    type: ['string', 'null'],
    description: 'A limit component type (e.g. `cpu`): the quota caps the total of its limits across live resources.',
  },
  offering_id: {
    type: ['string', 'null'],
    description: 'The quota caps the number of live resources of this offering.',
  },
  limit: { type: 'number' },
  usage: {
    type: 'number',
    description:
      'What the scope holds now: the total of the limits (or the number of resources) of resources not terminated, open orders included.',
  },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

// The exact decimal usage as an API number: the nearest double, which writes back as that decimal up to 15 significant digits.
const present = (row: QuotaRow, usage: Money) => ({
  ...row,
  project_id: row.project_id || null,
  component: row.component || null,
  offering_id: row.offering_id || null,
  usage: usage.toNumber(),
});

/** Who reads a quota: members of its project, or of its organization for one of the whole organization. */
const canRead = (p: Principal, q: QuotaRow) =>
  q.project_id
    ? canSeeProject(p, { id: q.project_id, organization_id: q.organization_id })
    : canSeeOrganization(p, q.organization_id);

/** Quotas with their usage, computed once per organization. */
async function withUsage(db: Parameters<typeof holdingsOf>[0], rows: QuotaRow[]) {
  const holdings = new Map<string, Awaited<ReturnType<typeof holdingsOf>>>();
  for (const id of new Set(rows.map((r) => r.organization_id))) holdings.set(id, await holdingsOf(db, id));
  return rows.map((r) => present(r, usageOf(r, holdings.get(r.organization_id)!)));
}

const auditScope = (q: QuotaRow) => ({ organizationId: q.organization_id, projectId: q.project_id || null });

/**
 * Quotas (Waldur's term): caps an organization's owners (and staff) set on the organization or
 * one of its projects, per limit component or per offering's number of resources; orders that
 * would pass one are refused (quota-enforcement.ts).
 */
export const quotasRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  const readable = async (p: Principal, id: string) => {
    const quota = await findQuota(app.db, id);
    if (!quota || !canRead(p, quota)) throw notFound('quota', id);
    return quota;
  };

  app.get('/quotas', {
    schema: {
      tags: ['quotas'],
      summary: 'List the quotas the caller may see, with their usage',
      description: 'With `project_id`: the quotas that hold for that project, its own and its organization-wide ones.',
      // Page parameters are taken and every quota answered: a scope has a handful.
      querystring: listQuery({ organization_id: ID, project_id: ID }),
      response: { 200: listResponseSchema(QUOTA) },
    },
    handler: async (request) => {
      const p = request.principal;
      const { organization_id: organizationId, project_id: projectId } = request.query;
      let organizations = p.isStaff ? undefined : memberOrganizationIds(p);
      if (projectId) {
        const project = await findLiveProject(app.db, projectId);
        if (!project || !canSeeProject(p, project)) return { items: [], next_cursor: null };
        organizations = [project.organization_id];
      }
      if (organizationId) organizations = (organizations ?? [organizationId]).filter((id) => id === organizationId);
      const rows = (await quotasOf(app.db, organizations, projectId)).filter((q) => canRead(p, q));
      return { items: await withUsage(app.db, rows), next_cursor: null };
    },
  });

  app.get('/quotas/:id', {
    schema: { tags: ['quotas'], summary: 'Get a quota with its usage', params: ID_PARAMS, response: { 200: QUOTA } },
    handler: async (request) => (await withUsage(app.db, [await readable(request.principal, request.params.id)]))[0],
  });

  app.post('/quotas', {
    schema: {
      tags: ['quotas'],
      summary: "Set a quota on an organization or one of its projects (the organization's owners, staff)",
      description:
        'Give `organization_id` or `project_id`, and `component` (a limit component type) or `offering_id` (a number of resources). A quota below its usage takes no new orders but keeps what is there.',
      body: body(
        {
          organization_id: ID,
          project_id: ID,
          component: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 100 },
          offering_id: { type: 'string', maxLength: 200, description: 'Offering id or slug.' },
          limit: LIMIT,
        },
        ['limit'],
      ),
      response: { 201: QUOTA },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body;
      const scope = await scopeOf(p, input.organization_id, input.project_id);
      if ((input.component === undefined) === (input.offering_id === undefined))
        throw invalid('component', 'give either component (a limit component type) or offering_id, not both');
      const offering = input.offering_id ? await findLiveOffering(app.db, input.offering_id) : undefined;
      if (input.offering_id && !offering) throw invalid('offering_id', `no offering ${input.offering_id}`);
      const row: QuotaRow = {
        id: newId(),
        ...scope,
        component: input.component ?? '',
        offering_id: offering?.id ?? '',
        limit: input.limit,
        created_at: now(),
        updated_at: now(),
      };
      try {
        await app.db.transaction().execute(async (trx) => {
          await insertQuota(trx, row);
          await recordEvent(trx, {
            actorId: p.user.id,
            action: 'quota.created',
            objectType: 'quota',
            objectId: row.id,
            ...auditScope(row),
            changes: input,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('this scope already has a quota of that component or offering; change its limit instead');
        throw error;
      }
      return reply.code(201).send((await withUsage(app.db, [row]))[0]);
    },
  });

  /** The organization (and project) a new quota holds for; only its owners and staff set one. */
  const scopeOf = async (p: Principal, organizationId?: string, projectId?: string) => {
    if (projectId) {
      const project = await findLiveProject(app.db, projectId);
      if (!project || !canSeeProject(p, project)) throw invalid('project_id', `no project ${projectId}`);
      if (organizationId && organizationId !== project.organization_id)
        throw invalid('organization_id', `project ${project.name} belongs to another organization`);
      if (!isOwnerOf(p, project.organization_id)) throw forbidden("only the organization's owners set quotas");
      return { organization_id: project.organization_id, project_id: project.id };
    }
    if (!organizationId) throw invalid('organization_id', 'give organization_id or project_id');
    const organization = await findLiveOrganization(app.db, organizationId);
    if (!organization || !canSeeOrganization(p, organizationId))
      throw invalid('organization_id', `no organization ${organizationId}`);
    if (!isOwnerOf(p, organizationId)) throw forbidden("only the organization's owners set quotas");
    return { organization_id: organizationId, project_id: '' };
  };

  app.patch('/quotas/:id', {
    schema: {
      tags: ['quotas'],
      summary: "Change a quota's limit (the organization's owners, staff)",
      params: ID_PARAMS,
      body: body({ limit: LIMIT }, ['limit']),
      response: { 200: QUOTA },
    },
    handler: async (request) => {
      const p = request.principal;
      const quota = await readable(p, request.params.id);
      if (!isOwnerOf(p, quota.organization_id)) throw forbidden("only the organization's owners change quotas");
      const changed = { ...quota, limit: request.body.limit, updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        await updateQuota(trx, quota.id, { limit: changed.limit, updated_at: changed.updated_at });
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'quota.updated',
          objectType: 'quota',
          objectId: quota.id,
          ...auditScope(quota),
          changes: diff(quota, { limit: changed.limit }),
        });
      });
      return (await withUsage(app.db, [changed]))[0];
    },
  });

  app.delete('/quotas/:id', {
    schema: { tags: ['quotas'], summary: "Remove a quota (the organization's owners, staff)", params: ID_PARAMS },
    handler: async (request, reply) => {
      const p = request.principal;
      const quota = await readable(p, request.params.id);
      if (!isOwnerOf(p, quota.organization_id)) throw forbidden("only the organization's owners remove quotas");
      await app.db.transaction().execute(async (trx) => {
        await deleteQuota(trx, quota.id);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'quota.deleted',
          objectType: 'quota',
          objectId: quota.id,
          ...auditScope(quota),
        });
      });
      return reply.code(204).send();
    },
  });
};
