import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { diff, recordEvent } from '../audit/record';
import type { PlanRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, invalidFields, type FieldError } from '../http/problem';
import { body, DESCRIPTION, ID, ID_PARAMS, listQuery, NAME, object, TIMESTAMP } from '../http/schemas';
import { json, now, page } from '../http/route-context';
import type { Component } from './offering-model';
import { assertProvider, findChild, offeringForChild, viewerOf } from './offering-children';
import { deletePlan, insertPlan, listPlans, updatePlan } from './plans-repository';
import { hasLiveResource } from '../resources/resources-repository';
import { lockOffering } from './offerings-repository';
import { refreshOfferingStatus } from './offering-activation';
import { PLAN_LIMITS, planLimitProblems, type PlanLimits } from './plan-limits';
import { currencyProblem, DEFAULT_CURRENCY } from '../billing/currencies';
import { presentPrices, PRICE_INPUT, PRICE_OUTPUT, storedPrices } from '../billing/prices';

const PLAN_UNITS = ['month', 'day', 'hour', 'one-time'];

const EDITABLE = {
  name: NAME,
  description: DESCRIPTION,
  unit: { type: 'string', enum: PLAN_UNITS },
  prices: {
    type: 'object',
    additionalProperties: PRICE_INPUT,
    description:
      'Price per unit of each component, by component type, in `currency`: JSON numbers or decimal strings (`"0.015"`), kept exactly.',
  },
  currency: {
    type: 'string',
    description: "ISO 4217 code of the prices' currency, e.g. `EUR`, `USD`, `JPY` (default `EUR`).",
  },
  limits: PLAN_LIMITS,
  archived: {
    type: 'boolean',
    description:
      'An archived plan takes no new orders. An offering is active only with a plan that is not archived: archiving the last one takes it back to `draft`.',
  },
} as const;

