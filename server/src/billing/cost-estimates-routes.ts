import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { offeringForChild } from '../catalog/offering-children';
import { loadOfferingRow } from '../catalog/offerings-repository';
import { findPlanOf } from '../catalog/plans-repository';
import { invalid } from '../http/problem';
import { body, ID } from '../http/schemas';
import { limitProblems, throwIfAny } from '../orders/order-validation';
import { COST_ESTIMATE, estimatePlan } from './plan-estimate';

/**
 * `POST /cost-estimates`: what a plan with chosen limits would cost each month, before ordering.
 * Anyone who sees the offering may ask; nothing is written.
 */
export const costEstimatesRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  app.post('/cost-estimates', {
    schema: {
      tags: ['billing'],
      summary: 'Estimate the monthly cost of a plan with chosen limits',
      description:
        "Per component by its billing type: `fixed` the plan's price per month, `limit` the price per unit times the limit, `usage` 0 (not estimable in advance; see `note`), `one-time` in `one_time_total`, apart from `monthly_total`. Amounts are decimal strings in the plan's currency, rounded once, half-up, to its minor unit.",
      body: body(
        {
          offering_id: ID,
          plan_id: ID,
          limits: {
            type: 'object',
            additionalProperties: { type: 'number' },
            description: 'Chosen limits of the `limit` components, by component type (as on an order).',
          },
        },
        ['offering_id', 'plan_id'],
      ),
      response: {
        200: { ...COST_ESTIMATE, properties: { ...COST_ESTIMATE.properties, offering_id: ID, plan_id: ID } },
      },
    },
    handler: async (request) => {
      const { offering_id, plan_id, limits = {} } = request.body;
      const visible = await offeringForChild(app.db, request.principal, offering_id);
      const offering = (await loadOfferingRow(app.db, visible.id))!;
      const plan = await findPlanOf(app.db, offering.id, plan_id);
      if (!plan) throw invalid('plan_id', `offering ${offering.slug} has no plan ${plan_id}`);
      throwIfAny(limitProblems(offering, limits));
      return { offering_id: offering.id, plan_id: plan.id, ...estimatePlan(offering, plan, limits) };
    },
  });
};
