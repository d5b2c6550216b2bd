import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { approvesForProvider, canSeeProject } from '../auth/access';
import type { Principal } from '../auth/principal';
import { PRICE_INPUT } from '../billing/prices';
import { offeringProvider } from '../catalog/offerings-repository';
import type { Db } from '../db/database';
import { forbidden, invalid, Problem } from '../http/problem';
import { body, ID, object, TIMESTAMP } from '../http/schemas';
import { findResourceById } from '../resources/resources-repository';
import { projectRef } from '../structure/projects-repository';
import { PERIOD } from '../billing/billing-month';
import { DEFAULT_REPORT_ID, PULL_REPORT_ID, reportUsage } from './usage-report';

const USAGE_REPORT = object({
  id: ID,
  resource_id: ID,
  component: { type: 'string', description: "The offering's usage component's type." },
  period: PERIOD,
  report_id: { type: 'string' },
  amount: { type: 'string', description: 'A decimal string, without trailing zeros: `"12.5"`.' },
  reported_by: { type: ['string', 'null'], description: 'The user who reported it last; null for a plugin.' },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

/**
 * Who may report a resource's usage: its offering's provider (owners and service managers of the
 * offering's organization) and staff. Its consumers are answered 403; anyone else 404, as if the
 * resource did not exist.
 */
async function authorizeReporter(db: Db, p: Principal, id: string) {
  const resource = await findResourceById(db, id);
  const hidden = new Problem(404, 'Not Found', `resource ${id} was not found`, [
    { field: 'resource_id', message: 'is not a resource you provide' },
  ]);
  if (!resource) throw hidden;
  if (approvesForProvider(p, await offeringProvider(db, resource.offering_id))) return;
  if (canSeeProject(p, await projectRef(db, resource.project_id)))
    throw forbidden("only the offering's provider reports a resource's usage");
  throw hidden;
}

export const usageReportsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  app.post('/usage-reports', {
    schema: {
      tags: ['billing'],
      summary: "Report a resource's usage of a usage component in a month (its provider)",
      description: `The same \`report_id\` replaces the amount it reported before (never adds to it); different report ids add up, as invoices sum a month's reports. Without \`report_id\`: \`${DEFAULT_REPORT_ID}\`, one report per resource, component and month. \`${PULL_REPORT_ID}\` is kept for what the offering's plugin pulls. Refused: a component that is not a usage component of the offering (422), a negative or malformed amount (400), a period before the month the resource was created or after the month it was terminated or the current one (422), a closed month (409). Only the offering's provider (owners, service managers) and staff report; 201 for a new report, 200 for a replaced one.`,
      body: body(
        {
          resource_id: ID,
          component: { type: 'string', minLength: 1, maxLength: 100 },
          period: PERIOD,
          amount: PRICE_INPUT,
          report_id: {
            type: 'string',
            pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$',
            description: `The report's own id (letters, digits, \`._:-\`, at most 100); \`${DEFAULT_REPORT_ID}\` when not given.`,
          },
        },
        ['resource_id', 'component', 'period', 'amount'],
      ),
      response: { 200: USAGE_REPORT, 201: USAGE_REPORT },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      await authorizeReporter(app.db, p, request.body.resource_id);
      if (request.body.report_id === PULL_REPORT_ID)
        throw invalid('report_id', `"${PULL_REPORT_ID}" is kept for what the offering's plugin pulls`);
      const { report, created } = await reportUsage(app.db, request.body, p.user.id);
      return reply.code(created ? 201 : 200).send({ ...report });
    },
  });
};
