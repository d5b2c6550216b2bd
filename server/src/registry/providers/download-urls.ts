/**
 * Short-lived signed URLs for a private provider's files. Terraform fetches `download_url`,
 * `shasums_url` and `shasums_signature_url` with a plain HTTP client, without the registry
 * credentials it sends to the protocol's own endpoints (registry-protocol.ts says what was seen),
 * so the download endpoint, which did check the caller, hands out URLs that carry their own
 * permission: `?expires=<unix seconds>&signature=<HMAC-SHA256 of path and expiry>`.
 *
 * The HMAC key is one random secret in the database (`registry_url_secrets`), made on first
 * need, so every server process sharing the database accepts the URLs any of them made.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database';
import { isUniqueViolation } from '../../db/database';

/** How long a signed URL works: Terraform fetches the files right after asking for the download. */
const SIGNED_URL_SECONDS = 10 * 60;
const SECRET_ID = 'provider-download-urls';

export interface UrlSigner {
  /** `path?expires=...&signature=...`, valid for SIGNED_URL_SECONDS from `nowMs`. */
  sign(path: string, nowMs?: number): string;
  /** Whether the query's signature is right for `path` and not expired. */
  verify(path: string, query: { expires?: string; signature?: string }, nowMs?: number): boolean;
}

/** The signer over the database's secret, read (or made) once per server process. */
export function urlSigner(db: Db): () => Promise<UrlSigner> {
  let signer: Promise<UrlSigner> | undefined;
  return () => (signer ??= loadSecret(db).then(signerFor));
}

async function loadSecret(db: Db): Promise<Buffer> {
  const read = () =>
    db.selectFrom('registry_url_secrets').select('secret').where('id', '=', SECRET_ID).executeTakeFirst();
  const found = await read();
  if (found) return Buffer.from(found.secret, 'base64');
  const secret = randomBytes(32).toString('base64');
  try {
    await db
      .insertInto('registry_url_secrets')
      .values({ id: SECRET_ID, secret, created_at: new Date().toISOString() })
      .execute();
    return Buffer.from(secret, 'base64');
  } catch (error) {
    // Another process made it first: use that one.
    if (!isUniqueViolation(error)) throw error;
    return Buffer.from((await read())!.secret, 'base64');
  }
}

function signerFor(secret: Buffer): UrlSigner {
  const mac = (path: string, expires: string) => createHmac('sha256', secret).update(`${path}\n${expires}`).digest();
  return {
    sign(path, nowMs = Date.now()) {
      const expires = String(Math.floor(nowMs / 1000) + SIGNED_URL_SECONDS);
      return `${path}?expires=${expires}&signature=${mac(path, expires).toString('base64url')}`;
    },
    verify(path, query, nowMs = Date.now()) {
      if (!query.expires || !query.signature || !/^[0-9]{1,12}$/.test(query.expires)) return false;
      if (Number(query.expires) * 1000 < nowMs) return false;
      const given = Buffer.from(query.signature, 'base64url');
      const expected = mac(path, query.expires);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
