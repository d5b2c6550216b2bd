import { setTimeout as sleep } from 'node:timers/promises';
import { signatureHeaders } from './webhook-signature';
import { shownUrl } from './webhook-options';

/**
 * Sends one signed event to a site agent, retrying with exponential backoff and jitter while
 * the failure may pass: no connection, a timeout, 408, 429 and 5xx (a `Retry-After` is honoured,
 * within bounds). Another answer ends it: 2xx is delivered; 409 is too, as it is how an agent
 * refuses an event id it has already received (a retry of an attempt whose answer was lost); a
 * redirect is not followed. Each attempt is signed anew with its own timestamp, under the same
 * event id. The configured URL is shown in errors without its query.
 */

export interface DeliveryPolicy {
  /** Tries in all. */
  attempts: number;
  /** The first wait between tries, in ms; it doubles each time, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest wait for one answer, in ms. */
  attemptTimeoutMs: number;
  /** The most of an answer read, in bytes (an answer the plugin reads, or an error's text). */
  maxAnswerBytes: number;
}

/** Order events: about half a minute of retries (0.5, 1, 2, 4 and 8 s, with jitter). */
const ORDER_DELIVERY: DeliveryPolicy = {
  attempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  attemptTimeoutMs: 15_000,
  maxAnswerBytes: 1024 * 1024,
};

/** Pulls run on a schedule, so the next one is the real retry: a short one here. */
export const PULL_DELIVERY: DeliveryPolicy = { ...ORDER_DELIVERY, attempts: 3 };

/** The agent's answer to a delivered event. */
export interface Delivered {
  status: number;
  /** The answer's text (at most `maxAnswerBytes`). */
  text: string;
  attempts: number;
}

/** The event could not be delivered; `message` says why, fit for an order's reason. */
export class DeliveryError extends Error {}

interface Target {
  url: string;
  signingSecret: string;
}

/**
 * POSTs `body` (the event's JSON text) as event `eventId` to the agent; resolves with its answer
 * once delivered, rejects with a DeliveryError when it was refused or every try failed, or with
 * the abort reason when `signal` aborts.
 */
export async function deliver(
  target: Target,
  eventId: string,
  body: string,
  signal: AbortSignal,
  policy: DeliveryPolicy = ORDER_DELIVERY,
): Promise<Delivered> {
  const where = `the site agent at ${shownUrl(target.url)}`;
  let failure = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    signal.throwIfAborted();
    let retryAfterMs: number | undefined;
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(policy.attemptTimeoutMs)]),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'mercato-webhook/1',
          ...signatureHeaders(target.signingSecret, eventId, Math.floor(Date.now() / 1000), body),
        },
        body,
      });
      const text = await readText(response, policy.maxAnswerBytes);
      if ((response.status >= 200 && response.status < 300) || response.status === 409)
        return { status: response.status, text, attempts: attempt };
      failure = `answered ${response.status}${summary(text)}`;
      if (response.status >= 300 && response.status < 400)
        throw new DeliveryError(
          `${where} answered ${response.status}, a redirect, which is not followed: set plugin_options.url to where it points`,
        );
      if (!retried(response.status)) throw new DeliveryError(`${where} refused the event: ${failure}`);
      retryAfterMs = retryAfter(response.headers.get('retry-after'), policy.maxDelayMs);
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      signal.throwIfAborted();
      failure = networkFailure(error, policy.attemptTimeoutMs);
    }
    if (attempt < policy.attempts) await sleep(retryAfterMs ?? backoff(attempt, policy), undefined, { signal });
  }
  throw new DeliveryError(`${where} did not take the event after ${policy.attempts} tries: it ${failure}`);
}

/** 408 (timeout), 429 (too many requests) and 5xx may pass; other answers would be the same again. */
const retried = (status: number) => status === 408 || status === 429 || status >= 500;

/** Exponential backoff with jitter: half the delay fixed, half random, so retries of many orders spread out. */
function backoff(attempt: number, policy: DeliveryPolicy): number {
  const delay = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return delay / 2 + Math.random() * (delay / 2);
}

/** `Retry-After` in seconds or as an HTTP date, within [0, max]; undefined when absent or unreadable. */
function retryAfter(header: string | null, maxMs: number): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), maxMs) : undefined;
}

/** What went wrong with a request that got no answer, in Node's words (a code such as ECONNREFUSED). */
function networkFailure(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `did not answer within ${timeoutMs / 1000} s`;
  return `could not be reached (${e.cause?.code ?? e.cause?.message ?? e.message})`;
}

/** The start of an answer's text, for a reason: one line, at most 300 characters. */
function summary(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  return line ? `: ${line}` : '';
}

/** The answer's text, read up to `max` bytes (the rest is left unread). */
async function readText(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      size += value.byteLength;
      if (size >= max) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}
