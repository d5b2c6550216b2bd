import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { approvesForProvider, managesProject } from '../auth/access';
import type { Principal } from '../auth/principal';
import { sideOf } from '../auth/scope';
import { offeringProvider } from '../catalog/offerings-repository';
import { listResponseSchema, toPage } from '../http/pagination';
import { forbidden, notFound } from '../http/problem';
import { page } from '../http/route-context';
import { ID, ID_PARAMS, listQuery, object, TIMESTAMP } from '../http/schemas';
import { listLogEntries } from '../provisioning/order-logs-repository';
import { findOrderById } from './orders-repository';

const LOG_ENTRY = object({
  id: ID,
  order_id: ID,
  attempt: {
    type: 'integer',
    description: "The run: 0 for the plan previewed before approval, then the order's provisioning attempts from 1.",
  },
  step: { type: 'string', description: 'What the run was doing, as its plugin names it (`init`, `plan`, `apply`...).' },
  text: { type: 'string', description: 'Output of the run, secrets masked.' },
  created_at: TIMESTAMP,
});

/**
 * The logs of an order's runs (`GET /orders/{id}/logs`), written by its plugin through the job's
 * RunLog (provisioning/order-run-log.ts) and kept when the order ends. Runs print what they do in
 * detail, so only those who answer for the order read them: the project's managers and its
 * organization's owners, the offering's provider (owners, service managers) and staff.
 */
export const orderLogsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  /** 404 for an order the caller does not see at all, 403 for a plain member of its project. */
  const assertReadsLogs = async (p: Principal, id: string) => {
    const order = await findOrderById(app.db, id);
    const seen = order && (await sideOf(app.db, p, order.project_id, order.offering_id));
    if (!order || !seen?.side) throw notFound('order', id);
    if (managesProject(p, seen.project) || approvesForProvider(p, await offeringProvider(app.db, order.offering_id)))
      return;
    throw forbidden(
      "an order's logs are read by its project's managers, its organization's owners and the offering's provider",
    );
  };

  app.get('/orders/:id/logs', {
    schema: {
      tags: ['orders'],
      summary: "The log of an order's runs (its plan preview and provisioning attempts), in the order written",
      description:
        "What the offering's plugin wrote while planning and provisioning the order (e.g. Terraform's output), secrets masked; an order's log holds at most a fixed number of bytes, and says so where it was cut. For the project's managers, its organization's owners and the offering's provider.",
      params: ID_PARAMS,
      querystring: listQuery({ attempt: { type: 'integer', minimum: 0, description: 'Only this run.' } }),
      response: { 200: listResponseSchema(LOG_ENTRY) },
    },
    handler: async (request) => {
      await assertReadsLogs(request.principal, request.params.id);
      const range = page(request.query);
      const rows = await listLogEntries(app.db, request.params.id, range, request.query.attempt);
      return toPage(rows, range.limit, (row) => row);
    },
  });
};
