import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrderEvent, PullAnswer, PullEvent } from './events';
import { ReplayGuard } from './replay-guard';
import { SignatureError, verifySignature } from './signature';

/** The largest event body read; Mercato's events are a few kB. */
const MAX_BODY = 1024 * 1024;

/** What the listener hands verified events to. */
export interface EventSink {
  /** Whether the agent serves this offering. */
  serves(offering: { id: string; slug: string }): boolean;
  /** Starts carrying out the order; false when it is already under way. */
  start(event: OrderEvent): boolean;
  /** Answers a pull; undefined when the agent has no pull handler. */
  pull?(event: PullEvent): Promise<PullAnswer>;
}

/**
 * The HTTP side of an agent: a node:http request listener that takes signed events. It answers
 * 405 to anything but a POST, 413 to a body over 1 MiB, 401 when the signature does not verify
 * or the timestamp is outside the tolerance, 409 to an event id it received before (a replay),
 * 400 to a body that is not JSON, 422 to an offering the agent does not serve or a type it does
 * not know; then 202 to an order event (carried out afterwards) and 200 with the answer to a pull.
 * Every refusal says why in `{ error }`.
 */
export function eventListener(secret: string, toleranceSeconds: number, sink: EventSink) {
  const guard = new ReplayGuard(2 * toleranceSeconds * 1000);
  return (request: IncomingMessage, response: ServerResponse): void => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) answer(response, 500, { error: (error as Error).message });
      else response.destroy();
    });
  };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'POST')
      return answer(response, 405, { error: 'a Mercato site agent takes POSTed events only' }, { allow: 'POST' });
    const body = await readBody(request);
    if (body === undefined) return answer(response, 413, { error: `an event body is at most ${MAX_BODY} bytes` });
    let id: string;
    try {
      ({ id } = verifySignature(secret, request.headers, body, { toleranceSeconds }));
    } catch (error) {
      if (error instanceof SignatureError) return answer(response, error.status, { error: error.message });
      throw error;
    }
    // Only after the signature: an id nobody signed must not be remembered.
    const before = guard.check(id);
    if (before !== undefined)
      return answer(response, 409, {
        error: `event ${id} was received ${Math.round((Date.now() - before) / 1000)} s ago: a replayed event is refused`,
      });
    let event: OrderEvent | PullEvent;
    try {
      event = JSON.parse(body.toString('utf8'));
    } catch {
      return answer(response, 400, { error: 'the event body is not JSON' });
    }
    if (!event.offering || !sink.serves(event.offering))
      return answer(response, 422, { error: `this site agent does not serve offering ${event.offering?.slug}` });
    if (event.type === 'order.executing') {
      const started = sink.start(event as OrderEvent);
      return answer(
        response,
        202,
        started ? { accepted: true } : { accepted: true, note: 'the order is already under way' },
      );
    }
    if (event.type === 'resource.pull') {
      if (!sink.pull)
        return answer(response, 501, { error: 'this site agent does not report resources (no pull handler)' });
      return answer(response, 200, await sink.pull(event as PullEvent));
    }
    return answer(response, 422, { error: `unknown event type ${JSON.stringify(event.type)}` });
  }
}

/** The whole body, or undefined when it is larger than MAX_BODY. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
