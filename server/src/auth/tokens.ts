import { createHash, randomBytes } from 'node:crypto';

/** Tokens are shown once; only their SHA-256 is stored, so a database leak reveals no credential. */
export function generateToken(): string {
  return `mct_${randomBytes(24).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
