import { createHmac } from 'node:crypto';

/**
 * Signing of the events sent to site agents, as the Standard Webhooks specification (1.0) has it,
 * so that an agent may verify them with any of its libraries as well as with @mercato/agent-sdk:
 * headers `webhook-id` (the event's id, the same on every retry), `webhook-timestamp` (Unix
 * seconds of the attempt) and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of
 * `<id>.<timestamp>.<body>`). Signing the id with the body lets the agent refuse a replayed event
 * by its id; signing the timestamp lets it refuse an old one.
 */

/** The HMAC key of a signing secret: `whsec_<base64>` is the spec's form of a key; other text is its UTF-8 bytes. */
function keyOf(secret: string): Buffer {
  return secret.startsWith('whsec_')
    ? Buffer.from(secret.slice('whsec_'.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/** The headers that sign `body` as event `id` sent at `timestamp` (Unix seconds). */
export function signatureHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${mac}` };
}
