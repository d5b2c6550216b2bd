import { ApiError, type MercatoClient, type Problem } from '@mercato/api';
import { renderJson, renderYaml, type Item } from '../objects/output';
import { totalsText } from './invoice-money';
import { checkedPeriod } from './invoice-ref';

export interface CloseOptions {
  period: string;
  output?: 'json' | 'yaml';
}

/**
 * `mercato invoices close --period YYYY-MM` (staff): closes the month, every organization's invoice
 * becoming final, and says what the close wrote: its invoices and totals over all. The server
 * answers 201 for a first close and 200 (the first close's answer) for a month closed already,
 * which the line says, so running it again is safe and tells the truth.
 */
export async function closeInvoices(client: MercatoClient, options: CloseOptions): Promise<string> {
  const period = checkedPeriod(options.period, '--period');
  const answer = await client.request<Item>('POST', '/invoices/close', { body: { period } });
  if (answer.status >= 300) throw new ApiError(answer.status, problemOf(answer.body), 'POST /invoices/close');
  const close = answer.body;
  if (options.output === 'json') return renderJson(close);
  if (options.output === 'yaml') return renderYaml(close);
  const what = `${String(close.invoices)} final invoice${close.invoices === 1 ? '' : 's'}, totals ${totalsText(close.totals)}`;
  const by = close.closed_by ? ` by ${String(close.closed_by)}` : '';
  return answer.status === 201
    ? `closed ${period}: ${what}`
    : `${period} was already closed at ${String(close.closed_at)}${by}: ${what}; nothing changed`;
}

/** The server's problem+json, or a body that is not one as its detail. */
function problemOf(body: unknown): Problem {
  if (body && typeof body === 'object') return body as Problem;
  return { detail: typeof body === 'string' ? body : undefined };
}
