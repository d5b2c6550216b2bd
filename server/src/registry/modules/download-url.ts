import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database';
import { now } from '../../http/route-context';

/**
 * Signed URLs of module archives. Terraform fetches the `X-Terraform-Get` location with
 * go-getter's HTTP getter, which sends none of the registry credentials it sent to the download
 * endpoint (Terraform's internal/getmodules/getter.go: a plain client with .netrc only; the
 * provider network mirror protocol's docs say the same of its archives). So the download
 * endpoint, which does see the caller's token, answers a short-lived URL signed with a key only
 * the server holds: `<base>/archives/<version id>.tar.gz?expires=<unix s>&signature=<HMAC>`.
 * The URL carries no Mercato token, and one copied elsewhere stops working at its expiry.
 */

/** How long a signed URL works, in seconds: Terraform fetches it right after asking. */
export const URL_LIFETIME_SECONDS = 300;

const KEY_ID = 'module-archives';

/** Keys read, per database: a key never changes once made, so each process reads it once. */
const known = new WeakMap<Db, Buffer>();

/** The signing key, made once (by whichever replica first needs it) and kept in the database (`registry_url_secrets`, beside the provider registry's). */
export async function signingKey(db: Db): Promise<Buffer> {
  const cached = known.get(db);
  if (cached) return cached;
  const existing = await db
    .selectFrom('registry_url_secrets')
    .select('secret')
    .where('id', '=', KEY_ID)
    .executeTakeFirst();
  if (existing) {
    const key = Buffer.from(existing.secret, 'base64');
    known.set(db, key);
    return key;
  }
  await db
    .insertInto('registry_url_secrets')
    .values({ id: KEY_ID, secret: randomBytes(32).toString('base64'), created_at: now() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return signingKey(db);
}

function signature(key: Buffer, versionId: string, expires: number): string {
  return createHmac('sha256', key).update(`${versionId}\n${expires}`).digest('base64url');
}

/** The query of a signed URL to the archive of a version: `expires` (unix seconds) and `signature`. */
export function signArchive(
  key: Buffer,
  versionId: string,
  nowMs = Date.now(),
): { expires: number; signature: string } {
  const expires = Math.floor(nowMs / 1000) + URL_LIFETIME_SECONDS;
  return { expires, signature: signature(key, versionId, expires) };
}

/** Why a signed archive URL is refused, or undefined when it is good (right signature, not expired). */
export function archiveUrlProblem(
  key: Buffer,
  versionId: string,
  expires: number,
  given: string,
  nowMs = Date.now(),
): string | undefined {
  const expected = Buffer.from(signature(key, versionId, expires));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return 'the signature of this download URL is not valid';
  if (expires * 1000 < nowMs) return 'this download URL has expired; run terraform init again for a new one';
  return undefined;
}
