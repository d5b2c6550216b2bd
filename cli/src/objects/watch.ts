import type { MercatoClient } from '@mercato/api';
import { buildQuery, type GetOptions } from './get';
import { columnsFor, findKind, qualifiedName, type Kind } from './kinds';
import { referencesOf } from './list-output';
import { NameBook } from './names';
import { alignRows, columnWidths, renderYaml, tableRows, type Item } from './output';
import { maskSecrets } from './secret-values';

/** How often a watch asks the API again, in milliseconds. */
const WATCH_INTERVAL_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `mercato get <kind> --watch`, as `kubectl get -w`: the list first, then each object again
 * whenever it appears or changes (the API is asked again every `intervalMs`), until the process
 * is interrupted. A table prints its header once and a row per change, aligned with the first
 * rows; JSON prints one object per line (JSON Lines), YAML one document per object, `name` its
 * `kind/name`. An object that leaves the list (deleted, or out of a `--status` filter) is not printed.
 */
export async function watchList(
  client: MercatoClient,
  kindName: string,
  options: GetOptions,
  print: (text: string) => void,
  intervalMs = WATCH_INTERVAL_MS,
): Promise<never> {
  const kind = findKind(kindName);
  const query = await buildQuery(client, kind, options);
  const show = changesPrinter(client, kind, options.output ?? 'table', print);
  const seen = new Map<string, string>();
  for (;;) {
    const items = maskSecrets(await client.listAll<Item>(`/${kind.plural}`, query));
    const changed = items.filter((item) => seen.get(String(item.id)) !== JSON.stringify(item));
    for (const item of changed) seen.set(String(item.id), JSON.stringify(item));
    await show(changed);
    await sleep(intervalMs);
  }
}

/** Prints objects as they change, in the chosen format; a table's header and widths come from the first call. */
function changesPrinter(
  client: MercatoClient,
  kind: Kind,
  format: NonNullable<GetOptions['output']>,
  print: (text: string) => void,
): (items: Item[]) => Promise<void> {
  if (format === 'json') return async (items) => items.forEach((item) => print(JSON.stringify(item)));
  if (format === 'yaml') return async (items) => items.forEach((item) => print(`---\n${renderYaml(item)}`));
  if (format === 'name') return async (items) => items.forEach((item) => print(qualifiedName(kind, item)));
  const columns = columnsFor(kind, format);
  const names = new NameBook();
  let widths: number[] | undefined;
  return async (items) => {
    const rows = tableRows(items, columns, await names.learn(client, items, referencesOf(columns)));
    const header = widths === undefined;
    widths ??= columnWidths(rows);
    const lines = alignRows(rows, widths);
    for (const line of header ? lines : lines.slice(1)) print(line);
  };
}
