import { NO_NAMES, type Names, type Named } from './names';

/** Formats of `get -o`: kubectl's (`wide` adds columns, `name` prints `kind/name` one per line). */
export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml', 'name'] as const;
/** Formats of `describe -o`; without one, a readable page. */
export const DESCRIBE_FORMATS = ['json', 'yaml'] as const;
/** Formats of the commands that write (`order`, `create`, `delete`); without one, a line saying what was done. */
export const WRITE_FORMATS = ['json', 'yaml', 'name'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type WriteFormat = (typeof WRITE_FORMATS)[number];

export type Item = Record<string, unknown>;

/** One column of a table: its header (upper-cased when drawn) and how to read a cell from an item. */
export interface Column {
  header: string;
  value: (item: Item, names: Names) => unknown;
  /** The cell is the name of the object whose id is in `field` of the item (`project_id` -> the project's name). */
  refersTo?: { collection: Named; field: string };
}

/** kubectl's look: upper-case headers, columns three spaces apart, `<none>` for an empty cell. */
export function renderTable(items: Item[], columns: Column[], names: Names = NO_NAMES): string {
  return alignRows(tableRows(items, columns, names)).join('\n');
}

/** The header row, then a row of cells per item. */
export function tableRows(items: Item[], columns: Column[], names: Names = NO_NAMES): string[][] {
  return [
    columns.map((c) => c.header.toUpperCase()),
    ...items.map((item) => columns.map((c) => formatCell(c.value(item, names)))),
  ];
}

/** Each column as wide as its widest cell. */
export function columnWidths(rows: string[][]): number[] {
  return rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
}

/** Rows as lines, cells padded to `widths` and three spaces apart, no trailing spaces. */
export function alignRows(rows: string[][], widths: number[] = columnWidths(rows)): string[] {
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('   ')
      .trimEnd(),
  );
}

/** A cell on one line: lists joined by commas, maps as `key=value`, nothing as `<none>`. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '<none>';
  if (Array.isArray(value)) return value.length ? value.map(formatCell).join(',') : '<none>';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Item);
    return entries.length ? entries.map(([k, v]) => `${k}=${formatCell(v)}`).join(',') : '<none>';
  }
  return String(value).replace(/\s+/g, ' ').trim();
}

/** How long ago, in kubectl's short units: `45s`, `12m`, `3h`, `5d`, `2y`. */
export function formatAge(timestamp: unknown, now: Date = new Date()): string {
  const then = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(then)) return '<unknown>';
  const seconds = Math.max(0, Math.floor((now.getTime() - then) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 120 * 60) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)}h`;
  if (seconds < 730 * 86400) return `${Math.floor(seconds / 86400)}d`;
  return `${Math.floor(seconds / (365 * 86400))}y`;
}

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Long strings (descriptions, cloud-init scripts) stay unfolded, so they read and copy as written. */
export function renderYaml(value: unknown): string {
  // Loaded when asked for: tables, the usual output, do without it.
  const YAML: typeof import('yaml') = require('yaml');
  return YAML.stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A titled, indented table; `<none>` when there are no items. */
export function section(title: string, items: Item[], table: string): string {
  const body = items.length ? table : '<none>';
  return `${title}:\n${body
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}`;
}
