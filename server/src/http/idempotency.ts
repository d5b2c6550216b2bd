import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import stringify from 'safe-stable-stringify';
import { isUniqueViolation, type Db } from '../db/database';
import { conflict, invalid, Problem } from './problem';
import { claimKey, findKey, isOrderKey, releaseKey, storeAnswer } from './idempotency-repository';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

/**
 * `Idempotency-Key` on any POST (draft-ietf-httpapi-idempotency-key-header): the first request's
 * answer is stored and replayed to a retry, so a client that lost the answer (a timeout, a
 * dropped connection) never creates twice. The key is bound to its request's fingerprint
 * (method, path and body): the key reused for another request is refused with 422, and a retry
 * while the first request is still being handled waits for its answer, up to 5 s, then gets 409.
 * Orders keep their key on the order row itself (atomic with the order); tokens are never
 * stored for replay, because their answer is a secret.
 */
const OWN_HANDLING = [/^\/api\/v1\/orders$/, /^\/api\/v1\/users\/[^/]+\/tokens$/];
const IN_FLIGHT_WAIT_MS = 5000;
const ABANDONED_AFTER_MS = 60000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A key and the fingerprint of the request that brought it. */
export interface IdempotencyKey {
  key: string;
  fingerprint: string;
}

/** SHA-256 of the method, the path and the body (keys in a fixed order, so equal JSON is equal). */
export function requestFingerprint(request: FastifyRequest): string {
  const path = request.url.split('?')[0];
  return createHash('sha256')
    .update(`${request.method} ${path}\n${stringify(request.body ?? null)}`)
    .digest('hex');
}

/** The 422 of a key reused for another request than the one it was first used with. */
export function keyReused(key: string, firstUse: string): Problem {
  const detail = `Idempotency-Key ${key} was first used with another request (${firstUse}); a key stands for one request: send a new key for a new request`;
  return new Problem(422, 'Unprocessable Entity', detail, [{ field: 'Idempotency-Key', message: detail }]);
}

/** Refuses a key the caller already used on an order, for a request that is not that order's. */
async function assertNotAnOrderKey(db: Db, userId: string, key: string) {
  if (await isOrderKey(db, userId, key)) throw keyReused(key, 'POST /api/v1/orders');
}

/** Refuses an order key the caller already used on another route. */
export async function assertNotAnotherRequestKey(db: Db, userId: string, key: string) {
  const other = await findKey(db, userId, key);
  if (other) throw keyReused(key, other.request);
}

export const idempotency = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const path = request.url.split('?')[0];
    if (
      request.method !== 'POST' ||
      typeof key !== 'string' ||
      !request.principal ||
      OWN_HANDLING.some((p) => p.test(path))
    )
      return;
    if (key.length > 200) throw invalid('Idempotency-Key', 'is longer than 200 characters');
    const userId = request.principal.user.id;
    const claim = {
      user_id: userId,
      key,
      request: `POST ${path}`,
      fingerprint: requestFingerprint(request),
      status: 0,
      body: '',
      created_at: new Date().toISOString(),
    };
    await assertNotAnOrderKey(app.db, userId, key);
    for (const deadline = Date.now() + IN_FLIGHT_WAIT_MS; ;) {
      try {
        await claimKey(app.db, claim);
        request.idempotencyKey = key;
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const previous = await findKey(app.db, userId, key);
      if (!previous) continue;
      // Keys stored before fingerprints were kept compare by method and path only.
      if (previous.request !== claim.request || (previous.fingerprint && previous.fingerprint !== claim.fingerprint))
        throw keyReused(key, previous.request);
      if (previous.status) return replay(reply, previous.status, previous.body);
      if (Date.now() - Date.parse(previous.created_at) > ABANDONED_AFTER_MS) {
        await releaseKey(app.db, userId, key, true);
        continue;
      }
      if (Date.now() > deadline)
        throw conflict(`a request with Idempotency-Key ${key} is still being handled; retry later`, 'Idempotency-Key');
      await sleep(50);
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const key = request.idempotencyKey;
    if (!key) return payload;
    const userId = request.principal.user.id;
    if (reply.statusCode < 300) await storeAnswer(app.db, userId, key, reply.statusCode, String(payload ?? ''));
    // A refused request changed nothing: let a corrected retry with the same key through.
    else await releaseKey(app.db, userId, key);
    return payload;
  });
});

function replay(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(body);
}
