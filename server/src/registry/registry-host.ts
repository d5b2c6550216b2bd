import type { FastifyRequest } from 'fastify';

/**
 * The host a module or provider source address starts with, as the caller reaches this server:
 * the request's own host when it came over the HTTPS listener, else its host name with the
 * HTTPS listener's port (`127.0.0.1:8443`; no port for 443, as Terraform writes it). Undefined
 * when the server has no HTTPS listener: Terraform speaks the registry protocols over HTTPS only.
 */
export function registryHostOf(request: FastifyRequest): string | undefined {
  const https = request.server.httpsAddress;
  if (!https) return undefined;
  if (request.protocol === 'https') return request.host;
  const name = request.hostname.includes(':') ? `[${request.hostname}]` : request.hostname;
  return https.port === 443 ? name : `${name}:${https.port}`;
}
