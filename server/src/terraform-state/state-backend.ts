import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, notFound } from '../http/problem';
import { STATE_NAME } from './state-views';
import { assertMayWrite, backendProject } from './state-access';
import { contentMd5, outputsOnlyState, readStateFile } from './state-document';
import { readLockInfo } from './lock-info';
import { deleteState, lockState, StateLocked, unlockState, writeState, type StateTarget } from './state-changes';
import { findState, findVersionById } from './terraform-states-repository';

/**
 * Terraform's http state backend (Terraform's internal/backend/remote-state/http/client.go), one
 * address per state: `/api/v1/projects/<project id>/terraform-states/<name>`, with
 * `lock_method = "LOCK"` and `unlock_method = "UNLOCK"` on the same address, and a Mercato token
 * as `password` (Basic credentials: the only kind the backend sends). What Terraform expects:
 * - GET: 200 with the state, 404 (or 204) when there is none yet;
 * - POST (`?ID=<lock id>` while Terraform holds the lock): 200, 201 or 204;
 * - LOCK with its LockInfo: 200, or 423 (or 409) with the holder's LockInfo, which it prints;
 * - UNLOCK with the LockInfo it locked with, or no body from `terraform force-unlock`: 200;
 * - DELETE: 200;
 * - 401 and 403 it reports as "requires auth" and "invalid auth".
 * The state file travels as it is (no JSON parsing by Fastify): its bytes are what is stored and
 * what Content-MD5 covers, and a state is larger than the API's usual body limit.
 */

/** The largest state file accepted, in bytes. */
const STATE_BODY_LIMIT = 64 * 1024 * 1024;

const STATE_PATH = '/projects/:id/terraform-states/:name';

const PARAMS = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 }, name: STATE_NAME },
} as const;

const LOCK_QUERY = {
  type: 'object',
  properties: { ID: { type: 'string', maxLength: 1000, description: "The lock's ID, while Terraform holds it." } },
} as const;

interface BackendRequest {
  Params: { id: string; name: string };
  Querystring: { ID?: string };
  Body: Buffer | undefined;
}

async function target(app: FastifyInstance, request: FastifyRequest<BackendRequest>, action?: string) {
  const access = await backendProject(app.db, request.principal, request.params.id, request.params.name);
  if (action) assertMayWrite(access, action);
  const to: StateTarget = { project: access.project, name: request.params.name, principal: request.principal };
  return { access, to };
}

/** Registers the backend's routes; an encapsulated plugin, since it reads bodies as raw bytes. */
export async function terraformStateBackend(app: FastifyInstance): Promise<void> {
  for (const method of ['LOCK', 'UNLOCK'])
    if (!app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: STATE_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );
  app.allowLargerBodies(/^\/api\/v1\/projects\/[^/]+\/terraform-states\/[^/?]+(\?|$)/, STATE_BODY_LIMIT);

  app.get<BackendRequest>(STATE_PATH, {
    schema: {
      tags: ['terraform-states'],
      summary: "Read a state (Terraform's http backend)",
      description:
        "The current version of the state, for Terraform. Project managers, the organization's owners and staff get the state file as it was written; project members get a state of the same serial and lineage with only its outputs that are not sensitive (what `terraform_remote_state` and `terraform output` read), no resources. A resource's state (`resource-<resource id>`, kept by the `terraform` plugin) is read so by everyone; only the plugin's runs write, lock or read it whole. 404 when the state has no version.",
      params: PARAMS,
    },
    handler: async (request, reply) => {
      const { access, to } = await target(app, request);
      const state = await findState(app.db, access.project.id, to.name);
      const version = state?.current_version_id ? await findVersionById(app.db, state.current_version_id) : undefined;
      if (!version) throw notFound('Terraform state', to.name);
      reply.type('application/json').header('cache-control', 'no-store');
      if (!access.mayReadContent) return reply.send(outputsOnlyState(version.content));
      return reply.header('content-md5', contentMd5(version.md5)).send(version.content);
    },
  });

  app.post<BackendRequest>(STATE_PATH, {
    bodyLimit: STATE_BODY_LIMIT,
    schema: {
      tags: ['terraform-states'],
      summary: "Write a new version of a state (Terraform's http backend)",
      description:
        'The body is the state file (JSON, format version 4). Refused with 423 while another lock than `ID` is held, with 409 when `ID` names a lock no longer held or when the state has the lineage of the current version and a lower serial. Answers the version written.',
      params: PARAMS,
      querystring: LOCK_QUERY,
    },
    handler: async (request, reply) => {
      const { to } = await target(app, request, 'write');
      const version = await writeState(app.db, to, readStateFile(request.body ?? Buffer.alloc(0)), request.query.ID);
      const { content: _content, ...facts } = version;
      return reply.code(200).send(facts);
    },
  });

  app.delete<BackendRequest>(STATE_PATH, {
    schema: {
      tags: ['terraform-states'],
      summary: "Delete a state (Terraform's http backend)",
      description:
        'The state has no current version any more; its versions are kept, and a write or a restore brings it back. Refused with 423 while locked by another lock than `ID`.',
      params: PARAMS,
      querystring: LOCK_QUERY,
    },
    handler: async (request, reply) => {
      const { to } = await target(app, request, 'delete');
      await deleteState(app.db, to, request.query.ID);
      return reply.code(200).send({});
    },
  });

  app.route<BackendRequest>({
    method: 'LOCK',
    url: STATE_PATH,
    schema: { hide: true, params: PARAMS },
    handler: async (request, reply) => {
      const { to } = await target(app, request, 'lock');
      const info = readLockInfo(request.body);
      if (!info) throw badRequest('the LOCK request carries no lock info: send the LockInfo JSON Terraform sends');
      try {
        await lockState(app.db, to, info);
      } catch (error) {
        if (error instanceof StateLocked) return reply.code(423).type('application/json').send(error.holder);
        throw error;
      }
      return reply.code(200).type('application/json').send(info);
    },
  });

  app.route<BackendRequest>({
    method: 'UNLOCK',
    url: STATE_PATH,
    schema: { hide: true, params: PARAMS },
    handler: async (request, reply) => {
      const { to } = await target(app, request, 'unlock');
      try {
        await unlockState(app.db, to, readLockInfo(request.body));
      } catch (error) {
        if (error instanceof StateLocked) return reply.code(409).type('application/json').send(error.holder);
        throw error;
      }
      return reply.code(200).send({});
    },
  });
}
