import type { MercatoClient, Query } from '@mercato/api';
import { buildQuery, listOf, type GetOptions } from './get';
import { columnsFor, findKind, qualifiedName, type Kind } from './kinds';
import { referencesOf } from './list-output';
import { NameBook } from './names';
import { orderVersionsSince } from './order-history';
import { alignRows, columnWidths, renderYaml, tableRows, type Item } from './output';
import { maskSecrets } from './secret-values';

/** How often a watch asks the API again, in milliseconds. */
const WATCH_INTERVAL_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `mercato get <kind> --watch`, as `kubectl get -w`: the list first, then each object again
 * whenever it appears or changes (the API is asked again every `intervalMs`), until the process
 * is interrupted. An order is printed once for every state it entered, also those it left
 * before the next look (erred, then retried at once): they are read from its events
 * (order-history.ts), and `--status` selects among them. A table prints its header once and a
 * row per change, aligned with the first rows; JSON prints one object per line (JSON Lines),
 * YAML one document per object, `name` its `kind/name`. An object that leaves the list
 * (deleted, or out of a `--status` filter) is not printed.
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
  const changes = kind.plural === 'orders' ? orderChanges(client, query) : objectChanges(client, kind, query);
  for (;;) {
    await show(await changes());
    await sleep(intervalMs);
  }
}

/** Each call lists the kind and answers the objects that appeared or changed since the call before (at first, all). */
function objectChanges(client: MercatoClient, kind: Kind, query: Query): () => Promise<Item[]> {
  const seen = new Map<string, string>();
  return async () => {
    const items = maskSecrets(await listOf(client, kind, query));
    const changed = items.filter((item) => seen.get(String(item.id)) !== JSON.stringify(item));
    for (const item of changed) seen.set(String(item.id), JSON.stringify(item));
    return changed;
  };
}

/**
 * `objectChanges` for orders, with every state an order entered since the call before
 * (`orderVersionsSince`; at first, the list as it is). Orders are listed without the state
 * filter (`--status`), which selects among those versions instead: an order that errs and is
 * retried between two calls is printed by `--status erred`.
 */
function orderChanges(client: MercatoClient, query: Query): () => Promise<Item[]> {
  const { state, ...listed } = query;
  const seen = new Map<string, Item>();
  let first = true;
  return async () => {
    const items = maskSecrets(await client.listAll<Item>('/orders', listed));
    const versions: Item[] = [];
    for (const item of items) {
      const last = seen.get(String(item.id));
      if (JSON.stringify(last) === JSON.stringify(item)) continue;
      versions.push(...(first ? [item] : await orderVersionsSince(client, last, item)));
      seen.set(String(item.id), item);
    }
    first = false;
    return state === undefined ? versions : versions.filter((version) => version.state === state);
  };
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
