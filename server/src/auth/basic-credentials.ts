/**
 * The user name and password of `Authorization: Basic <base64(user:password)>` (RFC 7617), as
 * sent; undefined for another scheme or no header. A value without a colon is all user name.
 */
export function basicCredentials(authorization: string | undefined): { user: string; password?: string } | undefined {
  const basic = authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (!basic) return undefined;
  const credentials = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = credentials.indexOf(':');
  return colon < 0
    ? { user: credentials }
    : { user: credentials.slice(0, colon), password: credentials.slice(colon + 1) };
}
