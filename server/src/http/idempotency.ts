import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUniqueViolation } from '../db/database';
import { conflict, invalid } from './problem';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

/**
 * `Idempotency-Key` on any create: the first request's answer is stored and replayed to a retry,
 * so a client that lost the answer (a timeout, a dropped connection) never creates twice.
 * Orders keep their key on the order row itself (atomic with the order); tokens are never
 * stored for replay, because their answer is a secret.
 */
const OWN_HANDLING = [/^\/api\/v1\/orders(\/|$)/, /^\/api\/v1\/users\/[^/]+\/tokens$/];
const IN_FLIGHT_WAIT_MS = 5000;
const ABANDONED_AFTER_MS = 60000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const idempotency = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const path = request.url.split('?')[0];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal || OWN_HANDLING.some((p) => p.test(path))) return;
    if (key.length > 200) throw invalid('Idempotency-Key', 'is longer than 200 characters');
    const claim = { user_id: request.principal.user.id, key, request: `POST ${path}`, status: 0, body: '', created_at: new Date().toISOString() };
    for (const deadline = Date.now() + IN_FLIGHT_WAIT_MS; ; ) {
      try {
        await app.db.insertInto('idempotency_keys').values(claim).execute();
        request.idempotencyKey = key;
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const previous = await app.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', claim.user_id).where('key', '=', key).executeTakeFirst();
      if (!previous) continue;
      if (previous.request !== claim.request) throw conflict(`Idempotency-Key ${key} was used for ${previous.request}`, 'Idempotency-Key');
      if (previous.status) return replay(reply, previous.status, previous.body);
      if (Date.now() - Date.parse(previous.created_at) > ABANDONED_AFTER_MS) {
        await app.db.deleteFrom('idempotency_keys').where('user_id', '=', claim.user_id).where('key', '=', key).where('status', '=', 0).execute();
        continue;
      }
      if (Date.now() > deadline) throw conflict(`a request with Idempotency-Key ${key} is still being handled; retry later`, 'Idempotency-Key');
      await sleep(50);
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const key = request.idempotencyKey;
    if (!key) return payload;
    const where = app.db.updateTable('idempotency_keys').where('user_id', '=', request.principal.user.id).where('key', '=', key);
    if (reply.statusCode < 300) await where.set({ status: reply.statusCode, body: String(payload ?? '') }).execute();
    // A refused request changed nothing: let a corrected retry with the same key through.
    else await app.db.deleteFrom('idempotency_keys').where('user_id', '=', request.principal.user.id).where('key', '=', key).execute();
    return payload;
  });
});

function replay(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(body);
}
