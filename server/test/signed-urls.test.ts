/**
 * Signed registry URLs (registry/signed-urls.ts), as module archives and private providers' files
 * use them: good until they expire, for the one path they were signed for, with the key that signed them.
 */
import { randomBytes } from 'node:crypto';
import { signerWithKey } from '../src/registry/signed-urls';

describe('signed registry URLs', () => {
  const key = randomBytes(32);
  const signer = signerWithKey(key, 300);
  const path = '/v1/modules/archives/01a22fe4-3384-7000-9a5e-1b3ec05883b8.tar.gz';
  const now = Date.parse('2026-12-01T00:00:00Z');
  const query = Object.fromEntries(new URL(signer.sign(path, now), 'https://x').searchParams) as {
    expires: string;
    signature: string;
  };
  const expires = Number(query.expires);

  test('work until they expire, a few minutes after being made', () => {
    expect(expires).toBe(now / 1000 + 300);
    expect(signer.problem(path, query, now)).toBeUndefined();
    expect(signer.problem(path, query, (expires - 1) * 1000)).toBeUndefined();
    expect(signer.problem(path, query, (expires + 1) * 1000)).toBe(
      'this download URL has expired; run terraform init again for a new one',
    );
  });

  test('are refused for another path, another expiry, another key or a mangled signature', () => {
    const invalid = 'the signature of this download URL is not valid';
    expect(signer.problem(path.replace('b8.tar', 'b9.tar'), query, now)).toBe(invalid);
    expect(signer.problem(path, { ...query, expires: String(expires + 3600) }, now)).toBe(invalid);
    expect(signerWithKey(randomBytes(32), 300).problem(path, query, now)).toBe(invalid);
    expect(signer.problem(path, { ...query, signature: query.signature.slice(1) }, now)).toBe(invalid);
    expect(signer.problem(path, { ...query, signature: '' }, now)).toBe(invalid);
    expect(signer.problem(path, { expires: 'soon', signature: query.signature }, now)).toBe(invalid);
  });
});
