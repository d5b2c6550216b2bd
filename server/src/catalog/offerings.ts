import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../auth/principal';
import { canSeeOffering, canSeeOrganization, managesOfferingsOf } from '../auth/access';
import { diff, recordEvent } from '../audit/record';
import { isUniqueViolation } from '../db/database';
import { SLUG_PATTERN } from '../slugs';
import { freeSlug } from '../db/free-slug';
import type { OfferingRow } from '../db/tables';
import { newId } from '../ids';
import { conflict, forbidden, invalid, invalidFields, notFound, type FieldError } from '../http/problem';
import { body, DESCRIPTION, ID, ID_PARAMS, jsonObject, NAME, object } from '../http/schemas';
import { json, now } from '../http/route-context';
import { PAGE_QUERY_PROPERTIES } from '../http/pagination';
import { validateAgainst } from './options-schema';
import { COMPONENT, consumerView, OFFERING, OFFERING_STATUSES, PLATFORMS, type Component } from './offering-model';
import { FACETS, type CatalogEntry } from './search-index';
import { readOffering } from './catalog-cache';
import { AUDIENCE_FIELDS, audienceChange, type AudienceChange, type AudienceInput } from './offering-audience';
import { replaceAudience } from './offering-audience-repository';
import { consumesOffering } from './offering-children-repository';
import { viewerOf } from './offering-children';
import { refreshOfferingStatus } from './offering-activation';
import { findLiveCategory } from './categories-repository';
import { findLiveOrganization } from '../structure/organizations-repository';
import { hasLiveResource } from '../resources/resources-repository';
import { insertOffering, loadOfferingRow, markOfferingDeleted, updateOffering } from './offerings-repository';
import {
  lockOfferedModule,
  makeOfferingVersions,
  moduleAddressOf,
  moduleUseProblems,
  TERRAFORM_PLUGIN,
} from './module-offerings';

const EDITABLE = {
  category_id: ID,
  name: NAME,
  description: DESCRIPTION,
  platform: { type: 'string', enum: PLATFORMS },
  tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 50 }, maxItems: 50, uniqueItems: true },
  status: {
    type: 'string',
    enum: OFFERING_STATUSES,
    description:
      'The status asked for (read back as `requested_status`). `draft`: seen only by its provider; `active`: in the catalog taking orders, once it has a category, a plan that is not archived and a version (until then `status` reads `draft` and `status_reason` says what is missing; it turns active by itself); `paused`: seen, takes no new orders; `archived`: out of the catalog.',
  },
  ...AUDIENCE_FIELDS,
  auto_approve: { type: 'boolean', description: 'Skip the provider approval of orders.' },
  bill_paused: {
    type: 'boolean',
    description:
      "Whether a paused resource's `fixed` and `limit` components are billed as when active (default true); false: paused time is free.",
  },
  plugin_options: jsonObject(),
  secret_options: jsonObject('Write-only: never returned, masked in events.'),
  documentation_url: { type: 'string', maxLength: 2000 },
  requirements: { type: 'string', maxLength: 10000 },
  components: { type: 'array', items: COMPONENT, maxItems: 100 },
} as const;

