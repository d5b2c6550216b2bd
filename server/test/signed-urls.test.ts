/**
 * Signed registry URLs (registry/signed-urls.ts), as module archives and private providers' files
 * use them: good until they expire, for the one path they were signed for, with the key that signed them.
 */
import { randomBytes } from 'node:crypto';
import { startTestServer } from '@mercato/test-support/server-harness';
import { loggedUrl } from '../src/http/request-log';
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

describe('request logs', () => {
  test('show a signed URL with its signature masked, so reading them grants no download', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const server = await startTestServer('sqlite', { worker: { enabled: false }, logger: { level: 'info', stream } });
    try {
      const archive = '/v1/modules/archives/01a22fe4-3384-7000-9a5e-1b3ec05883b8.tar.gz';
      const answer = await fetch(`${server.url}${archive}?expires=1796103405&signature=s3cr3t-signature-value`);
      expect(answer.status).toBe(403);
      const logged = lines.join('');
      expect(logged).toContain(`${archive}?expires=1796103405&signature=********`);
      expect(logged).not.toContain('s3cr3t-signature-value');
    } finally {
      await server.close();
    }
  });

  test('keep every other URL as it came', () => {
    expect(loggedUrl('/api/v1/offerings?q=postgres&limit=5')).toBe('/api/v1/offerings?q=postgres&limit=5');
    expect(loggedUrl('/healthz')).toBe('/healthz');
  });
});
