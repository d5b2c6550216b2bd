import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthorized } from '../http/problem';
import { principalForToken, type Principal } from './principal';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

const PUBLIC_PATHS = new Set(['/api/v1/openapi.json', '/healthz']);

/**
 * Resolving a caller costs three queries; reads far outnumber writes, so a caller is kept for a
 * moment. Any write through this server empties the cache before its answer leaves, so a role
 * granted or a token revoked here applies to the very next request; the short lifetime bounds
 * how long a change made through another server process takes to apply.
 */
const CACHE_MILLIS = 2000;

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Every API request carries a bearer token; the caller and its roles are resolved once per request. */
export const authentication = fp(async (app: FastifyInstance) => {
  const cache = new Map<string, { principal: Principal; until: number }>();
  app.decorateRequest('principal', null as unknown as Principal);

  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0];
    if (!path.startsWith('/api/') || PUBLIC_PATHS.has(path)) return;
    const token = bearerToken(request);
    if (!token) throw unauthorized('missing bearer token: send "Authorization: Bearer <token>"');
    const cached = cache.get(token);
    if (cached && cached.until > Date.now()) {
      request.principal = cached.principal;
      return;
    }
    const principal = await principalForToken(app.db, token);
    if (!principal) throw unauthorized('the bearer token is not valid (unknown, revoked or expired)');
    if (cache.size > 10000) cache.clear();
    cache.set(token, { principal, until: Date.now() + CACHE_MILLIS });
    request.principal = principal;
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') cache.clear();
    return payload;
  });
});
