import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../auth/principal';
import { recordEvent } from '../audit/record';
import type { Db } from '../db/database';
import {
  currentRole,
  hasRoleHolder,
  listMembers,
  lockParent,
  putMember,
  removeMember,
  type MembersTable,
} from './memberships-repository';
import { findUserById } from './users-repository';
import { conflict, invalid, notFound } from '../http/problem';
import { listResponseSchema } from '../http/pagination';
import { body, ID, object, TIMESTAMP } from '../http/schemas';
import { now } from '../http/route-context';

interface Parent {
  id: string;
  organizationId: string;
  projectId: string | null;
}

interface MembershipSpec {
  /** `organizations` or `projects`: the collection the members hang under. */
  collection: 'organizations' | 'projects';
  table: 'organization_members' | 'project_members';
  parentColumn: 'organization_id' | 'project_id';
  roles: string[];
  /** Loads the parent the caller may see, or throws 404. */
  loadParent(request: FastifyRequest, id: string): Promise<Parent>;
  /** Throws 403 when the caller may not grant or revoke `role`. */
  assertMayManage(p: Principal, parent: Parent, role: string): void;
  /** A role the parent always keeps one holder of (an organization's owner), whoever asks. */
  keptRole?: string;
}

/** The API instance a routes plugin is given, typing requests from route schemas. */
type Api = Parameters<FastifyPluginAsyncJsonSchemaToTs>[0];

const MEMBER = object({ user_id: ID, username: { type: 'string' }, role: { type: 'string' }, created_at: TIMESTAMP });

/**
 * Role grants of organizations and projects: the same three routes on both. Granting a role to
 * a member replaces the one they hold, so it needs the right to revoke that one as well (a
 * project manager may not demote a fellow manager, as they may not remove one). Each change
 * runs in a transaction that first locks the parent's row, so that changes to one parent's
 * members happen one after the other: two owners removing each other at once cannot both pass
 * the check that one owner stays.
 */
export function membershipRoutes(app: Api, spec: MembershipSpec) {
  const { collection } = spec;
  const members: MembersTable = { parents: collection, table: spec.table, parentColumn: spec.parentColumn };
  const single = collection.slice(0, -1);

  /** 409 when the change took the kept role from its last holder. */
  const assertRoleKept = async (trx: Db, parent: Parent, userId: string, before: string | undefined) => {
    if (
      !spec.keptRole ||
      before !== spec.keptRole ||
      (await currentRole(trx, members, parent.id, userId)) === spec.keptRole
    )
      return;
    if (!(await hasRoleHolder(trx, members, parent.id, spec.keptRole)))
      throw conflict(
        `user ${userId} is the last ${spec.keptRole} of ${single} ${parent.id}: a ${single} keeps at least one ${spec.keptRole}; make another member ${spec.keptRole} first`,
        'user_id',
      );
  };
  const memberParams = { type: 'object', required: ['id', 'user_id'], properties: { id: ID, user_id: ID } } as const;

  app.get(`/${collection}/:id/members`, {
    schema: {
      tags: ['structure'],
      summary: `List the members of a ${single}`,
      params: { type: 'object', required: ['id'], properties: { id: ID } },
      response: { 200: listResponseSchema(MEMBER) },
    },
    handler: async (request) => {
      const parent = await spec.loadParent(request, request.params.id);
      return { items: await listMembers(app.db, members, parent.id), next_cursor: null };
    },
  });

  app.post(`/${collection}/:id/members`, {
    schema: {
      tags: ['structure'],
      summary: `Grant a role in a ${single} (replaces the user's current role there)`,
      params: { type: 'object', required: ['id'], properties: { id: ID } },
      body: body({ user_id: ID, role: { type: 'string', enum: spec.roles } }, ['user_id', 'role']),
      response: { 201: MEMBER },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const parent = await spec.loadParent(request, request.params.id);
      const { user_id, role } = request.body;
      spec.assertMayManage(p, parent, role);
      const user = await findUserById(app.db, user_id);
      if (!user) throw invalid('user_id', `no user ${user_id}`);
      const member = { user_id, role, created_at: now() };
      await app.db.transaction().execute(async (trx) => {
        await lockParent(trx, members, parent.id);
        const before = await currentRole(trx, members, parent.id, user_id);
        if (before) spec.assertMayManage(p, parent, before);
        await putMember(trx, members, parent.id, member);
        await assertRoleKept(trx, parent, user_id, before);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: `${single}.member_added`,
          objectType: single,
          objectId: parent.id,
          organizationId: parent.organizationId,
          projectId: parent.projectId,
          changes: { user_id, role, ...(before ? { previous_role: before } : {}) },
        });
      });
      return reply.code(201).send({ ...member, username: user.username });
    },
  });

  app.delete(`/${collection}/:id/members/:user_id`, {
    schema: { tags: ['structure'], summary: `Revoke a user's role in a ${single}`, params: memberParams },
    handler: async (request, reply) => {
      const p = request.principal;
      const { id, user_id } = request.params;
      const parent = await spec.loadParent(request, id);
      await app.db.transaction().execute(async (trx) => {
        await lockParent(trx, members, parent.id);
        const role = await currentRole(trx, members, parent.id, user_id);
        if (!role) throw notFound('member', user_id);
        spec.assertMayManage(p, parent, role);
        await removeMember(trx, members, parent.id, user_id);
        await assertRoleKept(trx, parent, user_id, role);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: `${single}.member_removed`,
          objectType: single,
          objectId: parent.id,
          organizationId: parent.organizationId,
          projectId: parent.projectId,
          changes: { user_id, role },
        });
      });
      return reply.code(204).send();
    },
  });
}
