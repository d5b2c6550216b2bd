/**
 * Signed module archive URLs (registry/modules/download-url.ts): good until they expire, for the
 * one version they were signed for, with the key that signed them.
 */
import { randomBytes } from 'node:crypto';
import { archiveUrlProblem, signArchive, URL_LIFETIME_SECONDS } from '../src/registry/modules/download-url';

describe('signed module archive URLs', () => {
  const key = randomBytes(32);
  const version = '01a22fe4-3384-7000-9a5e-1b3ec05883b8';
  const now = Date.parse('2026-12-01T00:00:00Z');
  const { expires, signature } = signArchive(key, version, now);

  test('work until they expire, a few minutes after being made', () => {
    expect(expires).toBe(now / 1000 + URL_LIFETIME_SECONDS);
    expect(archiveUrlProblem(key, version, expires, signature, now)).toBeUndefined();
    expect(archiveUrlProblem(key, version, expires, signature, (expires - 1) * 1000)).toBeUndefined();
    expect(archiveUrlProblem(key, version, expires, signature, (expires + 1) * 1000)).toBe(
      'this download URL has expired; run terraform init again for a new one',
    );
  });

  test('are refused for another version, another expiry, another key or a mangled signature', () => {
    const invalid = 'the signature of this download URL is not valid';
    expect(archiveUrlProblem(key, '01a22fe4-3384-7000-9a5e-1b3ec05883b9', expires, signature, now)).toBe(invalid);
    expect(archiveUrlProblem(key, version, expires + 3600, signature, now)).toBe(invalid);
    expect(archiveUrlProblem(randomBytes(32), version, expires, signature, now)).toBe(invalid);
    expect(archiveUrlProblem(key, version, expires, signature.slice(1), now)).toBe(invalid);
    expect(archiveUrlProblem(key, version, expires, '', now)).toBe(invalid);
  });
});
