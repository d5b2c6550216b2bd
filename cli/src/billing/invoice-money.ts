import type { Item } from '../objects/output';

/** An invoice's totals (`[{currency, amount}]`) in one cell: `17.04 USD, 3.00 EUR`; `0` for none. */
export function totalsText(totals: unknown): string {
  const list = Array.isArray(totals) ? (totals as Item[]) : [];
  return list.length ? list.map((t) => `${String(t.amount)} ${String(t.currency)}`).join(', ') : '0';
}