const PLAN = object({
  id: ID,
  offering_id: ID,
  name: { type: 'string' },
  description: { type: 'string' },
  unit: { type: 'string' },
  prices: {
    type: 'object',
    additionalProperties: PRICE_OUTPUT,
    description: 'Price per unit of each component, by component type, in `currency`, as decimal strings.',
  },
  currency: { type: 'string', description: "ISO 4217 code of the prices' currency." },
  limits: PLAN_LIMITS,
  archived: { type: 'boolean' },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

const presentPlan = (row: PlanRow) => ({
  ...row,
  prices: presentPrices(row.prices),
  limits: json<PlanLimits>(row.limits, {}),
  archived: row.archived === 1,
});

type PlanInput = Partial<Omit<PlanRow, 'prices' | 'limits' | 'archived'>> & {
  prices?: Record<string, number | string>;
  limits?: PlanLimits;
  archived?: boolean;
};

function priceProblems(input: PlanInput, componentsJson: string): FieldError[] {
  const types = json<Component[]>(componentsJson, []).map((c) => c.type);
  const currency = input.currency === undefined ? undefined : currencyProblem(input.currency);
  return Object.keys(input.prices ?? {})
    .filter((type) => !types.includes(type))
    .map((type) => ({
      field: `prices.${type}`,
      message: `the offering has no component "${type}" (it has: ${types.join(', ') || 'none'})`,
    }))
    .concat(currency ? [{ field: 'currency', message: currency }] : []);
}

const toColumns = (input: PlanInput) => ({
  ...input,
  prices: input.prices === undefined ? undefined : storedPrices(input.prices),
  limits: input.limits === undefined ? undefined : JSON.stringify(input.limits),
  archived: input.archived === undefined ? undefined : input.archived ? 1 : 0,
});

export const plansRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  app.post('/plans', {
    schema: {
      tags: ['catalog'],
      summary: 'Add a plan to an offering (its provider)',
      body: body({ ...EDITABLE, offering_id: ID }, ['offering_id', 'name']),
      response: { 201: PLAN },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body;
      const offering = await offeringForChild(app.db, p, input.offering_id);
      assertProvider(p, offering);
      const errors = [
        ...priceProblems(input, offering.components),
        ...planLimitProblems(input.limits, offering.components),
      ];
      if (errors.length) throw invalidFields(errors);
      const row: PlanRow = {
        id: newId(),
        offering_id: offering.id,
        name: input.name,
        description: input.description ?? '',
        unit: input.unit ?? 'month',
        prices: storedPrices(input.prices ?? {}),
        limits: JSON.stringify(input.limits ?? {}),
        currency: input.currency ?? DEFAULT_CURRENCY,
        archived: input.archived ? 1 : 0,
        created_at: now(),
        updated_at: now(),
      };
      await app.db.transaction().execute(async (trx) => {
        await lockOffering(trx, offering.id);
        await insertPlan(trx, row);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'plan.created',
          objectType: 'plan',
          objectId: row.id,
          providerOrganizationId: offering.organization_id,
          changes: input,
        });
        await refreshOfferingStatus(trx, offering.id, p.user.id);
      });
      return reply.code(201).send(presentPlan(row));
    },
  });

  app.get('/plans', {
    schema: {
      tags: ['catalog'],
      summary: 'List plans',
      querystring: listQuery({ offering_id: ID, name: { type: 'string' }, archived: { type: 'boolean' } }),
      response: { 200: listResponseSchema(PLAN) },
    },
    handler: async (request) => {
      const range = page(request.query);
      return toPage(
        await listPlans(app.db, range, request.query, viewerOf(request.principal)),
        range.limit,
        presentPlan,
      );
    },
  });

  app.get('/plans/:id', {
    schema: { tags: ['catalog'], summary: 'Get a plan', params: ID_PARAMS, response: { 200: PLAN } },
    handler: async (request) =>
      presentPlan((await findChild(app.db, request.principal, 'plans', request.params.id)).child),
  });

  app.patch('/plans/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'Change a plan (its provider)',
      params: ID_PARAMS,
      body: body(EDITABLE),
      response: { 200: PLAN },
    },
    handler: async (request) => {
      const p = request.principal;
      const { child, offering } = await findChild(app.db, p, 'plans', request.params.id);
      assertProvider(p, offering);
      const input = request.body;
      const components = await offeringForChild(app.db, p, offering.id);
      const errors = [
        ...priceProblems(input, components.components),
        ...planLimitProblems(input.limits, components.components),
      ];
      if (errors.length) throw invalidFields(errors);
      const changes = { ...toColumns(input), updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        if (input.archived !== undefined) await lockOffering(trx, offering.id);
        await updatePlan(trx, child.id, changes);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'plan.updated',
          objectType: 'plan',
          objectId: child.id,
          providerOrganizationId: offering.organization_id,
          changes: diff(presentPlan(child), input),
        });
        // Archiving the last plan of an active offering takes it back to draft (offering-activation.ts).
        if (input.archived !== undefined) await refreshOfferingStatus(trx, offering.id, p.user.id);
      });
      const merged = { ...child } as Record<string, unknown>;
      for (const [key, value] of Object.entries(changes)) if (value !== undefined) merged[key] = value;
      return presentPlan(merged as unknown as PlanRow);
    },
  });

  app.delete('/plans/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'Delete a plan no live resource uses (its provider)',
      description:
        'The plan leaves the catalog and cannot be ordered; it is kept, hidden, for the invoices that bill it. Deleting (or archiving) the last plan of an active offering takes it back to `draft` until a plan is added: see `status_reason` of the offering.',
      params: ID_PARAMS,
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const { child, offering } = await findChild(app.db, p, 'plans', request.params.id);
      assertProvider(p, offering);
      if (await hasLiveResource(app.db, { plan_id: child.id }))
        throw conflict('live resources use this plan; archive it instead');
      await app.db.transaction().execute(async (trx) => {
        await lockOffering(trx, offering.id);
        await deletePlan(trx, child.id, now());
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'plan.deleted',
          objectType: 'plan',
          objectId: child.id,
          providerOrganizationId: offering.organization_id,
        });
        await refreshOfferingStatus(trx, offering.id, p.user.id);
      });
      return reply.code(204).send();
    },
  });
};
