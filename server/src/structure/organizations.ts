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

const ORGANIZATION = object({ id: ID, name: { type: 'string' }, description: { type: 'string' }, created_at: TIMESTAMP, updated_at: TIMESTAMP });

export const organizationsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  const findOrganization = async (p: Principal, id: string) => {
    const row = await app.db.selectFrom('organizations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row || !canSeeOrganization(p, row.id)) throw notFound('organization', id);
    return row;
  };

  app.post('/organizations', {
    schema: { tags: ['structure'], summary: 'Create an organization; a non-staff creator becomes its owner', body: body({ name: NAME, description: DESCRIPTION }, ['name']), response: { 201: ORGANIZATION } },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body;
      const row = { id: newId(), name: input.name, description: input.description ?? '', created_at: now(), updated_at: now() } satisfies OrganizationRow;
      await app.db.transaction().execute(async (trx) => {
        await trx.insertInto('organizations').values(row).execute();
        if (!p.isStaff) await trx.insertInto('organization_members').values({ organization_id: row.id, user_id: p.user.id, role: 'owner', created_at: now() }).execute();
        await recordEvent(trx, { actorId: p.user.id, action: 'organization.created', objectType: 'organization', objectId: row.id, organizationId: row.id, changes: input });
      });
      return reply.code(201).send(row);
    },
  });

  app.get('/organizations', {
    schema: { tags: ['structure'], summary: 'List the organizations the caller belongs to', querystring: listQuery({ name: { type: 'string' } }), response: { 200: listResponseSchema(ORGANIZATION) } },
    handler: async (request) => {
      const p = request.principal;
      const { limit, after } = page(request.query);
      const { name } = request.query;
      let query = app.db.selectFrom('organizations').selectAll().where('deleted_at', 'is', null).orderBy('id').limit(limit + 1);
      if (after) query = query.where('id', '>', after);
      if (name) query = query.where('name', '=', name);
      if (!p.isStaff) {
        const projectOrgs = [...p.projectRoles.values()].map((r) => r.organizationId);
        const ids = [...p.organizationRoles.keys(), ...projectOrgs];
        if (!ids.length) return { items: [], next_cursor: null };
        query = query.where('id', 'in', ids);
      }
      return toPage(await query.execute(), limit, (r) => r);
    },
  });

  app.get('/organizations/:id', {
    schema: { tags: ['structure'], summary: 'Get an organization', params: ID_PARAMS, response: { 200: ORGANIZATION } },
    handler: async (request) => findOrganization(request.principal, request.params.id),
  });

  app.patch('/organizations/:id', {
    schema: { tags: ['structure'], summary: 'Change an organization (owner)', params: ID_PARAMS, body: body({ name: NAME, description: DESCRIPTION }), response: { 200: ORGANIZATION } },
    handler: async (request) => {
      const p = request.principal;
      const row = await findOrganization(p, request.params.id);
      if (!isOwnerOf(p, row.id)) throw forbidden('only the organization owner changes it');
      const input = request.body;
      const updated = { ...row, ...input, updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        await trx.updateTable('organizations').set({ ...input, updated_at: updated.updated_at }).where('id', '=', row.id).execute();
        await recordEvent(trx, { actorId: p.user.id, action: 'organization.updated', objectType: 'organization', objectId: row.id, organizationId: row.id, changes: diff(row, input) });
      });
      return updated;
    },
  });

  app.delete('/organizations/:id', {
    schema: { tags: ['structure'], summary: 'Delete an organization with no projects or offerings (owner)', params: ID_PARAMS },
    handler: async (request, reply) => {
      const p = request.principal;
      const row = await findOrganization(p, request.params.id);
      if (!isOwnerOf(p, row.id)) throw forbidden('only the organization owner deletes it');
      const project = await app.db.selectFrom('projects').select('id').where('organization_id', '=', row.id).where('deleted_at', 'is', null).executeTakeFirst();
      const offering = await app.db.selectFrom('offerings').select('id').where('organization_id', '=', row.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (project || offering) throw conflict('the organization still has projects or offerings; delete them first');
      // Kept with its members, as the history of its deleted projects and offerings is: owners still read it.
      await app.db.transaction().execute(async (trx) => {
        await trx.updateTable('organizations').set({ deleted_at: now(), updated_at: now() }).where('id', '=', row.id).execute();
        await recordEvent(trx, { actorId: p.user.id, action: 'organization.deleted', objectType: 'organization', objectId: row.id, organizationId: row.id });
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
