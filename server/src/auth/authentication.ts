import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../http/problem';
import { principalForToken, type Principal } from './principal';
import { basicCredentials } from './basic-credentials';
import { isRunToken, principalForRunToken, runStatePath } from './run-grants';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

const PUBLIC_PATHS = new Set(['/api/v1/openapi.json', '/healthz']);

/** A caller resolved from its token, kept while nothing it was built from has changed. */
interface KnownCaller {
  principal: Principal;
  /** The `access` generation read before the caller was resolved. */
  generation: number;
  /** When the token expires, in ms since the epoch; Infinity for a token that does not. */
  expiresAt: number;
}

/**
 * The caller's Mercato token: `Authorization: Bearer <token>`, or `Basic` credentials whose
 * password is the token (the user name is not read), because Terraform's http state backend
 * can send only Basic credentials.
 */
function callerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  const bearer = header.match(/^Bearer\s+(\S+)$/i);
  if (bearer) return bearer[1];
  return basicCredentials(header)?.password || undefined;
}

/** Terraform's registry protocols: public modules and providers are read with no token at all. */
const isRegistryProtocol = (path: string) => path.startsWith('/v1/');

/**
 * Every API request carries a token (a registry protocol request may carry none: then
 * `request.principal` stays null, see registry/registry-access.ts); the caller and its roles are resolved once per
 * request. Resolving costs three queries and reads far outnumber writes, so callers are kept in
 * memory, but only while the `access` generation (db/cache-generations.ts) has not moved: a
 * role granted or removed, or a token revoked, through any replica applies to the next request.
 */
export const authentication = fp(async (app: FastifyInstance) => {
  const known = new Map<string, KnownCaller>();
  app.decorateRequest('principal', null as unknown as Principal);

  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0];
    const registry = isRegistryProtocol(path);
    if ((!path.startsWith('/api/') && !registry) || PUBLIC_PATHS.has(path)) return;
    const token = callerToken(request);
    if (!token && registry) return;
    if (!token) throw unauthorized('missing bearer token: send "Authorization: Bearer <token>"');
    if (isRunToken(token)) {
      const run = await principalForRunToken(app.db, token);
      if (!run) throw unauthorized('the run token is not valid (unknown, expired, or its run has ended)');
      // Terraform sends it to every registry request of the host: beyond its module, it reads as no one.
      if (registry) request.principal = (path.startsWith('/v1/modules/') ? run : null) as Principal;
      else if (path === runStatePath(run.run!)) request.principal = run;
      else
        throw forbidden("a Terraform run's token may only install its offering's module and use its resource's state");
      return;
    }
    const generation = request.generations.access;
    const cached = known.get(token);
    if (cached && cached.generation >= generation && cached.expiresAt > Date.now()) {
      request.principal = cached.principal;
      return;
    }
    const resolved = await principalForToken(app.db, token);
    if (!resolved) throw unauthorized('the bearer token is not valid (unknown, revoked or expired)');
    if (known.size > 10000) known.clear();
    known.set(token, { principal: resolved.principal, generation, expiresAt: resolved.expiresAt });
    request.principal = resolved.principal;
  });
});
