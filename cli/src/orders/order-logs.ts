import type { MercatoClient } from '@mercato/api';
import { orderId } from '../objects/object-ref';
import { renderJson, renderYaml, type Item } from '../objects/output';

export interface OrderLogsOptions {
  /** Only this run: 0 for the plan preview, 1, 2... for the provisioning attempts. */
  attempt?: string;
  output?: 'json' | 'yaml';
}

const runName = (attempt: number) => (attempt === 0 ? 'plan preview' : `attempt ${attempt}`);

/**
 * `mercato order logs ORDER`: the log of the order's runs as its plugin wrote it (`GET
 * /orders/<id>/logs`, every page), a `==> run: step` line before each run and step; or the
 * entries as JSON or YAML.
 */
export async function runOrderLogs(client: MercatoClient, order: string, options: OrderLogsOptions): Promise<string> {
  const query = options.attempt === undefined ? {} : { attempt: options.attempt };
  const entries = await client.listAll<Item>(`/orders/${encodeURIComponent(orderId(order))}/logs`, query);
  if (options.output === 'json') return renderJson(entries);
  if (options.output === 'yaml') return renderYaml(entries);
  const lines: string[] = [];
  let heading = '';
  for (const entry of entries) {
    const next = `==> ${runName(Number(entry.attempt))}: ${String(entry.step)}`;
    if (next !== heading) lines.push((heading = next));
    lines.push(String(entry.text).replace(/\n$/, ''));
  }
  return lines.length ? lines.join('\n') : 'the order has no log';
}
