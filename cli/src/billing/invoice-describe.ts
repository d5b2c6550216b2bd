import type { MercatoClient } from '@mercato/api';
import { renderJson, renderTable, renderYaml, section, type DESCRIBE_FORMATS, type Item } from '../objects/output';
import { totalsText } from './invoice-money';
import { invoicePath, invoiceRef } from './invoice-ref';

/** When an item's charge falls: a one-time charge at an instant, else the stretch it covers (end exclusive). */
function periodCovered(item: Item): string {
  const start = String(item.period_start);
  const end = String(item.period_end);
  return start === end ? `once, ${start}` : `${start} to ${end}`;
}

const ITEM_COLUMNS = [
  { header: 'resource', value: (i: Item) => i.resource_name },
  { header: 'component', value: (i: Item) => i.component },
  { header: 'quantity', value: (i: Item) => i.quantity },
  {
    header: 'unit price',
    value: (i: Item) => `${String(i.unit_price)} ${String(i.currency)} / ${String(i.plan_unit)}`,
  },
  { header: 'period covered', value: periodCovered },
  { header: 'amount', value: (i: Item) => `${String(i.amount)} ${String(i.currency)}` },
];

/**
 * `mercato describe invoice ORG PERIOD` (or `invoice ORG/PERIOD`): the invoice as JSON or YAML,
 * or a readable page: what it is, its items as a table (one per resource, component and stretch
 * of the month) and its totals per currency.
 */
export async function describeInvoice(
  client: MercatoClient,
  ref: string,
  period: string | undefined,
  output?: (typeof DESCRIBE_FORMATS)[number],
): Promise<string> {
  const invoice = await client.get<Item>(invoicePath(await invoiceRef(client, ref, period)));
  if (output === 'json') return renderJson(invoice);
  if (output === 'yaml') return renderYaml(invoice);
  const { items, totals, ...head } = invoice as Item & { items: Item[]; totals: Item[] };
  const organization = await client.find<Item>(`/organizations/${String(invoice.organization_id)}`);
  return [
    renderYaml({ ...head, organization: organization?.name ?? null, total: totalsText(totals) }),
    section('Items', items, renderTable(items, ITEM_COLUMNS)),
    section(
      'Totals',
      totals,
      renderTable(totals, [
        { header: 'currency', value: (t) => t.currency },
        { header: 'amount', value: (t) => t.amount },
      ]),
    ),
  ].join('\n\n');
}