const FACET_LIST = {
  type: 'array',
  items: object({ value: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' } }),
} as const;

const SEARCH_RESPONSE = object({
  items: { type: 'array', items: OFFERING },
  next_cursor: { type: ['string', 'null'] },
  total: { type: 'integer', description: 'Offerings matching the whole query.' },
  facets: object(Object.fromEntries(Object.keys(FACETS).map((f) => [f, FACET_LIST]))),
});

type OfferingInput = Partial<
  Omit<
    OfferingRow,
    | 'tags'
    | 'plugin_options'
    | 'secret_options'
    | 'components'
    | 'auto_approve'
    | 'bill_paused'
    | 'status_reason'
    | 'requested_status'
  >
> &
  AudienceInput & {
    tags?: string[];
    plugin_options?: Record<string, unknown>;
    secret_options?: Record<string, unknown>;
    components?: Component[];
    auto_approve?: boolean;
    bill_paused?: boolean;
  };

/**
 * Columns as stored, for the fields the input sets. `status` is the status asked for: the
 * effective one is the activation rule's (offering-activation.ts). The audience lists have their
 * own table.
 */
function toColumns(input: OfferingInput): Partial<OfferingRow> {
  const { status, allowed_organization_ids: _organizations, allowed_project_ids: _projects, ...rest } = input;
  const columns: Record<string, unknown> = { ...rest };
  if (status !== undefined) columns.requested_status = status;
  for (const field of ['tags', 'plugin_options', 'secret_options', 'components'] as const) {
    if (input[field] !== undefined) columns[field] = JSON.stringify(input[field]);
  }
  if (input.auto_approve !== undefined) columns.auto_approve = input.auto_approve ? 1 : 0;
  if (input.bill_paused !== undefined) columns.bill_paused = input.bill_paused ? 1 : 0;
  return columns as Partial<OfferingRow>;
}

const refOf = ({ offering, audience }: CatalogEntry) => ({
  organization_id: offering.organization_id,
  status: offering.status,
  audience,
});

/** The offering as the caller may read it: whole for its provider's members and staff, else without its audience lists. */
const presentedFor = (p: Principal, entry: CatalogEntry) =>
  managesOfferingsOf(p, entry.offering.organization_id) ? entry.offering : consumerView(entry.offering);

/** The options a write gives, without the ones it leaves out. */
function definedOptions({ plugin_options, secret_options }: OfferingInput) {
  return {
    ...(plugin_options === undefined ? {} : { plugin_options }),
    ...(secret_options === undefined ? {} : { secret_options }),
  };
}

export const offeringsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  /**
   * The offering as the request may see the catalog, 404 when the caller may not see it. With
   * `consumers`, also one it has resources of (that has since left its catalog), to read.
   */
  const findOffering = async (request: FastifyRequest, idOrSlug: string, consumers = false) => {
    const p = request.principal;
    const entry = await app.catalog.find(request, idOrSlug);
    if (entry && canSeeOffering(p, refOf(entry))) return entry;
    if (entry && consumers && (await consumesOffering(app.db, viewerOf(p), entry.offering.id))) return entry;
    throw notFound('offering', idOrSlug);
  };

  /** What a request wrote, read back from the database, as its provider sees it. */
  const readBack = async (id: string) => (await readOffering(app.db, id))!.offering;

  /**
   * `stored`: the options the offering has now, for a change that leaves one of them out; both are
   * checked against the plugin's schemas as they will be after the write.
   */
  const checkReferences = async (
    caller: string,
    organizationId: string,
    input: OfferingInput,
    stored: Pick<OfferingInput, 'plugin_options' | 'secret_options'> = {},
  ): Promise<FieldError[]> => {
    const errors: FieldError[] = [];
    if (input.category_id && !(await findLiveCategory(app.db, input.category_id))) {
      errors.push({ field: 'category_id', message: `no category ${input.category_id}` });
    }
    if (input.type !== undefined && !app.plugins.get(input.type)) {
      errors.push({
        field: 'type',
        message: `unknown plugin "${input.type}"; one of ${app.plugins.types().join(', ')}`,
      });
    }
    const plugin = app.plugins.get(input.type ?? '');
    const options = { ...stored, ...definedOptions(input) };
    if (plugin?.optionsSchema)
      errors.push(
        ...(await validateAgainst(app, caller, plugin.optionsSchema, options.plugin_options ?? {}, 'plugin_options')),
      );
    if (plugin?.secretOptionsSchema)
      errors.push(
        ...(await validateAgainst(
          app,
          caller,
          plugin.secretOptionsSchema,
          options.secret_options ?? {},
          'secret_options',
        )),
      );
    const types = (input.components ?? []).map((c) => c.type);
    types.forEach((type, i) => {
      if (types.indexOf(type) !== i)
        errors.push({ field: `components[${i}].type`, message: `duplicates component type "${type}"` });
    });
    // Rules across the two options (a secret an option needs), once each has passed its schema.
    if (plugin?.checkOptions && !errors.some((e) => /^(plugin|secret)_options\b/.test(e.field)))
      errors.push(
        ...plugin.checkOptions({
          plugin_options: options.plugin_options ?? {},
          secret_options: options.secret_options ?? {},
        }),
      );
    // A module-backed offering names a module its organization may use (module-offerings.ts).
    if (plugin?.type === TERRAFORM_PLUGIN && !errors.some((e) => e.field.startsWith('plugin_options')))
      errors.push(...(await moduleUseProblems(app.db, organizationId, options.plugin_options)));
    return errors;
  };

  /**
   * The module a `terraform` offering names, locked (the first statement of the transaction that
   * writes the offering: see module-offerings.ts), when the write sets it; 422 when it is no longer
   * one the organization may use.
   */
  const offeredModule = async (
    trx: typeof app.db,
    organizationId: string,
    terraform: boolean,
    input: OfferingInput,
  ) => {
    const path = moduleAddressOf(input.plugin_options);
    if (!terraform || path === undefined) return undefined;
    const module = await lockOfferedModule(trx, organizationId, path);
    if (!module) throw invalidFields(await moduleUseProblems(trx, organizationId, input.plugin_options));
    return module;
  };

  /**
   * Inserts a new offering. A derived slug is free when looked up but may be taken by the time
   * it is written (two offerings of one name published at once): the unique index decides, and
   * the loser takes the next free slug.
   */
  const publishOffering = async (row: OfferingRow, input: OfferingInput, audience: AudienceChange, actorId: string) => {
    for (let attempt = 1; ; attempt++) {
      if (!input.slug) row.slug = await freeSlug(app.db, 'offerings', input.name!, 'offering');
      try {
        await app.db.transaction().execute(async (trx) => {
          const module = await offeredModule(trx, row.organization_id, row.type === TERRAFORM_PLUGIN, input);
          await insertOffering(trx, row);
          if (audience.rows) await replaceAudience(trx, row.id, audience.rows);
          if (module) await makeOfferingVersions(trx, row, module, actorId);
          await refreshOfferingStatus(trx, row.id, actorId);
          await recordEvent(trx, {
            actorId,
            action: 'offering.created',
            objectType: 'offering',
            objectId: row.id,
            providerOrganizationId: row.organization_id,
            changes: { ...input, slug: row.slug },
            secretFields: ['secret_options'],
          });
        });
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (input.slug || attempt >= 100) throw conflict(`slug "${row.slug}" is taken by another offering`, 'slug');
      }
    }
  };

  app.post('/offerings', {
    schema: {
      tags: ['catalog'],
      summary: "Publish an offering in the provider organization's name (owner or service manager)",
      body: body(
        {
          ...EDITABLE,
          organization_id: ID,
          slug: { type: 'string', pattern: SLUG_PATTERN, maxLength: 100 },
          type: { type: 'string' },
        },
        ['organization_id', 'category_id', 'name', 'type'],
      ),
      response: { 201: OFFERING },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body;
      const organization = await findLiveOrganization(app.db, input.organization_id);
      if (!organization || !managesOfferingsOf(p, organization.id)) {
        if (organization && canSeeOrganization(p, organization.id))
          throw forbidden('only owners and service managers publish offerings');
        throw invalid('organization_id', `no organization ${input.organization_id}`);
      }
      const id = newId();
      const audience = await audienceChange(app.db, id, input);
      const errors = [...(await checkReferences(p.user.id, input.organization_id, input)), ...audience.errors];
      if (errors.length) throw invalidFields(errors);
      const row: OfferingRow = {
        id,
        slug: input.slug ?? '',
        organization_id: input.organization_id,
        category_id: input.category_id,
        name: input.name,
        description: '',
        type: input.type,
        platform: 'other',
        tags: '[]',
        // The status asked for is `requested_status`; the effective one starts as a draft and
        // refreshOfferingStatus decides it in the same transaction.
        status: 'draft',
        requested_status: 'draft',
        status_reason: '',
        visibility: 'public',
        auto_approve: 0,
        bill_paused: 1,
        plugin_options: '{}',
        secret_options: '{}',
        documentation_url: '',
        requirements: '',
        components: '[]',
        created_at: now(),
        updated_at: now(),
      } as OfferingRow;
      const { slug: _slug, ...columns } = toColumns(input);
      Object.assign(row, columns);
      await publishOffering(row, input, audience, p.user.id);
      return reply.code(201).send(await readBack(row.id));
    },
  });

  app.get('/offerings', {
    schema: {
      tags: ['catalog'],
      summary: 'Search the catalog: keyword, facets with counts, sorted, cursor-paginated',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...PAGE_QUERY_PROPERTIES,
          q: {
            type: 'string',
            maxLength: 200,
            description: 'Keywords over name, description and tags (each word a prefix; all must match).',
          },
          category_id: ID,
          platform: { type: 'string', enum: PLATFORMS },
          version: { type: 'string', description: 'Offerings that have this version.' },
          status: { type: 'string', enum: OFFERING_STATUSES },
          organization_id: ID,
          slug: { type: 'string' },
          tags: { type: 'string', description: 'Comma-separated; all must be present.' },
          sort: { type: 'string', enum: ['name', 'newest'], default: 'name' },
        },
      },
      response: { 200: SEARCH_RESPONSE },
    },
    handler: async (request, reply) => {
      const query = request.query;
      if (query.slug) {
        const p = request.principal;
        const entry = await app.catalog.find(request, query.slug);
        const items =
          entry && entry.offering.slug === query.slug && canSeeOffering(p, refOf(entry))
            ? [presentedFor(p, entry)]
            : [];
        return { items, next_cursor: null, total: items.length, facets: {} };
      }
      const body = await app.catalog.searchJson(
        request,
        { ...query, limit: query.limit ?? 50 },
        viewerOf(request.principal),
      );
      // Already JSON in the documented shape: sent as is, not serialized again.
      // (The type provider types send() by the response schema, not as the JSON text of it.)
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  });

  app.get('/offerings/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'Get an offering by id or slug',
      description:
        '404 for an offering the caller may not see (a draft of another provider, one restricted to others), unless the caller has a resource of it that is not terminated: consumers keep reading what their resources were made from.',
      params: ID_PARAMS,
      response: { 200: OFFERING },
    },
    handler: async (request) => presentedFor(request.principal, await findOffering(request, request.params.id, true)),
  });

  app.patch('/offerings/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'Change an offering (its provider)',
      params: ID_PARAMS,
      body: body({ ...EDITABLE, slug: { type: 'string', pattern: SLUG_PATTERN, maxLength: 100 } }),
      response: { 200: OFFERING },
    },
    handler: async (request) => {
      const p = request.principal;
      const { offering } = await findOffering(request, request.params.id);
      if (!managesOfferingsOf(p, offering.organization_id)) throw forbidden("only the offering's provider changes it");
      const input = request.body;
      const row = (await loadOfferingRow(app.db, offering.id))!;
      const optionsChange = input.plugin_options !== undefined || input.secret_options !== undefined;
      const audience = await audienceChange(app.db, offering.id, input, offering);
      const errors = [
        ...(await checkReferences(
          p.user.id,
          offering.organization_id,
          { ...input, type: optionsChange ? offering.type : undefined },
          { plugin_options: json(row.plugin_options, {}), secret_options: json(row.secret_options, {}) },
        )),
        ...audience.errors,
      ];
      if (errors.length) throw invalidFields(errors);
      // A new module gives the offering the module's versions (module-offerings.ts).
      const moduleChanged =
        moduleAddressOf(input.plugin_options) !== undefined &&
        moduleAddressOf(input.plugin_options) !== moduleAddressOf(json(row.plugin_options, {}));
      try {
        await app.db.transaction().execute(async (trx) => {
          const module = await offeredModule(
            trx,
            offering.organization_id,
            offering.type === TERRAFORM_PLUGIN && moduleChanged,
            input,
          );
          // The first catalog statement locks the offering's row: see offering-activation.ts.
          await updateOffering(trx, offering.id, { ...toColumns(input), updated_at: now() });
          if (audience.rows) await replaceAudience(trx, offering.id, audience.rows);
          if (module) await makeOfferingVersions(trx, offering, module, p.user.id);
          await recordEvent(trx, {
            actorId: p.user.id,
            action: 'offering.updated',
            objectType: 'offering',
            objectId: offering.id,
            providerOrganizationId: offering.organization_id,
            // `status` in a request is the status asked for.
            changes: diff({ ...offering, status: offering.requested_status }, input),
            secretFields: ['secret_options'],
          });
          await refreshOfferingStatus(trx, offering.id, p.user.id);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`slug "${input.slug}" is taken by another offering`, 'slug');
        throw error;
      }
      return readBack(offering.id);
    },
  });

  app.delete('/offerings/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'Delete an offering with no live resources (its provider)',
      description:
        'The offering leaves the catalog (with its plans and versions) and its slug is free again. The terminated resources and the orders placed on it are kept as history: readable by id to those who could read them, listed with `include_deleted=true`.',
      params: ID_PARAMS,
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const { offering } = await findOffering(request, request.params.id);
      if (!managesOfferingsOf(p, offering.organization_id)) throw forbidden("only the offering's provider deletes it");
      if (await hasLiveResource(app.db, { offering_id: offering.id }))
        throw conflict('resources of this offering are still live; terminate them, or archive the offering');
      await app.db.transaction().execute(async (trx) => {
        // The slug it had moves aside; the event records it.
        await markOfferingDeleted(trx, offering, now());
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'offering.deleted',
          objectType: 'offering',
          objectId: offering.id,
          providerOrganizationId: offering.organization_id,
          changes: { slug: offering.slug },
        });
      });
      return reply.code(204).send();
    },
  });
};
