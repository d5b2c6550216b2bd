/** Formats of `get -o`. */
export const OUTPUT_FORMATS = ['table', 'json', 'yaml'] as const;
/** Formats of `describe -o`; without one, a readable page. */
export const DESCRIBE_FORMATS = ['json', 'yaml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type Item = Record<string, unknown>;

/** One column of a table: its header (upper-cased when drawn) and how to read a cell from an item. */
export interface Column {
  header: string;
  value: (item: Item) => unknown;
}

/** kubectl's look: upper-case headers, columns three spaces apart, `<none>` for an empty cell. */
export function renderTable(items: Item[], columns: Column[]): string {
  const rows = [columns.map((c) => c.header.toUpperCase()), ...items.map((item) => columns.map((c) => formatCell(c.value(item))))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('   ').trimEnd()).join('\n');
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
  const YAML = require('yaml') as typeof import('yaml');
  return YAML.stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A list as the chosen format: a table of the chosen columns, or every field as JSON or YAML. */
export function renderList(items: Item[], columns: Column[], format: OutputFormat): string {
  if (format === 'json') return renderJson(items);
  if (format === 'yaml') return renderYaml(items);
  return renderTable(items, columns);
}
