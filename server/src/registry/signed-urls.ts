/**
 * Short-lived signed URLs for the registry's files: module archives (`X-Terraform-Get`) and a
 * private provider's zips, SHA256SUMS and signature. Terraform fetches these with a plain HTTP
 * client, without the registry credentials it sends to the protocols' own endpoints (its
 * internal/getmodules/getter.go uses a client with .netrc only; for providers it was observed with
 * Terraform 1.11.4, see providers/registry-protocol.ts). So the endpoint that did check the caller
 * hands out URLs that carry their own permission, and no Mercato token:
 * `<path>?expires=<unix seconds>&signature=<base64url HMAC-SHA256 of path and expiry>`.
 *
 * Each use has its own random key in the database (`registry_url_secrets`), made on first need,
 * so every server process sharing the database accepts the URLs any of them made.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database';
import { now } from '../http/route-context';

export interface UrlSigner {
  /** `path?expires=...&signature=...`, valid for the signer's lifetime from `nowMs`. */
  sign(path: string, nowMs?: number): string;
  /** Why the query does not open `path` (a wrong signature, or expired); undefined when it does. */
  problem(path: string, query: { expires?: string | number; signature?: string }, nowMs?: number): string | undefined;
}

export interface SignedUrlSettings {
  /** The key's row in `registry_url_secrets`, e.g. `module-archives`. */
  keyId: string;
  /** How long a URL works, in seconds: Terraform fetches it right after asking for it. */
  lifetimeSeconds: number;
}

/** The signer over the database's key for `settings.keyId`, read (or made) once per server process. */
export function urlSigner(db: Db, settings: SignedUrlSettings): () => Promise<UrlSigner> {
  let signer: Promise<UrlSigner> | undefined;
  return () => (signer ??= loadKey(db, settings.keyId).then((key) => signerWithKey(key, settings.lifetimeSeconds)));
}

async function loadKey(db: Db, keyId: string): Promise<Buffer> {
  // A key never changes once made; when two processes make one at once, the first insert wins.
  await db
    .insertInto('registry_url_secrets')
    .values({ id: keyId, secret: randomBytes(32).toString('base64'), created_at: now() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('registry_url_secrets')
    .select('secret')
    .where('id', '=', keyId)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.secret, 'base64');
}

/** A signer with a given key (the database's, or a test's). */
export function signerWithKey(key: Buffer, lifetimeSeconds: number): UrlSigner {
  const mac = (path: string, expires: string) => createHmac('sha256', key).update(`${path}\n${expires}`).digest();
  return {
    sign(path, nowMs = Date.now()) {
      const expires = String(Math.floor(nowMs / 1000) + lifetimeSeconds);
      return `${path}?expires=${expires}&signature=${mac(path, expires).toString('base64url')}`;
    },
    problem(path, query, nowMs = Date.now()) {
      const expires = String(query.expires ?? '');
      const given = Buffer.from(query.signature ?? '', 'base64url');
      const expected = /^[0-9]{1,12}$/.test(expires) ? mac(path, expires) : Buffer.alloc(0);
      if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected))
        return 'the signature of this download URL is not valid';
      if (Number(expires) * 1000 < nowMs)
        return 'this download URL has expired; run terraform init again for a new one';
      return undefined;
    },
  };
}
