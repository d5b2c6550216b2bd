import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../auth/principal';
import { generateToken, hashToken } from '../auth/tokens';
import { ownedOrganizationIds } from '../auth/access';
import { recordEvent } from '../audit/record';
import { isUniqueViolation } from '../db/database';
import type { UserRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, forbidden, notFound } from '../http/problem';
import { body, ID, ID_PARAMS, listQuery, NAME, object, TIMESTAMP } from '../http/schemas';
import { now, page } from '../http/route-context';
import type { Db } from '../db/database';
import {
  deleteToken,
  findUserById,
  insertToken,
  insertUser,
  listTokens,
  listUsers,
  membersOfOrganizations,
  membersOfProjects,
  updateUser,
} from './users-repository';

const USER = object({
  id: ID,
  username: { type: 'string' },
  email: { type: 'string' },
  is_staff: { type: 'boolean' },
  created_at: TIMESTAMP,
});

const TOKEN = object({
  id: ID,
  name: { type: 'string' },
  created_at: TIMESTAMP,
  expires_at: { type: ['string', 'null'] },
});
const NEW_TOKEN = object({
  ...TOKEN.properties,
  token: { type: 'string', description: 'Shown only in this response.' },
});

const presentUser = (u: UserRow) => ({ ...u, is_staff: u.is_staff === 1 });

const mayManageUser = (p: Principal, userId: string) => p.isStaff || p.user.id === userId;

export const usersRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  const findUser = async (p: Principal, id: string) => {
    const user = await findUserById(app.db, id);
    if (!user || !(await canSeeUser(app.db, p, user.id))) throw notFound('user', id);
    return user;
  };

  app.post('/users', {
    schema: {
      tags: ['structure'],
      summary: 'Create a user (staff only)',
      body: body(
        {
          username: { type: 'string', pattern: '^[A-Za-z0-9_.@-]{1,100}$' },
          email: { type: 'string', format: 'email' },
          is_staff: { type: 'boolean' },
        },
        ['username', 'email'],
      ),
      response: { 201: USER },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      if (!p.isStaff) throw forbidden('only staff create users');
      const input = request.body;
      const user: UserRow = {
        id: newId(),
        username: input.username,
        email: input.email,
        is_staff: input.is_staff ? 1 : 0,
        created_at: now(),
      };
      try {
        await app.db.transaction().execute(async (trx) => {
          await insertUser(trx, user);
          await recordEvent(trx, {
            actorId: p.user.id,
            action: 'user.created',
            objectType: 'user',
            objectId: user.id,
            changes: { username: user.username, email: user.email },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`username ${input.username} is taken`, 'username');
        throw error;
      }
      return reply.code(201).send(presentUser(user));
    },
  });

  app.get('/users', {
    schema: {
      tags: ['structure'],
      summary: 'List the users the caller may see',
      querystring: listQuery({ username: { type: 'string' } }),
      response: { 200: listResponseSchema(USER) },
    },
    handler: async (request) => {
      const p = request.principal;
      const range = page(request.query);
      const ids = p.isStaff ? undefined : await visibleUserIds(app.db, p);
      return toPage(await listUsers(app.db, range, request.query, ids), range.limit, presentUser);
    },
  });

  app.get('/users/me', {
    schema: { tags: ['structure'], summary: 'The calling user', response: { 200: USER } },
    handler: async (request) => presentUser(request.principal.user),
  });

  app.get('/users/:id', {
    schema: { tags: ['structure'], summary: 'Get a user', params: ID_PARAMS, response: { 200: USER } },
    handler: async (request) => presentUser(await findUser(request.principal, request.params.id)),
  });

  app.patch('/users/:id', {
    schema: {
      tags: ['structure'],
      summary: 'Change a user',
      params: ID_PARAMS,
      body: body({ email: { type: 'string', format: 'email' }, is_staff: { type: 'boolean' } }),
      response: { 200: USER },
    },
    handler: async (request) => {
      const p = request.principal;
      const user = await findUser(p, request.params.id);
      const input = request.body;
      if (!mayManageUser(p, user.id)) throw forbidden('only staff or the user itself change a user');
      if (input.is_staff !== undefined && !p.isStaff) throw forbidden('only staff grant or revoke staff');
      const changes = {
        email: input.email ?? user.email,
        is_staff: input.is_staff === undefined ? user.is_staff : input.is_staff ? 1 : 0,
      };
      await app.db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, changes);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'user.updated',
          objectType: 'user',
          objectId: user.id,
          changes: input,
        });
      });
      return presentUser({ ...user, ...changes });
    },
  });

  app.post('/users/:id/tokens', {
    schema: {
      tags: ['structure'],
      summary: 'Issue an API token (shown once)',
      params: ID_PARAMS,
      body: body({ name: NAME, expires_at: TIMESTAMP }),
      response: { 201: NEW_TOKEN },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const user = await findUser(p, request.params.id);
      if (!mayManageUser(p, user.id)) throw forbidden('only staff or the user itself issue its tokens');
      const input = request.body ?? {};
      const token = generateToken();
      const row = {
        id: newId(),
        user_id: user.id,
        name: input.name ?? 'api',
        token_hash: hashToken(token),
        created_at: now(),
        expires_at: input.expires_at ?? null,
      };
      await app.db.transaction().execute(async (trx) => {
        await insertToken(trx, row);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'token.created',
          objectType: 'user',
          objectId: user.id,
          changes: { token_id: row.id, name: row.name },
        });
      });
      return reply
        .code(201)
        .send({ id: row.id, name: row.name, created_at: row.created_at, expires_at: row.expires_at, token });
    },
  });

  app.get('/users/:id/tokens', {
    schema: {
      tags: ['structure'],
      summary: "List a user's tokens (never their values)",
      params: ID_PARAMS,
      response: { 200: listResponseSchema(TOKEN) },
    },
    handler: async (request) => {
      const p = request.principal;
      const user = await findUser(p, request.params.id);
      if (!mayManageUser(p, user.id)) throw notFound('user', user.id);
      return { items: await listTokens(app.db, user.id), next_cursor: null };
    },
  });

  app.delete('/users/:id/tokens/:token_id', {
    schema: {
      tags: ['structure'],
      summary: 'Revoke a token',
      params: { type: 'object', properties: { id: ID, token_id: ID }, required: ['id', 'token_id'] },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const { id, token_id } = request.params;
      const user = await findUser(p, id);
      if (!mayManageUser(p, user.id)) throw notFound('user', id);
      if (!(await deleteToken(app.db, user.id, token_id))) throw notFound('token', token_id);
      await recordEvent(app.db, {
        actorId: p.user.id,
        action: 'token.revoked',
        objectType: 'user',
        objectId: user.id,
        changes: { token_id },
      });
      return reply.code(204).send();
    },
  });
};

/** Besides itself, a user sees the members of organizations it owns and of projects it manages. */
async function visibleUserIds(db: Db, p: Principal): Promise<string[]> {
  const owned = ownedOrganizationIds(p);
  const managed = [...p.projectRoles].filter(([, r]) => r.role === 'manager').map(([id]) => id);
  const ids = new Set([p.user.id]);
  if (owned.length) (await membersOfOrganizations(db, owned)).forEach((id) => ids.add(id));
  if (managed.length) (await membersOfProjects(db, managed)).forEach((id) => ids.add(id));
  return [...ids];
}

async function canSeeUser(db: Db, p: Principal, userId: string) {
  return p.isStaff || p.user.id === userId || (await visibleUserIds(db, p)).includes(userId);
}
