/**
 * What Mercato advertises as `login.v1` in `/.well-known/terraform.json` (Terraform docs,
 * "Server-side Login Protocol"): an OAuth 2.0 authorization code grant with PKCE, whose
 * redirect goes to a listener Terraform opens on localhost on a port within `ports` (inclusive).
 */
export const LOGIN_SERVICE = {
  client: 'terraform-cli',
  grant_types: ['authz_code'],
  authz: '/oauth/authorization',
  token: '/oauth/token',
  ports: [10000, 10010],
} as const;

/**
 * Whether `uri` may receive an authorization code: `http://localhost:<port>/...` or
 * `http://127.0.0.1:<port>/...` with a port in LOGIN_SERVICE.ports, and no credentials in it.
 * Anything else is refused, so the authorization page is never an open redirect and a code goes
 * only to a listener on the machine of the person who signed in.
 */
export function isLoopbackRedirect(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  const [low, high] = LOGIN_SERVICE.ports;
  const port = Number(url.port);
  return (
    url.protocol === 'http:' &&
    (url.hostname === 'localhost' || url.hostname === '127.0.0.1') &&
    url.username === '' &&
    url.password === '' &&
    Number.isInteger(port) &&
    port >= low &&
    port <= high
  );
}
