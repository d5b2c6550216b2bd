import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import semver from 'semver';
import { diff, recordEvent } from '../audit/record';
import { isUniqueViolation } from '../db/database';
import type { OfferingVersionRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, invalidFields, type FieldError } from '../http/problem';
import { body, ID, ID_PARAMS, jsonObject, listQuery, object, TIMESTAMP } from '../http/schemas';
import { json, now, page } from '../http/route-context';
import { schemaProblems } from './options-schema';
import { misplacedSecretMarks, secretPropertyPaths } from './secret-properties';
import { formatSecretPath } from '../orders/secret-attributes';
import { storeAgainUnderSchema } from '../orders/secrets-restore';
import { VERSION_STATUSES } from './offering-model';
import { assertProvider, findChild, offeringForChild, viewerOf } from './offering-children';
import { deleteVersion, insertVersion, listVersions, updateVersion } from './offering-versions-repository';
import { hasLiveResource } from '../resources/resources-repository';
import { loadOfferingRow, lockOffering } from './offerings-repository';
import { generatedSchemaProblem, TERRAFORM_PLUGIN, versionFromModule } from './module-offerings';
import { refreshOfferingStatus } from './offering-activation';

const EDITABLE = {
  options_schema: jsonObject(
    "JSON Schema (draft-07) of the configuration (`attributes`) of resources of this version; property names in snake_case. It stands alone (no `$id`, anchors, or `$ref` outside itself); patterns run on RE2. A `terraform` offering's is generated from the inputs of its module's version of the same number, and may not be written.",
  ),
  changelog: { type: 'string', maxLength: 100000 },
  status: { type: 'string', enum: VERSION_STATUSES },
  deprecation_message: { type: 'string', maxLength: 2000 },
  replacement_version: {
    type: 'string',
    maxLength: 100,
    description: 'The version recommended instead of a deprecated one.',
  },
} as const;

