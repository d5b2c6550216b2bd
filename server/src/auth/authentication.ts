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

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Every API request carries a bearer token; the caller and its roles are resolved once per request. */
export const authentication = fp(async (app: FastifyInstance) => {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0];
    if (!path.startsWith('/api/') || PUBLIC_PATHS.has(path)) return;
    const token = bearerToken(request);
    if (!token) throw unauthorized('missing bearer token: send "Authorization: Bearer <token>"');
    const principal = await principalForToken(app.db, token);
    if (!principal) throw unauthorized('the bearer token is not valid (unknown, revoked or expired)');
    request.principal = principal;
  });
});
