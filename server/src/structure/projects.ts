import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../auth/principal';
import {
  canSeeOrganization,
  canSeeProject,
  isOwnerOf,
  managesProject,
  memberProjectIds,
  ownedOrganizationIds,
} from '../auth/access';
import { diff, recordEvent } from '../audit/record';
import type { Db } from '../db/database';
import type { ProjectRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, forbidden, invalid, notFound } from '../http/problem';
import { body, DESCRIPTION, ID, ID_PARAMS, listQuery, NAME, object, TIMESTAMP } from '../http/schemas';
import { now, page } from '../http/route-context';
import { membershipRoutes } from './memberships';
import { findLiveProject, insertProject, listProjects, markProjectDeleted, updateProject } from './projects-repository';
import { findLiveOrganization } from './organizations-repository';
import { hasLiveResource } from '../resources/resources-repository';

const PROJECT = object({
  id: ID,
  organization_id: ID,
  name: { type: 'string' },
  description: { type: 'string' },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

async function findVisibleProject(db: Db, p: Principal, id: string) {
  const row = await findLiveProject(db, id);
  if (!row || !canSeeProject(p, row)) throw notFound('project', id);
  return row;
}

export const projectsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  app.post('/projects', {
    schema: {
      tags: ['structure'],
      summary: 'Create a project in an organization (owner)',
      body: body({ organization_id: ID, name: NAME, description: DESCRIPTION }, ['organization_id', 'name']),
      response: { 201: PROJECT },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body;
      const organization = await findLiveOrganization(app.db, input.organization_id);
      if (!organization || !canSeeOrganization(p, organization.id))
        throw invalid('organization_id', `no organization ${input.organization_id}`);
      if (!isOwnerOf(p, organization.id)) throw forbidden('only the organization owner creates projects');
      const row = {
        id: newId(),
        organization_id: input.organization_id,
        name: input.name,
        description: input.description ?? '',
        created_at: now(),
        updated_at: now(),
      } satisfies ProjectRow;
      await app.db.transaction().execute(async (trx) => {
        await insertProject(trx, row);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'project.created',
          objectType: 'project',
          objectId: row.id,
          organizationId: row.organization_id,
          projectId: row.id,
          changes: input,
        });
      });
      return reply.code(201).send(row);
    },
  });

  app.get('/projects', {
    schema: {
      tags: ['structure'],
      summary: 'List the projects the caller may see',
      querystring: listQuery({ organization_id: ID, name: { type: 'string' } }),
      response: { 200: listResponseSchema(PROJECT) },
    },
    handler: async (request) => {
      const p = request.principal;
      const range = page(request.query);
      const scope = p.isStaff
        ? undefined
        : { ownedOrganizationIds: ownedOrganizationIds(p), memberProjectIds: memberProjectIds(p) };
      if (scope && !scope.ownedOrganizationIds.length && !scope.memberProjectIds.length)
        return { items: [], next_cursor: null };
      return toPage(await listProjects(app.db, range, request.query, scope), range.limit, (r) => r);
    },
  });

  app.get('/projects/:id', {
    schema: { tags: ['structure'], summary: 'Get a project', params: ID_PARAMS, response: { 200: PROJECT } },
    handler: async (request) => findVisibleProject(app.db, request.principal, request.params.id),
  });

  app.patch('/projects/:id', {
    schema: {
      tags: ['structure'],
      summary: 'Change a project (manager or owner)',
      params: ID_PARAMS,
      body: body({ name: NAME, description: DESCRIPTION }),
      response: { 200: PROJECT },
    },
    handler: async (request) => {
      const p = request.principal;
      const row = await findVisibleProject(app.db, p, request.params.id);
      if (!managesProject(p, row)) throw forbidden('only the project manager or organization owner changes a project');
      const input = request.body;
      const updated = { ...row, ...input, updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        await updateProject(trx, row.id, { ...input, updated_at: updated.updated_at });
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'project.updated',
          objectType: 'project',
          objectId: row.id,
          organizationId: row.organization_id,
          projectId: row.id,
          changes: diff(row, input),
        });
      });
      return updated;
    },
  });

  app.delete('/projects/:id', {
    schema: {
      tags: ['structure'],
      summary: 'Delete a project with no live resources (owner)',
      description:
        'The project is no longer listed or found and takes no orders. Its terminated resources and its orders are kept as history: readable by id to those who could read them, listed with `include_deleted=true`.',
      params: ID_PARAMS,
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const row = await findVisibleProject(app.db, p, request.params.id);
      if (!isOwnerOf(p, row.organization_id)) throw forbidden('only the organization owner deletes projects');
      if (await hasLiveResource(app.db, { project_id: row.id }))
        throw conflict('the project still has resources; terminate them first');
      await app.db.transaction().execute(async (trx) => {
        await markProjectDeleted(trx, row.id, now());
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'project.deleted',
          objectType: 'project',
          objectId: row.id,
          organizationId: row.organization_id,
          projectId: row.id,
        });
      });
      return reply.code(204).send();
    },
  });

  membershipRoutes(app, {
    collection: 'projects',
    table: 'project_members',
    parentColumn: 'project_id',
    roles: ['manager', 'member'],
    loadParent: async (request, id) => {
      const row = await findVisibleProject(app.db, request.principal, id);
      return { id: row.id, organizationId: row.organization_id, projectId: row.id };
    },
    assertMayManage: (p, parent, role) => {
      const project = { id: parent.id, organization_id: parent.organizationId };
      const allowed = isOwnerOf(p, parent.organizationId) || (role === 'member' && managesProject(p, project));
      if (!allowed)
        throw forbidden(
          `only the organization owner${role === 'member' ? ' or project manager' : ''} grants the ${role} role`,
        );
    },
  });
};