const VERSION = object({
  id: ID,
  offering_id: ID,
  version: { type: 'string' },
  options_schema: { type: 'object', additionalProperties: true },
  secret_attribute_paths: {
    type: 'array',
    items: { type: 'string' },
    description:
      'The properties of `attributes` the schema makes secret (`writeOnly: true` or `format: password`), by path: orders accept them, answers never show them.',
  },
  changelog: { type: 'string' },
  status: { type: 'string' },
  deprecation_message: { type: 'string' },
  replacement_version: { type: 'string' },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

function presentVersion(row: OfferingVersionRow) {
  const schema = json<Record<string, unknown>>(row.options_schema, {});
  return { ...row, options_schema: schema, secret_attribute_paths: secretPropertyPaths(schema).map(formatSecretPath) };
}

type VersionInput = Partial<Omit<OfferingVersionRow, 'options_schema'>> & { options_schema?: object };

/** Whether the offering is made of a module (its versions' schemas are generated: module-offerings.ts). */
async function moduleBacked(app: FastifyInstance, offeringId: string) {
  const row = (await loadOfferingRow(app.db, offeringId))!;
  return row.type === TERRAFORM_PLUGIN ? row : undefined;
}

async function problems(
  app: FastifyInstance,
  caller: string,
  input: VersionInput,
  generated: boolean,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (generated && input.options_schema !== undefined) return [generatedSchemaProblem()];
  if (input.version !== undefined && !semver.valid(input.version))
    errors.push({ field: 'version', message: `"${input.version}" is not a semantic version such as 1.2.0` });
  if (input.replacement_version && !semver.valid(input.replacement_version))
    errors.push({ field: 'replacement_version', message: 'is not a semantic version' });
  if (input.options_schema !== undefined)
    errors.push(
      ...(await schemaProblems(app, caller, input.options_schema)),
      ...misplacedSecretMarks(input.options_schema),
    );
  return errors;
}

export const offeringVersionsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  app.post('/offering-versions', {
    schema: {
      tags: ['catalog'],
      summary: 'Add a version to an offering (its provider)',
      body: body({ ...EDITABLE, offering_id: ID, version: { type: 'string', maxLength: 100 } }, [
        'offering_id',
        'version',
      ]),
      response: { 201: VERSION },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body;
      const offering = await offeringForChild(app.db, p, input.offering_id);
      assertProvider(p, offering);
      const terraform = await moduleBacked(app, offering.id);
      const errors = await problems(app, p.user.id, input, terraform !== undefined);
      if (errors.length) throw invalidFields(errors);
      // A terraform offering's version is made from the module version of the same number.
      const generated = terraform && (await versionFromModule(app.db, terraform, semver.valid(input.version)!));
      const row: OfferingVersionRow = {
        id: newId(),
        offering_id: offering.id,
        version: semver.valid(input.version)!,
        options_schema: generated
          ? generated.options_schema
          : JSON.stringify(input.options_schema ?? { type: 'object' }),
        changelog: input.changelog ?? generated?.changelog ?? '',
        status: input.status ?? generated?.status ?? 'available',
        deprecation_message: input.deprecation_message ?? generated?.deprecation_message ?? '',
        replacement_version: input.replacement_version ?? '',
        created_at: now(),
        updated_at: now(),
      };
      try {
        await app.db.transaction().execute(async (trx) => {
          await lockOffering(trx, offering.id);
          await insertVersion(trx, row);
          await recordEvent(trx, {
            actorId: p.user.id,
            action: 'offering_version.created',
            objectType: 'offering_version',
            objectId: row.id,
            providerOrganizationId: offering.organization_id,
            changes: { version: row.version, status: row.status },
          });
          await refreshOfferingStatus(trx, offering.id, p.user.id);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`the offering already has version ${row.version}`, 'version');
        throw error;
      }
      return reply.code(201).send(presentVersion(row));
    },
  });

  app.get('/offering-versions', {
    schema: {
      tags: ['catalog'],
      summary: 'List offering versions',
      querystring: listQuery({
        offering_id: ID,
        version: { type: 'string' },
        status: { type: 'string', enum: VERSION_STATUSES },
      }),
      response: { 200: listResponseSchema(VERSION) },
    },
    handler: async (request) => {
      const range = page(request.query);
      return toPage(
        await listVersions(app.db, range, request.query, viewerOf(request.principal)),
        range.limit,
        presentVersion,
      );
    },
  });

  app.get('/offering-versions/:id', {
    schema: { tags: ['catalog'], summary: 'Get an offering version', params: ID_PARAMS, response: { 200: VERSION } },
    handler: async (request) =>
      presentVersion((await findChild(app.db, request.principal, 'offering_versions', request.params.id)).child),
  });

  app.patch('/offering-versions/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'Change a version: schema, changelog, status, deprecation (its provider)',
      params: ID_PARAMS,
      body: body(EDITABLE),
      response: { 200: VERSION },
    },
    handler: async (request) => {
      const p = request.principal;
      const { child, offering } = await findChild(app.db, p, 'offering_versions', request.params.id);
      assertProvider(p, offering);
      const input = request.body;
      const errors = await problems(app, p.user.id, input, (await moduleBacked(app, offering.id)) !== undefined);
      if (errors.length) throw invalidFields(errors);
      const changes = {
        ...input,
        options_schema: input.options_schema === undefined ? undefined : JSON.stringify(input.options_schema),
        updated_at: now(),
      };
      await app.db.transaction().execute(async (trx) => {
        await updateVersion(trx, child.id, changes);
        if (changes.options_schema !== undefined)
          await storeAgainUnderSchema(trx, { ...child, options_schema: changes.options_schema });
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'offering_version.updated',
          objectType: 'offering_version',
          objectId: child.id,
          providerOrganizationId: offering.organization_id,
          changes: diff(presentVersion(child), input),
        });
      });
      return presentVersion({ ...child, ...changes, options_schema: changes.options_schema ?? child.options_schema });
    },
  });

  app.delete('/offering-versions/:id', {
    schema: { tags: ['catalog'], summary: 'Delete a version no live resource uses (its provider)', params: ID_PARAMS },
    handler: async (request, reply) => {
      const p = request.principal;
      const { child, offering } = await findChild(app.db, p, 'offering_versions', request.params.id);
      assertProvider(p, offering);
      if (await hasLiveResource(app.db, { offering_id: offering.id, version: child.version }))
        throw conflict(`live resources use version ${child.version}; deprecate it instead`);
      await app.db.transaction().execute(async (trx) => {
        await lockOffering(trx, offering.id);
        await deleteVersion(trx, child.id);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'offering_version.deleted',
          objectType: 'offering_version',
          objectId: child.id,
          providerOrganizationId: offering.organization_id,
          changes: { version: child.version },
        });
        // Deleting the last version of an active offering takes it back to draft (offering-activation.ts).
        await refreshOfferingStatus(trx, offering.id, p.user.id);
      });
      return reply.code(204).send();
    },
  });
};
