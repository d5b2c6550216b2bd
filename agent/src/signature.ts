import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signatures of the events Mercato's `webhook` plugin sends, as the Standard Webhooks
 * specification (1.0) has them: headers `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature` (space-separated `v1,<base64>` entries), each signature the HMAC-SHA256 of
 * `<id>.<timestamp>.<raw body>`. A secret written `whsec_<base64>` is that key; any other text is
 * its UTF-8 bytes.
 */

/** Why an event was refused: `status` is the HTTP status to answer with (401). */
export class SignatureError extends Error {
  readonly status = 401;
}

/** The headers of a request, as node:http gives them (lower-case names). */
export type Headers = Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** Largest distance between `webhook-timestamp` and this clock, in seconds; default 300. */
  toleranceSeconds?: number;
  /** This clock, in ms since the epoch; default now. */
  now?: number;
}

/** What a verified event is, by its headers. */
export interface VerifiedEvent {
  /** `webhook-id`: the same on every retry of one event, so a replay can be told by it. */
  id: string;
  /** `webhook-timestamp`, Unix seconds. */
  timestamp: number;
}

function keyOf(secret: string): Buffer {
  return secret.startsWith('whsec_')
    ? Buffer.from(secret.slice('whsec_'.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/** The `webhook-signature` value that signs `body` as event `id` at `timestamp` (Unix seconds) with `secret`. */
export function signPayload(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

function header(headers: Headers, name: string): string {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new SignatureError(`the ${name} header is missing: not a signed Mercato event`);
  return text;
}

/**
 * Checks that `body` (the raw request body, as received: not parsed and serialized again) was
 * signed with `secret` by the sender, recently. Compares in constant time. Throws a
 * SignatureError saying what is wrong: a header missing, a timestamp outside the tolerance (a
 * replay, or a clock out of sync), or no signature that matches (a forgery, or another secret).
 * Refusing an event id seen before is the caller's (see createAgent, which does it).
 */
export function verifySignature(
  secret: string,
  headers: Headers,
  body: string | Buffer,
  options: VerifyOptions = {},
): VerifiedEvent {
  const id = header(headers, 'webhook-id');
  const stamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  const tolerance = options.toleranceSeconds ?? 300;
  if (!/^\d{1,12}$/.test(stamp)) throw new SignatureError('the webhook-timestamp header is not Unix seconds');
  const timestamp = Number(stamp);
  const skew = Math.round((options.now ?? Date.now()) / 1000 - timestamp);
  if (Math.abs(skew) > tolerance)
    throw new SignatureError(
      `the event's webhook-timestamp is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'ahead of this clock'}, more than the ${tolerance} s allowed: a replayed event, or a clock out of sync`,
    );
  const expected = Buffer.from(signPayload(secret, id, timestamp, body).slice('v1,'.length), 'base64');
  const matches = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => {
      const given = Buffer.from(entry.slice('v1,'.length), 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  if (!matches)
    throw new SignatureError(
      "no webhook-signature matches the body: the event was not signed with this agent's signing secret (a forgery, or the offering's secret_options.signing_secret differs)",
    );
  return { id, timestamp };
}
