import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { ownedOrganizationIds, providerOrganizationIds, memberProjectIds } from '../auth/access';
import { listResponseSchema, toPage } from '../http/pagination';
import { ID, listQuery, object, TIMESTAMP } from '../http/schemas';
import { json, page } from '../http/route-context';
import type { EventRow } from '../db/tables';

const EVENT = object({
  id: ID,
  created_at: TIMESTAMP,
  actor_id: { type: ['string', 'null'] },
  action: { type: 'string' },
  object_type: { type: 'string' },
  object_id: { type: 'string' },
  organization_id: { type: ['string', 'null'] },
  project_id: { type: ['string', 'null'] },
  provider_organization_id: { type: ['string', 'null'] },
  changes: { type: 'object', additionalProperties: true },
});

const presentEvent = (row: EventRow) => ({ ...row, changes: json(row.changes, {}) });

/** The audit log: each caller reads the events of what it may see, and its own actions. */
export const eventsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  app.get('/events', {
    schema: {
      tags: ['audit'],
      summary: 'List audit events',
      querystring: listQuery({ object_id: { type: 'string' }, object_type: { type: 'string' }, action: { type: 'string' }, organization_id: ID, project_id: ID, actor_id: ID }),
      response: { 200: listResponseSchema(EVENT) },
    },
    handler: async (request) => {
      const p = request.principal;
      const { limit, after } = page(request.query);
      const filters = request.query;
      let query = app.db.selectFrom('events').selectAll().orderBy('id').limit(limit + 1);
      if (after) query = query.where('id', '>', after);
      for (const column of ['object_id', 'object_type', 'action', 'organization_id', 'project_id', 'actor_id'] as const) {
        if (filters[column]) query = query.where(column, '=', filters[column]!);
      }
      if (!p.isStaff) {
        const owned = ownedOrganizationIds(p);
        const projects = memberProjectIds(p);
        const providers = providerOrganizationIds(p);
        query = query.where((eb) =>
          eb.or([
            eb('actor_id', '=', p.user.id),
            ...(owned.length ? [eb('organization_id', 'in', owned)] : []),
            ...(projects.length ? [eb('project_id', 'in', projects)] : []),
            ...(providers.length ? [eb('provider_organization_id', 'in', providers)] : []),
          ]),
        );
      }
      return toPage(await query.execute(), limit, presentEvent);
    },
  });
};
