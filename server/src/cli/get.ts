import { CliError } from './cli-error';
import type { MercatoClient, Query } from './client';
import { findKind, type FilterName, type Kind } from './kinds';
import { renderList, type Item, type OutputFormat } from './output';
import { maskSecrets } from './secret-values';
import { resolveCategoryId, resolveOfferingId, resolveOrganizationId, resolveProjectId } from './references';

/** Options of `mercato get`, as commander parses them. `q` and `search` are the same filter. */
export interface GetOptions {
  output?: OutputFormat;
  category?: string;
  platform?: string;
  status?: string;
  q?: string;
  search?: string;
  organization?: string;
  project?: string;
  offering?: string;
  version?: string;
  tags?: string;
  sort?: string;
}

type Resolver = (client: MercatoClient, ref: string) => Promise<string>;

/** Filters that name another object and need its id. */
const RESOLVERS: Partial<Record<FilterName, Resolver>> = {
  category: resolveCategoryId,
  organization: resolveOrganizationId,
  project: resolveProjectId,
  offering: resolveOfferingId,
};

function filterValues(options: GetOptions): Partial<Record<FilterName, string>> {
  const { output: _output, q, search, ...rest } = options;
  return { ...rest, search: search ?? q };
}

/** The list query for the given filters; refuses a filter the kind has no use for rather than ignore it. */
export async function buildQuery(client: MercatoClient, kind: Kind, options: GetOptions): Promise<Query> {
  const query: Query = {};
  for (const [filter, value] of Object.entries(filterValues(options)) as [FilterName, string | undefined][]) {
    if (value === undefined) continue;
    const parameter = kind.filters[filter];
    if (!parameter) throw new CliError(`${kind.plural} cannot be filtered by --${filter}${describeFilters(kind)}`);
    const resolve = RESOLVERS[filter];
    query[parameter] = resolve ? await resolve(client, value) : value;
  }
  return query;
}

function describeFilters(kind: Kind): string {
  const names = Object.keys(kind.filters);
  return names.length ? `; it accepts ${names.map((n) => `--${n}`).join(', ')}` : '; it takes no filters';
}

/** `mercato get <kind>`: every matching object (all pages), rendered in the chosen format. */
export async function runGet(client: MercatoClient, kindName: string, options: GetOptions = {}): Promise<string> {
  const kind = findKind(kindName);
  const items = maskSecrets(await client.listAll<Item>(`/${kind.plural}`, await buildQuery(client, kind, options)));
  const format = options.output ?? 'table';
  if (format === 'table' && items.length === 0) return `No ${kind.plural} found.`;
  return renderList(items, kind.columns, format);
}
