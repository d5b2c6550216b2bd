import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { memberProjectIds, ownedOrganizationIds } from '../auth/access';
import { listResponseSchema, toPage } from '../http/pagination';
import { notFound } from '../http/problem';
import { ID, ID_PARAMS, listQuery } from '../http/schemas';
import { page } from '../http/route-context';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/database';
import { assertMayWrite, stateAccess, visibleProject } from './state-access';
import { restoreVersion } from './state-changes';
import { contentMd5, contentView, outputsOnlyState } from './state-document';
import { presentState, STATE_NAME, STATE_VERSION, STATE_VERSION_DETAIL, TERRAFORM_STATE } from './state-views';
import { findState, findVersion, listStates, listVersions, type StateFilters } from './terraform-states-repository';
import { terraformStateBackend } from './state-backend';

const STATE_PARAMS = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: ID_PARAMS.properties.id, name: STATE_NAME },
} as const;

const VERSION_PARAMS = {
  type: 'object',
  required: ['id', 'name', 'number'],
  properties: { ...STATE_PARAMS.properties, number: { type: 'integer', minimum: 1 } },
} as const;

const INCLUDE_DELETED = {
  type: 'boolean',
  description: 'Also states deleted by Terraform (their versions are kept) and states never written.',
} as const;

/** States the caller sees, a page of them. */
async function statesPage(db: Db, p: Principal, query: StateFilters & { limit?: number; cursor?: string }) {
  const range = page(query);
  const scope = p.isStaff
    ? undefined
    : { ownedOrganizationIds: ownedOrganizationIds(p), memberProjectIds: memberProjectIds(p) };
  if (scope && !scope.ownedOrganizationIds.length && !scope.memberProjectIds.length)
    return { items: [], next_cursor: null };
  return toPage(await listStates(db, range, query, scope), range.limit, presentState);
}

/** A state of a project the caller sees, by name, deleted or not; 404 when there is none. */
async function visibleState(db: Db, p: Principal, projectId: string, name: string) {
  const project = await visibleProject(db, p, projectId);
  const state = await findState(db, projectId, name);
  if (!state) throw notFound('Terraform state', name);
  return { access: await stateAccess(db, p, project, name), state };
}

/**
 * Terraform states of projects: the http backend Terraform uses (state-backend.ts) and the API's
 * views of states and their versions, with restore. Views show facts about a state, never its
 * resources' attributes; the state file itself goes to those who may write it (state-access.ts).
 */
export const terraformStatesRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  await app.register(terraformStateBackend);

  app.get('/terraform-states', {
    schema: {
      tags: ['terraform-states'],
      summary: 'List the Terraform states of the projects the caller sees',
      querystring: listQuery({ project_id: ID, name: STATE_NAME, include_deleted: INCLUDE_DELETED }),
      response: { 200: listResponseSchema(TERRAFORM_STATE) },
    },
    handler: async (request) => statesPage(app.db, request.principal, request.query),
  });

  app.get('/terraform-states/:id', {
    schema: {
      tags: ['terraform-states'],
      summary: 'Get a Terraform state by id: its current version and its lock',
      params: ID_PARAMS,
      response: { 200: TERRAFORM_STATE },
    },
    handler: async (request) => {
      const found = await statesPage(app.db, request.principal, { id: request.params.id, include_deleted: true });
      if (!found.items.length) throw notFound('Terraform state', request.params.id);
      return found.items[0];
    },
  });

  app.get('/projects/:id/terraform-states', {
    schema: {
      tags: ['terraform-states'],
      summary: "List a project's Terraform states with their latest serial and lock",
      params: ID_PARAMS,
      querystring: listQuery({ name: STATE_NAME, include_deleted: INCLUDE_DELETED }),
      response: { 200: listResponseSchema(TERRAFORM_STATE) },
    },
    handler: async (request) => {
      await visibleProject(app.db, request.principal, request.params.id);
      return statesPage(app.db, request.principal, { ...request.query, project_id: request.params.id });
    },
  });

  app.get('/projects/:id/terraform-states/:name/versions', {
    schema: {
      tags: ['terraform-states'],
      summary: "List a state's versions, oldest first: serial, lineage, digests, who wrote each and when",
      params: STATE_PARAMS,
      querystring: listQuery(),
      response: { 200: listResponseSchema(STATE_VERSION) },
    },
    handler: async (request) => {
      const { state } = await visibleState(app.db, request.principal, request.params.id, request.params.name);
      const range = page(request.query);
      return toPage(await listVersions(app.db, state.id, range), range.limit, (row) => row);
    },
  });

  app.get('/projects/:id/terraform-states/:name/versions/:number', {
    schema: {
      tags: ['terraform-states'],
      summary: 'Get a version of a state: its facts, its outputs (sensitive ones masked) and its resources',
      params: VERSION_PARAMS,
      response: { 200: STATE_VERSION_DETAIL },
    },
    handler: async (request) => {
      const { state } = await visibleState(app.db, request.principal, request.params.id, request.params.name);
      const version = await findVersion(app.db, state.id, request.params.number);
      if (!version) throw notFound(`version of Terraform state ${state.name}`, String(request.params.number));
      const { content, ...facts } = version;
      const writer = await app.db
        .selectFrom('users')
        .select('username')
        .where('id', '=', version.created_by)
        .executeTakeFirst();
      return {
        ...facts,
        created_by_username: writer?.username ?? null,
        current: state.current_version_id === version.id,
        ...contentView(content),
      };
    },
  });

  app.get('/projects/:id/terraform-states/:name/versions/:number/state', {
    schema: {
      tags: ['terraform-states'],
      summary: 'Download the state file of a version',
      description:
        "As Terraform reads the current one: the file as written for the project's managers, the organization's owners and staff; for project members, a state with only the outputs that are not sensitive.",
      params: VERSION_PARAMS,
    },
    handler: async (request, reply) => {
      const { access, state } = await visibleState(app.db, request.principal, request.params.id, request.params.name);
      const version = await findVersion(app.db, state.id, request.params.number);
      if (!version) throw notFound(`version of Terraform state ${state.name}`, String(request.params.number));
      reply.type('application/json').header('cache-control', 'no-store');
      if (!access.mayReadContent) return reply.send(outputsOnlyState(version.content));
      return reply.header('content-md5', contentMd5(version.md5)).send(version.content);
    },
  });

  app.post('/projects/:id/terraform-states/:name/versions/:number/restore', {
    schema: {
      tags: ['terraform-states'],
      summary: 'Make an old version of a state the current one (manager)',
      description:
        "Adds a version with the old version's content and a serial past every serial the state had (Terraform's next write goes on from it). Refused with 423 while a Terraform run holds the lock, unless `lock_id` is that lock's ID.",
      params: VERSION_PARAMS,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { lock_id: { type: 'string', maxLength: 1000 } },
      },
      response: { 201: STATE_VERSION },
    },
    handler: async (request, reply) => {
      const project = await visibleProject(app.db, request.principal, request.params.id);
      const access = await stateAccess(app.db, request.principal, project, request.params.name);
      assertMayWrite(access, 'restore');
      const version = await restoreVersion(
        app.db,
        { project: access.project, name: request.params.name, principal: request.principal },
        request.params.number,
        request.query.lock_id,
      );
      const { content: _content, ...facts } = version;
      return reply.code(201).send({ ...facts, created_by_username: request.principal.user.username });
    },
  });
};
