import type { MercatoClient } from '@mercato/api';
import { columnsFor, qualifiedName, type Kind } from './kinds';
import { NameBook } from './names';
import { renderJson, renderTable, renderYaml, type Column, type Item, type OutputFormat } from './output';

/** What a table of these columns refers to by id, so that it can show names instead. */
export const referencesOf = (columns: Column[]) => columns.flatMap((c) => (c.refersTo ? [c.refersTo] : []));

/**
 * Objects of a kind in the chosen format: a table (names in place of the ids it refers to),
 * every field as JSON or YAML, or `kind/name` per line. Items come with their secrets masked.
 */
export async function renderItems(
  client: MercatoClient,
  kind: Kind,
  items: Item[],
  format: OutputFormat,
  names = new NameBook(),
): Promise<string> {
  if (format === 'json') return renderJson(items);
  if (format === 'yaml') return renderYaml(items);
  if (format === 'name') return items.map((item) => qualifiedName(kind, item)).join('\n');
  const columns = columnsFor(kind, format);
  return renderTable(items, columns, await names.learn(client, items, referencesOf(columns)));
}
