import type { Db } from '../db/database';
import { newId } from '../ids';
import { redactSecrets, type StoredSecret } from '../orders/secret-attributes';
import type { ProvisioningJob, RunLog } from './plugin';
import { insertLogEntry, logBytes, markLogCut, reserveLogBytes } from './order-logs-repository';

/** Bytes (UTF-8) an order's log holds at most, over all its runs, by default: 1 MiB. */
export const DEFAULT_LOG_LIMIT_BYTES = 1024 * 1024;

/** The run of an order whose log is written: 0 for the plan previewed before approval, else the provisioning attempt. */
export const PREVIEW_ATTEMPT = 0;

/**
 * The log of one run of an order, kept in `order_logs` for the roles that may read it
 * (`GET /orders/{id}/logs`). Plugins mask secrets before writing; the log masks again the secrets
 * the server knows of (the order's and resource's secret attributes, the offering's secret
 * options), so a plugin that forgets one does not leak it. An order's log holds at most `limit`
 * bytes: the write that would pass it is cut to what fits, followed by one entry saying the log
 * was cut there; later writes are dropped. Safe with writers on several servers (the byte count
 * is reserved by a conditional update).
 */
export class OrderRunLog implements RunLog {
  private readonly secrets: StoredSecret[];

  constructor(
    private readonly db: Db,
    private readonly orderId: string,
    private readonly attempt: number,
    job: ProvisioningJob,
    private readonly limit = DEFAULT_LOG_LIMIT_BYTES,
  ) {
    this.secrets = [
      ...(job.order.secret_attributes ?? []),
      ...(job.resource.secret_attributes ?? []),
      { path: [], value: job.offering.secret_options },
    ];
  }

  async write(step: string, text: string): Promise<void> {
    if (!text) return;
    const masked = redactSecrets(text, this.secrets);
    const bytes = Buffer.byteLength(masked);
    for (;;) {
      if (await reserveLogBytes(this.db, this.orderId, bytes, this.limit)) return this.insert(step, masked);
      const used = await logBytes(this.db, this.orderId);
      if (used > this.limit) return; // already cut
      // Another write counted bytes meanwhile: look again.
      if (!(await markLogCut(this.db, this.orderId, used, this.limit))) continue;
      const fits = utf8Prefix(masked, this.limit - used);
      if (fits) await this.insert(step, fits);
      return this.insert(
        step,
        `\n[log cut: the log of this order reached its limit of ${this.limit} bytes; later output is left out]\n`,
      );
    }
  }

  private insert(step: string, text: string) {
    return insertLogEntry(this.db, {
      id: newId(),
      order_id: this.orderId,
      attempt: this.attempt,
      step: step.slice(0, 100),
      text,
      created_at: new Date().toISOString(),
    });
  }
}

/** The longest start of `text` that takes at most `bytes` bytes in UTF-8, cut between characters. */
function utf8Prefix(text: string, bytes: number): string {
  const encoded = Buffer.from(text);
  if (encoded.length <= bytes) return text;
  let end = Math.max(0, bytes);
  // A UTF-8 continuation byte (10xxxxxx) is inside a character: step back to its first byte.
  while (end > 0 && (encoded[end] & 0xc0) === 0x80) end--;
  return encoded.subarray(0, end).toString();
}
