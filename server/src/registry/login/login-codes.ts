import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database';
import { hashToken } from '../../auth/tokens';

/** How long an authorization code may be redeemed, in ms: Terraform redeems it at once. */
const CODE_LIFETIME_MS = 60_000;

/** What an authorization code is bound to when it is made. */
export interface CodeGrant {
  userId: string;
  clientId: string;
  redirectUri: string;
  /** PKCE `code_challenge` (S256: base64url of the verifier's SHA-256, RFC 7636). */
  codeChallenge: string;
}

/** Makes a single-use code for `grant`, valid CODE_LIFETIME_MS; only its hash is stored. */
export async function issueCode(db: Db, grant: CodeGrant): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const created = Date.now();
  await db
    .insertInto('terraform_login_codes')
    .values({
      code_hash: hashToken(code),
      user_id: grant.userId,
      client_id: grant.clientId,
      redirect_uri: grant.redirectUri,
      code_challenge: grant.codeChallenge,
      created_at: new Date(created).toISOString(),
      expires_at: new Date(created + CODE_LIFETIME_MS).toISOString(),
    })
    .execute();
  return code;
}

/** What the token request presents with the code (RFC 6749 4.1.3, RFC 7636 4.5). */
export interface Redemption {
  code: string;
  clientId: string;
  redirectUri: string;
  codeVerifier: string;
}

/**
 * The user the code was issued to, when the code exists, has not expired and matches the
 * redemption (client, redirect URI, PKCE verifier); undefined otherwise. The code is deleted in
 * the same statement that reads it, whatever the outcome, so it is redeemed once at most, even
 * by two replicas at the same moment, and a guessed verifier gets no second try.
 */
export async function redeemCode(db: Db, redemption: Redemption): Promise<string | undefined> {
  const row = await db
    .deleteFrom('terraform_login_codes')
    .where('code_hash', '=', hashToken(redemption.code))
    .returningAll()
    .executeTakeFirst();
  if (!row || !(Date.parse(row.expires_at) > Date.now())) return undefined;
  if (row.client_id !== redemption.clientId || row.redirect_uri !== redemption.redirectUri) return undefined;
  return pkceMatches(redemption.codeVerifier, row.code_challenge) ? row.user_id : undefined;
}

/** RFC 7636 4.6 for S256: BASE64URL(SHA256(ASCII(code_verifier))) equals the challenge. */
function pkceMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

/** Drops codes that expired unredeemed (a login abandoned in the browser). */
export async function dropExpiredCodes(db: Db): Promise<void> {
  await db.deleteFrom('terraform_login_codes').where('expires_at', '<', new Date().toISOString()).execute();
}
