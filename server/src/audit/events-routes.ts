import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { ownedOrganizationIds, providerOrganizationIds, memberProjectIds } from '../auth/access';
import { listResponseSchema, toPage } from '../http/pagination';
import { ID, listQuery, object, TIMESTAMP } from '../http/schemas';
import { json, page } from '../http/route-context';
import type { EventRow } from '../db/tables';
import { listEvents } from './events-repository';

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
      querystring: listQuery({
        object_id: { type: 'string' },
        object_type: { type: 'string' },
        action: { type: 'string' },
        organization_id: ID,
        project_id: ID,
        actor_id: ID,
      }),
      response: { 200: listResponseSchema(EVENT) },
    },
    handler: async (request) => {
      const p = request.principal;
      const range = page(request.query);
      const reader = p.isStaff
        ? undefined
        : {
            userId: p.user.id,
            ownedOrganizationIds: ownedOrganizationIds(p),
            memberProjectIds: memberProjectIds(p),
            providerOrganizationIds: providerOrganizationIds(p),
          };
      return toPage(await listEvents(app.db, range, request.query, reader), range.limit, presentEvent);
    },
  });
};
