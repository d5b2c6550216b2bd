import { setTimeout as sleep } from 'node:timers/promises';
import { UnreachableError, type MercatoClient } from '@mercato/api';
import type { AgentLog, BackendReport } from './events';

/** The longest reason the API takes. */
const MAX_REASON = 2000;

/**
 * Completes and fails orders through the API (`POST /orders/{id}/complete`, `/fail`), retrying
 * with backoff and jitter while the server cannot be reached or answers 429 or 5xx. A 409 means
 * the order moved meanwhile: when it is no longer executing (completed by an earlier try whose
 * answer was lost, failed by its timeout) the report is dropped; otherwise it is tried again.
 */
export class Reporter {
  constructor(
    private readonly client: MercatoClient,
    private readonly attempts: number,
    private readonly log: AgentLog,
  ) {}

  /** Completes the order; answers the server's reason when it refused the report itself (422). */
  complete(orderId: string, report: BackendReport): Promise<string | undefined> {
    return this.send(orderId, 'complete', report);
  }

  async fail(orderId: string, reason: string): Promise<void> {
    const text = reason.trim() || 'the site agent failed the order without saying why';
    await this.send(orderId, 'fail', { reason: text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text });
  }

  private async send(orderId: string, action: 'complete' | 'fail', body: object): Promise<string | undefined> {
    const path = `/orders/${orderId}/${action}`;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      let status: number;
      let detail: string;
      try {
        const answer = await this.client.request<{ detail?: string }>('POST', path, { body });
        status = answer.status;
        detail = answer.body?.detail ?? '';
      } catch (error) {
        if (!(error instanceof UnreachableError)) throw error;
        status = 0;
        detail = error.message;
      }
      if (status >= 200 && status < 300) {
        this.log('info', `order ${action === 'complete' ? 'completed' : 'failed'}`, { order: orderId });
        return undefined;
      }
      if (status === 422 && action === 'complete') return detail;
      if (status === 409 && !(await this.stillExecuting(orderId))) {
        this.log('warn', `the order is no longer executing: its ${action} report is dropped`, {
          order: orderId,
          detail,
        });
        return undefined;
      }
      if (status !== 0 && status !== 409 && status !== 429 && status < 500) {
        this.log('error', `the server refused to ${action} the order`, { order: orderId, status, detail });
        return undefined;
      }
      if (attempt < this.attempts) await sleep(backoff(attempt));
      else this.log('error', `gave up trying to ${action} the order`, { order: orderId, status, detail });
    }
    return undefined;
  }

  private async stillExecuting(orderId: string): Promise<boolean> {
    try {
      const answer = await this.client.request<{ state?: string }>('GET', `/orders/${orderId}`);
      return answer.status !== 200 || answer.body?.state === 'executing';
    } catch {
      return true;
    }
  }
}

/** 250 ms doubling up to 8 s, half of it random. */
function backoff(attempt: number): number {
  const delay = Math.min(250 * 2 ** (attempt - 1), 8000);
  return delay / 2 + Math.random() * (delay / 2);
}
