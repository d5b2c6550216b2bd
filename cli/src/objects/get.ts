import { CliError } from '../cli-error';
import type { MercatoClient, Query } from '@mercato/api';
import { findKind, type FilterName, type Kind } from './kinds';
import { renderItems } from './list-output';
import type { Item, OutputFormat } from './output';
import { maskSecrets } from './secret-values';
import { checkedPeriod } from '../billing/invoice-ref';
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
  /** Invoices of this month, `YYYY-MM`. */
  period?: string;
  /** Orders and resources of deleted projects and offerings too (kept as history). */
  includeDeleted?: boolean;
  /** After the list, each object again whenever it changes (`watchList`). */
  watch?: boolean;
}

type Resolver = (client: MercatoClient, ref: string) => Promise<string>;

/** Filters that name another object and need its id. */
const RESOLVERS: Partial<Record<FilterName, Resolver>> = {
  category: resolveCategoryId,
  organization: resolveOrganizationId,
  project: resolveProjectId,
  offering: resolveOfferingId,
};

/** Filters whose values have a form to check before any request; each answers the value or throws a CliError naming the flag. */
const FORMS: Partial<Record<FilterName, (value: string) => string>> = {
  period: (value) => checkedPeriod(value, '--period'),
};

function filterValues(options: GetOptions): Partial<Record<FilterName, string>> {
  const { output: _output, includeDeleted: _includeDeleted, watch: _watch, q, search, ...rest } = options;
  return { ...rest, search: search ?? q };
}

/**
 * The list query for the given filters; refuses a filter the kind has no use for rather than
 * ignore it, and a value outside a closed set (matched regardless of case: `--status erred`).
 */
export async function buildQuery(client: MercatoClient, kind: Kind, options: GetOptions): Promise<Query> {
  const query: Query = {};
  const given = filterValues(options);
  if (kind.needsOneOf && !kind.needsOneOf.filters.some((f) => given[f] !== undefined))
    throw new CliError(`${kind.plural}: ${kind.needsOneOf.message}`);
  for (const [filter, value] of Object.entries(given) as [FilterName, string | undefined][]) {
    if (value === undefined) continue;
    const parameter = kind.filters[filter];
    if (!parameter) throw new CliError(`${kind.plural} cannot be filtered by --${filter}${describeFilters(kind)}`);
    const resolve = RESOLVERS[filter];
    const choices = kind.choices?.[filter];
    const form = FORMS[filter];
    query[parameter] = choices
      ? oneOf(filter, value, choices)
      : resolve
        ? await resolve(client, value)
        : form
          ? form(value)
          : value;
  }
  if (options.includeDeleted) {
    if (!kind.keepsHistory)
      throw new CliError(
        `--include-deleted lists orders and resources of deleted projects and offerings; ${kind.plural} have none`,
      );
    query.include_deleted = true;
  }
  return query;
}

function oneOf(filter: FilterName, value: string, choices: readonly string[]): string {
  const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
  if (match === undefined) throw new CliError(`unknown --${filter} "${value}"; one of ${choices.join(', ')}`);
  return match;
}

type KnownValues = (client: MercatoClient, query: Query) => Promise<string[]>;

/** Open sets: the values the catalog has now, for filters any text could be given to. */
const KNOWN_VALUES: Record<string, Partial<Record<FilterName, KnownValues>>> = {
  offerings: {
    version: async (client) =>
      (await client.get<{ facets: { version: { value: string }[] } }>('/offerings', { limit: 1 })).facets.version.map(
        (f) => f.value,
      ),
    tags: async (client) => [
      ...new Set(
        (await client.listAll<Item>('/offerings')).flatMap((o) => (o.tags as string[]).map((t) => t.toLowerCase())),
      ),
    ],
  },
  'offering-versions': {
    version: async (client, query) => [
      ...new Set(
        (await client.listAll<Item>('/offering-versions', { offering_id: query.offering_id })).map((v) =>
          String(v.version),
        ),
      ),
    ],
  },
};

/**
 * When nothing matched, a value no object has at all is a mistake (`--version 9.9.9`), not an
 * empty answer: names it and what the catalog has. Only then, so a match costs no extra request.
 */
async function refuseUnknownValues(
  client: MercatoClient,
  kind: Kind,
  options: GetOptions,
  query: Query,
): Promise<void> {
  for (const [filter, knownValues] of Object.entries(KNOWN_VALUES[kind.plural] ?? {}) as [FilterName, KnownValues][]) {
    const given = filterValues(options)[filter];
    if (given === undefined) continue;
    const known = (await knownValues(client, query)).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const values =
      filter === 'tags'
        ? given
            .split(',')
            .map((t) => t.trim().toLowerCase())
            .filter(Boolean)
        : [given];
    const unknown = values.filter((value) => !known.includes(value));
    if (unknown.length)
      throw new CliError(
        `unknown --${filter} "${unknown.join(',')}": no ${kind.singular} has it; known: ${known.join(', ') || '<none>'}`,
      );
  }
}

function describeFilters(kind: Kind): string {
  const names = Object.keys(kind.filters);
  return names.length ? `; it accepts ${names.map((n) => `--${n}`).join(', ')}` : '; it takes no filters';
}

/** Every object of the kind the query selects: all pages, or the one answer of an unpaged kind. */
export async function listOf(client: MercatoClient, kind: Kind, query: Query): Promise<Item[]> {
  if (kind.unpaged) return (await client.get<{ items: Item[] }>(`/${kind.plural}`, query)).items;
  return client.listAll<Item>(`/${kind.plural}`, query);
}

/** `mercato get <kind>`: every matching object (all pages), rendered in the chosen format. */
export async function runGet(client: MercatoClient, kindName: string, options: GetOptions = {}): Promise<string> {
  const kind = findKind(kindName);
  const query = await buildQuery(client, kind, options);
  const items = maskSecrets(await listOf(client, kind, query));
  if (items.length === 0) await refuseUnknownValues(client, kind, options, query);
  const format = options.output ?? 'table';
  if ((format === 'table' || format === 'wide') && items.length === 0) return `No ${kind.plural} found.`;
  return renderItems(client, kind, items, format);
}
