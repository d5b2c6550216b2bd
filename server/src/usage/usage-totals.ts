import { decimalText, money, type Money } from '../billing/money';

/**
 * A month's usage per component: the sum of its reports' amounts (decimal strings), exact
 * (`"0.1"` + `"0.2"` is `"0.3"`), in component order.
 */
export function totalsByComponent(reports: { component: string; amount: string }[]) {
  const totals = new Map<string, Money>();
  for (const r of reports) totals.set(r.component, (totals.get(r.component) ?? money(0)).plus(money(r.amount)));
  return [...totals.keys()].sort().map((component) => ({ component, amount: decimalText(totals.get(component)!) }));
}
