import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { canSeeOrganization, isOwnerOf, managesOfferingsOf } from '../auth/access';
import type { Principal } from '../auth/principal';
import { forbidden, invalid, notFound } from '../http/problem';
import { body, ID, object } from '../http/schemas';
import { findLiveOrganization } from '../structure/organizations-repository';
import { PERIOD } from './billing-month';
import { invoiceCsv } from './invoice-csv';
import { INVOICE_ITEM, INVOICE_TOTALS } from './invoice-item';
import { invoiceHistory, invoicesOfMonth } from './invoice-view';
import { closePeriod } from './period-close';
import { providerEarnings } from './provider-earnings';

const NULLABLE_TIMESTAMP = { type: ['string', 'null'], format: 'date-time' } as const;

const INVOICE = {
  type: 'object',
  required: ['id', 'organization_id', 'period', 'state', 'totals', 'items', 'closed_at'],
  properties: {
    id: {
      type: ['string', 'null'],
      description:
        "The final invoice's id; null while pending, and for a closed month the organization owed nothing in.",
    },
    organization_id: ID,
    period: PERIOD,
    state: {
      type: 'string',
      enum: ['pending', 'final'],
      description:
        "`pending` while the month is open: computed when asked, resources still active billed to the month's end; `final` once staff closed the month.",
    },
    totals: INVOICE_TOTALS,
    items: { type: 'array', items: INVOICE_ITEM },
    closed_at: { ...NULLABLE_TIMESTAMP, description: 'When the month was closed; null while pending.' },
  },
} as const;

/** A query string or path of the given fields, no other. */
function fields<const P extends Record<string, object>, const R extends readonly (keyof P & string)[] = []>(
  properties: P,
  required: R = [] as unknown as R,
) {
  return { type: 'object', additionalProperties: false, required, properties } as const;
}

const MONEY_TOTALS = {
  ...INVOICE_TOTALS,
  description: 'Per currency (in code order): the sum of the amounts.',
} as const;

const CLOSE = object({
  period: PERIOD,
  closed_at: { type: 'string', format: 'date-time' },
  closed_by: { type: ['string', 'null'], description: 'The staff user who closed the month.' },
  invoices: { type: 'integer', description: 'Final invoices written: one per organization with charges.' },
  totals: MONEY_TOTALS,
});

const EARNINGS = object({
  items: {
    type: 'array',
    items: object({
      offering_id: ID,
      offering_name: { type: 'string' },
      totals: MONEY_TOTALS,
      resources: { type: 'integer', description: 'Resources of the offering billed in the month.' },
    }),
  },
});

/**
 * Invoices (issue 13): an organization's charges per calendar month (UTC), pending until staff
 * close the month, then final; their CSV export; provider earnings per offering. Only an
 * organization's owners and staff see its invoices (other members: 403; other organizations: 404).
 */
export const invoicesRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  /** Answers 404 for an organization the caller does not see, 403 for one it sees without owning it. */
  const billedOrganization = async (p: Principal, id: string) => {
    const organization = await findLiveOrganization(app.db, id);
    if (!organization || !canSeeOrganization(p, id)) throw notFound('organization', id);
    if (!isOwnerOf(p, id)) throw forbidden("only the organization's owners and staff see its invoices");
    return organization;
  };

  app.get('/invoices', {
    schema: {
      tags: ['billing'],
      summary: "An organization's invoices (its owners, staff)",
      description:
        "With `period`: that month's invoice (`final` when the month is closed, else `pending`; no charges: no items, totals []). Without: the organization's final invoices, newest month first, after the current month's pending one. Staff may leave out `organization_id` with `period`: every organization's invoice of that month that has charges. Items are included in every form.",
      querystring: fields({ organization_id: ID, period: PERIOD }),
      response: { 200: object({ items: { type: 'array', items: INVOICE } }) },
    },
    handler: async (request) => {
      const p = request.principal;
      const { organization_id: organizationId, period } = request.query;
      if (!organizationId) {
        if (!period)
          throw invalid('organization_id', 'give organization_id (staff: or period, for every organization)');
        if (!p.isStaff) throw invalid('organization_id', 'is required (only staff list every organization)');
        return { items: await invoicesOfMonth(app.db, period) };
      }
      await billedOrganization(p, organizationId);
      return {
        items: period
          ? await invoicesOfMonth(app.db, period, [organizationId])
          : await invoiceHistory(app.db, organizationId),
      };
    },
  });

  app.get('/invoices/:organization_id/:period', {
    schema: {
      tags: ['billing'],
      summary: "An organization's invoice of a month, as JSON or CSV (its owners, staff)",
      description:
        '`format=csv`: text/csv (RFC 4180), a header row of the item fields, then one row per item, nothing else. Otherwise the invoice as JSON.',
      params: fields({ organization_id: ID, period: PERIOD }, ['organization_id', 'period']),
      querystring: fields({ format: { type: 'string', enum: ['json', 'csv'], default: 'json' } }),
      response: { 200: INVOICE },
    },
    handler: async (request, reply) => {
      const { organization_id: organizationId, period } = request.params;
      await billedOrganization(request.principal, organizationId);
      const [invoice] = await invoicesOfMonth(app.db, period, [organizationId]);
      if (request.query.format !== 'csv') return invoice;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="invoice-${organizationId}-${period}.csv"`)
        .send(invoiceCsv(invoice.items) as never);
    },
  });

  app.post('/invoices/close', {
    schema: {
      tags: ['billing'],
      summary: "Close a month: every organization's invoice becomes final (staff)",
      description:
        'Refused (409, `period`) before the month has ended. Writes one final invoice per organization with charges, equal to what its pending one showed, and takes no more usage reports for the month. Safe to repeat: a closed month answers 200 with what the first close wrote (201 the first time).',
      body: body({ period: PERIOD }, ['period']),
      response: { 200: CLOSE, 201: CLOSE },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      if (!p.isStaff) throw forbidden('only staff close a month');
      const { created, close } = await closePeriod(app.db, request.body.period, p.user.id);
      return reply.code(created ? 201 : 200).send(close);
    },
  });

  app.get('/earnings', {
    schema: {
      tags: ['billing'],
      summary: 'What a service provider earns in a month, per offering (its members, staff)',
      description:
        "Per offering of the provider billed in the month: the sums of its invoice items over every consumer organization (final items when the month is closed, else the pending figures) and the number of resources billed. No consumer's items are shown.",
      querystring: fields({ organization_id: ID, period: PERIOD }, ['organization_id', 'period']),
      response: { 200: EARNINGS },
    },
    handler: async (request) => {
      const p = request.principal;
      const { organization_id: organizationId, period } = request.query;
      const organization = await findLiveOrganization(app.db, organizationId);
      if (!organization || !canSeeOrganization(p, organizationId)) throw notFound('organization', organizationId);
      if (!managesOfferingsOf(p, organizationId))
        throw forbidden("only the provider organization's members and staff see its earnings");
      return { items: await providerEarnings(app.db, period, organizationId) };
    },
  });
};
