import type { FastifyInstance } from 'fastify';
import semver from 'semver';
import { diff, recordEvent } from '../audit/record';
import { isUniqueViolation } from '../db/database';
import type { OfferingVersionRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, invalidFields, type FieldError } from '../http/problem';
import { body, ID, ID_PARAMS, jsonObject, listQuery, object, TIMESTAMP } from '../http/schemas';
import { json, now, page, params } from '../http/route-context';
import { schemaProblems } from './options-schema';
import { misplacedSecretMarks, secretPropertyPaths } from './secret-properties';
import { formatSecretPath, storeAgainUnderSchema } from '../orders/secret-attributes';
import { VERSION_STATUSES } from './offering-model';
import { assertProvider, findChild, offeringForChild, visibleChildren } from './offering-children';

const EDITABLE = {
  options_schema: jsonObject('JSON Schema (draft-07) of the configuration (`attributes`) of resources of this version; property names in snake_case. It stands alone (no `$id`, anchors, or `$ref` outside itself); patterns run on RE2.'),
  changelog: { type: 'string', maxLength: 100000 },
  status: { type: 'string', enum: VERSION_STATUSES },
  deprecation_message: { type: 'string', maxLength: 2000 },
  replacement_version: { type: 'string', maxLength: 100, description: 'The version recommended instead of a deprecated one.' },
};

const VERSION = object({
  id: ID,
  offering_id: ID,
  version: { type: 'string' },
  options_schema: { type: 'object', additionalProperties: true },
  secret_attribute_paths: {
    type: 'array',
    items: { type: 'string' },
    description: 'The properties of `attributes` the schema makes secret (`writeOnly: true` or `format: password`), by path: orders accept them, answers never show them.',
  },
  changelog: { type: 'string' },
  status: { type: 'string' },
  deprecation_message: { type: 'string' },
  replacement_version: { type: 'string' },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

export function presentVersion(row: OfferingVersionRow) {
  const schema = json<object>(row.options_schema, {});
  return { ...row, options_schema: schema, secret_attribute_paths: secretPropertyPaths(schema).map(formatSecretPath) };
}

type VersionInput = Partial<Omit<OfferingVersionRow, 'options_schema'>> & { options_schema?: object };

async function problems(app: FastifyInstance, caller: string, input: VersionInput): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.version !== undefined && !semver.valid(input.version)) errors.push({ field: 'version', message: `"${input.version}" is not a semantic version such as 1.2.0` });
  if (input.replacement_version && !semver.valid(input.replacement_version)) errors.push({ field: 'replacement_version', message: 'is not a semantic version' });
  if (input.options_schema !== undefined) errors.push(...(await schemaProblems(app, caller, input.options_schema)), ...misplacedSecretMarks(input.options_schema));
  return errors;
}

