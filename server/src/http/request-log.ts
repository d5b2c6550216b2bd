import type { FastifyRequest } from 'fastify';

/**
 * Query parameters whose values open something by themselves: the signature of a signed registry
 * URL (registry/signed-urls.ts: a private module's archive or provider's files, for minutes, with no
 * token). Request logs show them masked, so reading the logs never grants a download.
 */
const SECRET_QUERY_PARAMETERS = ['signature'];

/** The request URL as logs show it: `signature=********` in place of the value. */
export function loggedUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  let masked = false;
  for (const name of SECRET_QUERY_PARAMETERS)
    if (params.has(name)) {
      params.set(name, '********');
      masked = true;
    }
  return masked ? `${url.slice(0, query)}?${params.toString().replaceAll('%2A', '*')}` : url;
}

/** Fastify's request log fields (method, url, host, remote address and port), with the URL from loggedUrl. */
export function requestLogFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
