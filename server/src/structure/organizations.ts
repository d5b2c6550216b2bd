import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../auth/principal';
import { canSeeOrganization, isOwnerOf } from '../auth/access';
import { diff, recordEvent } from '../audit/record';
import type { OrganizationRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, forbidden, notFound } from '../http/problem';
import { body, DESCRIPTION, ID, ID_PARAMS, listQuery, NAME, object, TIMESTAMP } from '../http/schemas';
import { now, page } from '../http/route-context';
import { membershipRoutes } from './memberships';
import {
  findLiveOrganization,
  insertOrganization,
  listOrganizations,
  markOrganizationDeleted,
  updateOrganization,
} from './organizations-repository';
import { hasLiveProject } from './projects-repository';
import { hasLiveOffering } from '../catalog/offerings-repository';

const ORGANIZATION = object({
  id: ID,
  name: { type: 'string' },
  description: { type: 'string' },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

export const organizationsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  const findOrganization = async (p: Principal, id: string) => {
    const row = await findLiveOrganization(app.db, id);
    if (!row || !canSeeOrganization(p, row.id)) throw notFound('organization', id);
    return row;
  };

  app.post('/organizations', {
    schema: {
      tags: ['structure'],
      summary: 'Create an organization; a non-staff creator becomes its owner',
      body: body({ name: NAME, description: DESCRIPTION }, ['name']),
      response: { 201: ORGANIZATION },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body;
      const row = {
        id: newId(),
        name: input.name,
        description: input.description ?? '',
        created_at: now(),
        updated_at: now(),
      } satisfies OrganizationRow;
      await app.db.transaction().execute(async (trx) => {
        await insertOrganization(trx, row, p.isStaff ? undefined : p.user.id);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'organization.created',
          objectType: 'organization',
          objectId: row.id,
          organizationId: row.id,
          changes: input,
        });
      });
      return reply.code(201).send(row);
    },
  });

  app.get('/organizations', {
    schema: {
      tags: ['structure'],
      summary: 'List the organizations the caller belongs to',
      querystring: listQuery({ name: { type: 'string' } }),
      response: { 200: listResponseSchema(ORGANIZATION) },
    },
    handler: async (request) => {
      const p = request.principal;
      const range = page(request.query);
      const ids = p.isStaff
        ? undefined
        : [...p.organizationRoles.keys(), ...[...p.projectRoles.values()].map((r) => r.organizationId)];
      if (ids && !ids.length) return { items: [], next_cursor: null };
      return toPage(await listOrganizations(app.db, range, request.query, ids), range.limit, (r) => r);
    },
  });

  app.get('/organizations/:id', {
    schema: { tags: ['structure'], summary: 'Get an organization', params: ID_PARAMS, response: { 200: ORGANIZATION } },
    handler: async (request) => findOrganization(request.principal, request.params.id),
  });

  app.patch('/organizations/:id', {
    schema: {
      tags: ['structure'],
      summary: 'Change an organization (owner)',
      params: ID_PARAMS,
      body: body({ name: NAME, description: DESCRIPTION }),
      response: { 200: ORGANIZATION },
    },
    handler: async (request) => {
      const p = request.principal;
      const row = await findOrganization(p, request.params.id);
      if (!isOwnerOf(p, row.id)) throw forbidden('only the organization owner changes it');
      const input = request.body;
      const updated = { ...row, ...input, updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        await updateOrganization(trx, row.id, { ...input, updated_at: updated.updated_at });
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'organization.updated',
          objectType: 'organization',
          objectId: row.id,
          organizationId: row.id,
          changes: diff(row, input),
        });
      });
      return updated;
    },
  });

  app.delete('/organizations/:id', {
    schema: {
      tags: ['structure'],
      summary: 'Delete an organization with no projects or offerings (owner)',
      params: ID_PARAMS,
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const row = await findOrganization(p, request.params.id);
      if (!isOwnerOf(p, row.id)) throw forbidden('only the organization owner deletes it');
      if ((await hasLiveProject(app.db, row.id)) || (await hasLiveOffering(app.db, 'organization_id', row.id)))
        throw conflict('the organization still has projects or offerings; delete them first');
      await app.db.transaction().execute(async (trx) => {
        await markOrganizationDeleted(trx, row.id, now());
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'organization.deleted',
          objectType: 'organization',
          objectId: row.id,
          organizationId: row.id,
        });
      });
      return reply.code(204).send();
    },
  });

  membershipRoutes(app, {
    collection: 'organizations',
    table: 'organization_members',
    parentColumn: 'organization_id',
    roles: ['owner', 'service-manager'],
    keptRole: 'owner',
    loadParent: async (request, id) => {
      const row = await findOrganization(request.principal, id);
      return { id: row.id, organizationId: row.id, projectId: null };
    },
    assertMayManage: (p, parent) => {
      if (!isOwnerOf(p, parent.id)) throw forbidden('only the organization owner grants its roles');
    },
  });
};