export async function offeringVersionsRoutes(app: FastifyInstance) {
  app.post('/offering-versions', {
    schema: { tags: ['catalog'], summary: 'Add a version to an offering (its provider)', body: body({ ...EDITABLE, offering_id: ID, version: { type: 'string', maxLength: 100 } }, ['offering_id', 'version']), response: { 201: VERSION } },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body as VersionInput;
      const offering = await offeringForChild(app, p, input.offering_id!);
      assertProvider(p, offering);
      const errors = await problems(app, p.user.id, input);
      if (errors.length) throw invalidFields(errors);
      const row: OfferingVersionRow = {
        id: newId(), offering_id: offering.id, version: semver.valid(input.version!)!, options_schema: JSON.stringify(input.options_schema ?? { type: 'object' }),
        changelog: input.changelog ?? '', status: input.status ?? 'available', deprecation_message: input.deprecation_message ?? '',
        replacement_version: input.replacement_version ?? '', created_at: now(), updated_at: now(),
      };
      try {
        await app.db.transaction().execute(async (trx) => {
          await trx.insertInto('offering_versions').values(row).execute();
          await recordEvent(trx, { actorId: p.user.id, action: 'offering_version.created', objectType: 'offering_version', objectId: row.id, providerOrganizationId: offering.organization_id, changes: { version: row.version, status: row.status } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`the offering already has version ${row.version}`, 'version');
        throw error;
      }
      return reply.code(201).send(presentVersion(row));
    },
  });

  app.get('/offering-versions', {
    schema: { tags: ['catalog'], summary: 'List offering versions', querystring: listQuery({ offering_id: ID, version: { type: 'string' }, status: { type: 'string', enum: VERSION_STATUSES } }), response: { 200: listResponseSchema(VERSION) } },
    handler: async (request) => {
      const { limit, after } = page(request);
      const filters = request.query as { offering_id?: string; version?: string; status?: string };
      let query = app.db.selectFrom('offering_versions').innerJoin('offerings', 'offerings.id', 'offering_versions.offering_id').selectAll('offering_versions').orderBy('offering_versions.id').limit(limit + 1);
      if (after) query = query.where('offering_versions.id', '>', after);
      if (filters.offering_id) query = query.where('offering_versions.offering_id', '=', filters.offering_id);
      if (filters.version) query = query.where('offering_versions.version', '=', filters.version);
      if (filters.status) query = query.where('offering_versions.status', '=', filters.status);
      return toPage(await visibleChildren(query, request.principal).execute(), limit, presentVersion);
    },
  });

  app.get('/offering-versions/:id', {
    schema: { tags: ['catalog'], summary: 'Get an offering version', params: ID_PARAMS, response: { 200: VERSION } },
    handler: async (request) => presentVersion((await findChild(app, request.principal, 'offering_versions', params(request).id)).child),
  });

  app.patch('/offering-versions/:id', {
    schema: { tags: ['catalog'], summary: 'Change a version: schema, changelog, status, deprecation (its provider)', params: ID_PARAMS, body: body(EDITABLE), response: { 200: VERSION } },
    handler: async (request) => {
      const p = request.principal;
      const { child, offering } = await findChild(app, p, 'offering_versions', params(request).id);
      assertProvider(p, offering);
      const input = request.body as VersionInput;
      const errors = await problems(app, p.user.id, input);
      if (errors.length) throw invalidFields(errors);
      const changes = { ...input, options_schema: input.options_schema === undefined ? undefined : JSON.stringify(input.options_schema), updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        await trx.updateTable('offering_versions').set(changes).where('id', '=', child.id).execute();
        if (changes.options_schema !== undefined) await storeAgainUnderSchema(trx, { ...child, options_schema: changes.options_schema });
        await recordEvent(trx, { actorId: p.user.id, action: 'offering_version.updated', objectType: 'offering_version', objectId: child.id, providerOrganizationId: offering.organization_id, changes: diff(presentVersion(child), input) });
      });
      return presentVersion({ ...child, ...changes, options_schema: changes.options_schema ?? child.options_schema });
    },
  });

  app.delete('/offering-versions/:id', {
    schema: { tags: ['catalog'], summary: 'Delete a version no live resource uses (its provider)', params: ID_PARAMS },
    handler: async (request, reply) => {
      const p = request.principal;
      const { child, offering } = await findChild(app, p, 'offering_versions', params(request).id);
      assertProvider(p, offering);
      const used = await app.db.selectFrom('resources').select('id').where('offering_id', '=', offering.id).where('version', '=', child.version).where('state', '!=', 'Terminated').executeTakeFirst();
      if (used) throw conflict(`live resources use version ${child.version}; deprecate it instead`);
      await app.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('offering_versions').where('id', '=', child.id).execute();
        await recordEvent(trx, { actorId: p.user.id, action: 'offering_version.deleted', objectType: 'offering_version', objectId: child.id, providerOrganizationId: offering.organization_id, changes: { version: child.version } });
      });
      return reply.code(204).send();
    },
  });
}
