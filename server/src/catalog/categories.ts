import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { diff, recordEvent } from '../audit/record';
import type { CategoryRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, forbidden, notFound } from '../http/problem';
import { body, DESCRIPTION, ID, ID_PARAMS, listQuery, NAME, object, TIMESTAMP } from '../http/schemas';
import { now, page } from '../http/route-context';
import { hasLiveOffering } from './offerings-repository';
import {
  findLiveCategory,
  insertCategory,
  listCategories,
  markCategoryDeleted,
  updateCategory,
} from './categories-repository';

const CATEGORY = object({
  id: ID,
  title: { type: 'string' },
  description: { type: 'string' },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

/** Categories group the catalog; everyone signed in reads them, staff curates them. */
export const categoriesRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  const findCategory = async (id: string) => {
    const row = await findLiveCategory(app.db, id);
    if (!row) throw notFound('category', id);
    return row;
  };
  const assertStaff = (isStaff: boolean) => {
    if (!isStaff) throw forbidden('only staff curate categories');
  };

  app.post('/categories', {
    schema: {
      tags: ['catalog'],
      summary: 'Create a category (staff)',
      body: body({ title: NAME, description: DESCRIPTION }, ['title']),
      response: { 201: CATEGORY },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      assertStaff(p.isStaff);
      const input = request.body;
      const row = {
        id: newId(),
        title: input.title,
        description: input.description ?? '',
        created_at: now(),
        updated_at: now(),
      } satisfies CategoryRow;
      await app.db.transaction().execute(async (trx) => {
        await insertCategory(trx, row);
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'category.created',
          objectType: 'category',
          objectId: row.id,
          changes: input,
        });
      });
      return reply.code(201).send(row);
    },
  });

  app.get('/categories', {
    schema: {
      tags: ['catalog'],
      summary: 'List categories',
      querystring: listQuery({ title: { type: 'string' } }),
      response: { 200: listResponseSchema(CATEGORY) },
    },
    handler: async (request) => {
      const range = page(request.query);
      return toPage(await listCategories(app.db, range, request.query), range.limit, (r) => r);
    },
  });

  app.get('/categories/:id', {
    schema: { tags: ['catalog'], summary: 'Get a category', params: ID_PARAMS, response: { 200: CATEGORY } },
    handler: async (request) => findCategory(request.params.id),
  });

  app.patch('/categories/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'Change a category (staff)',
      params: ID_PARAMS,
      body: body({ title: NAME, description: DESCRIPTION }),
      response: { 200: CATEGORY },
    },
    handler: async (request) => {
      const p = request.principal;
      const row = await findCategory(request.params.id);
      assertStaff(p.isStaff);
      const input = request.body;
      const updated = { ...row, ...input, updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        await updateCategory(trx, row.id, { ...input, updated_at: updated.updated_at });
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'category.updated',
          objectType: 'category',
          objectId: row.id,
          changes: diff(row, input),
        });
      });
      return updated;
    },
  });

  app.delete('/categories/:id', {
    schema: { tags: ['catalog'], summary: 'Delete an unused category (staff)', params: ID_PARAMS },
    handler: async (request, reply) => {
      const p = request.principal;
      const row = await findCategory(request.params.id);
      assertStaff(p.isStaff);
      if (await hasLiveOffering(app.db, 'category_id', row.id))
        throw conflict('offerings still use this category; move them first');
      await app.db.transaction().execute(async (trx) => {
        await markCategoryDeleted(trx, row.id, now());
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'category.deleted',
          objectType: 'category',
          objectId: row.id,
        });
      });
      return reply.code(204).send();
    },
  });
};
