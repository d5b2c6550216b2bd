import {
  OFFERING_PLATFORMS,
  OFFERING_STATUSES,
  OFFERING_VERSION_STATUSES,
  ORDER_STATES,
  RESOURCE_STATES,
} from '@mercato/api';
import { CliError } from '../cli-error';
import { totalsText } from '../billing/invoice-money';
import { NAME_FIELDS, type Named } from './names';
import { formatAge, type Column, type Item } from './output';

/** The filters `mercato get` offers; each kind maps the ones it supports to its query parameter. */
export const FILTERS = [
  'category',
  'platform',
  'status',
  'search',
  'organization',
  'project',
  'offering',
  'version',
  'tags',
  'sort',
  'period',
] as const;
export type FilterName = (typeof FILTERS)[number];

/** A kind of object as the CLI knows it: where it lives in the API, its names, its table. */
export interface Kind {
  /** The collection in the API (`/api/v1/<plural>`) and the kind's canonical name. */
  plural: string;
  singular: string;
  aliases: string[];
  columns: Column[];
  /** Columns `-o wide` adds after `columns`. */
  wide: Column[];
  filters: Partial<Record<FilterName, string>>;
  /** Filters whose values are a closed set, the API's own enumeration: any other value is an error. */
  choices?: Partial<Record<FilterName, readonly string[]>>;
  /** Kept, and listed on request (`include_deleted`), when their project or offering is deleted. */
  keepsHistory?: boolean;
  /**
   * What `-o name` prints after `<singular>/`, when not the kind's name field (NAME_FIELDS: an
   * organization's name, an offering's slug...), or the id for a kind without one (orders, events).
   */
  nameOf?: (item: Item) => string;
  /** Answered in one piece, `{items}` without cursor pages (invoices: a month each, or one organization's months). */
  unpaged?: boolean;
  /** The filters a list of this kind cannot do without: what to say when none of them is given, before any request. */
  needsOneOf?: { filters: FilterName[]; message: string };
}

const text = (field: string) => (item: Item) => item[field];
const column = (header: string, field: string): Column => ({ header, value: text(field) });
/** The name of the object whose id is in `field` (`project_id` -> the project's name). */
const nameColumn = (header: string, field: string, collection: Named): Column => ({
  header,
  value: (item, names) => names.label(collection, item[field]),
  refersTo: { collection, field },
});
const yesNo = (header: string, field: string): Column => ({ header, value: (item) => (item[field] ? 'yes' : 'no') });
const ID = column('id', 'id');
const AGE: Column = { header: 'age', value: (item) => formatAge(item.created_at) };
const DESCRIPTION = column('description', 'description');

export const KINDS: Kind[] = [
  {
    plural: 'organizations',
    singular: 'organization',
    aliases: ['org', 'orgs'],
    columns: [ID, column('name', 'name'), column('slug', 'slug'), AGE],
    wide: [DESCRIPTION],
    filters: {},
  },
  {
    plural: 'projects',
    singular: 'project',
    aliases: ['proj'],
    columns: [ID, column('name', 'name'), nameColumn('organization', 'organization_id', 'organizations'), AGE],
    wide: [DESCRIPTION],
    filters: { organization: 'organization_id' },
  },
  {
    plural: 'users',
    singular: 'user',
    aliases: [],
    columns: [ID, column('username', 'username'), column('email', 'email'), yesNo('staff', 'is_staff'), AGE],
    wide: [],
    filters: {},
  },
  {
    plural: 'categories',
    singular: 'category',
    aliases: ['cat'],
    columns: [ID, column('title', 'title'), AGE],
    wide: [DESCRIPTION],
    filters: {},
  },
  {
    plural: 'offerings',
    singular: 'offering',
    aliases: ['of'],
    columns: [
      ID,
      column('slug', 'slug'),
      column('name', 'name'),
      column('type', 'type'),
      column('platform', 'platform'),
      column('status', 'status'),
      column('latest', 'latest_version'),
      column('tags', 'tags'),
    ],
    wide: [
      nameColumn('category', 'category_id', 'categories'),
      nameColumn('provider', 'organization_id', 'organizations'),
      column('versions', 'versions'),
      yesNo('auto approve', 'auto_approve'),
    ],
    filters: {
      category: 'category_id',
      platform: 'platform',
      status: 'status',
      search: 'q',
      organization: 'organization_id',
      version: 'version',
      tags: 'tags',
      sort: 'sort',
    },
    choices: { platform: OFFERING_PLATFORMS, status: OFFERING_STATUSES },
  },
  {
    plural: 'offering-versions',
    singular: 'offering-version',
    aliases: ['version', 'versions', 'ov'],
    columns: [
      ID,
      nameColumn('offering', 'offering_id', 'offerings'),
      column('version', 'version'),
      column('status', 'status'),
      AGE,
    ],
    wide: [column('replacement', 'replacement_version'), column('deprecation', 'deprecation_message')],
    filters: { offering: 'offering_id', version: 'version', status: 'status' },
    choices: { status: OFFERING_VERSION_STATUSES },
  },
  {
    plural: 'plans',
    singular: 'plan',
    aliases: [],
    columns: [
      ID,
      column('name', 'name'),
      nameColumn('offering', 'offering_id', 'offerings'),
      column('unit', 'unit'),
      column('currency', 'currency'),
      column('prices', 'prices'),
      yesNo('archived', 'archived'),
    ],
    wide: [DESCRIPTION],
    filters: { offering: 'offering_id' },
  },
  {
    plural: 'orders',
    singular: 'order',
    aliases: ['ord'],
    columns: [
      ID,
      column('type', 'type'),
      column('state', 'state'),
      nameColumn('project', 'project_id', 'projects'),
      nameColumn('offering', 'offering_id', 'offerings'),
      nameColumn('resource', 'resource_id', 'resources'),
      AGE,
    ],
    wide: [
      nameColumn('plan', 'plan_id', 'plans'),
      column('version', 'version'),
      nameColumn('created by', 'created_by', 'users'),
      column('awaiting', 'awaiting'),
      column('reason', 'reason'),
    ],
    filters: { project: 'project_id', offering: 'offering_id', status: 'state' },
    choices: { status: ORDER_STATES },
    keepsHistory: true,
  },
  {
    plural: 'resources',
    singular: 'resource',
    aliases: ['res'],
    columns: [
      ID,
      column('name', 'name'),
      column('state', 'state'),
      nameColumn('project', 'project_id', 'projects'),
      nameColumn('offering', 'offering_id', 'offerings'),
      column('version', 'version'),
      column('backend id', 'backend_id'),
      AGE,
    ],
    wide: [nameColumn('plan', 'plan_id', 'plans'), column('limits', 'limits'), column('outputs', 'outputs')],
    filters: { project: 'project_id', offering: 'offering_id', status: 'state' },
    choices: { status: RESOURCE_STATES },
    keepsHistory: true,
  },
  {
    plural: 'quotas',
    singular: 'quota',
    aliases: [],
    columns: [
      ID,
      nameColumn('organization', 'organization_id', 'organizations'),
      nameColumn('project', 'project_id', 'projects'),
      column('component', 'component'),
      nameColumn('offering', 'offering_id', 'offerings'),
      column('usage', 'usage'),
      column('limit', 'limit'),
    ],
    wide: [AGE],
    filters: { organization: 'organization_id', project: 'project_id' },
    nameOf: (item) => String(item.id),
  },
  {
    plural: 'invoices',
    singular: 'invoice',
    aliases: ['inv'],
    columns: [
      nameColumn('organization', 'organization_id', 'organizations'),
      column('period', 'period'),
      column('state', 'state'),
      { header: 'totals', value: (item) => totalsText(item.totals) },
      { header: 'items', value: (item) => (Array.isArray(item.items) ? item.items.length : 0) },
    ],
    wide: [column('id', 'id'), column('closed at', 'closed_at')],
    filters: { organization: 'organization_id', period: 'period' },
    // `describe invoice ORG/PERIOD` finds it again
    nameOf: (item) => `${String(item.organization_id)}/${String(item.period)}`,
    unpaged: true,
    needsOneOf: {
      filters: ['organization', 'period'],
      message:
        "give --organization ORG (its invoices; with --period YYYY-MM, that month's); staff may give --period alone, for every organization",
    },
  },
  {
    plural: 'events',
    singular: 'event',
    aliases: ['ev'],
    columns: [
      column('time', 'created_at'),
      column('action', 'action'),
      column('object type', 'object_type'),
      column('object', 'object_id'),
      nameColumn('actor', 'actor_id', 'users'),
    ],
    wide: [
      nameColumn('organization', 'organization_id', 'organizations'),
      nameColumn('project', 'project_id', 'projects'),
      column('id', 'id'),
    ],
    filters: { organization: 'organization_id', project: 'project_id' },
  },
  {
    plural: 'modules',
    singular: 'module',
    aliases: ['mod', 'mods'],
    columns: [
      column('module', 'path'),
      column('latest', 'latest_version'),
      column('visibility', 'visibility'),
      { header: 'updated', value: (item) => formatAge(item.updated_at) },
    ],
    wide: [nameColumn('organization', 'organization_id', 'organizations'), DESCRIPTION],
    filters: { search: 'q', organization: 'organization_id' },
    // Known by their path, as module sources and `describe module NAMESPACE/NAME/SYSTEM` write it.
    nameOf: (item) => String(item.path),
  },
  {
    plural: 'terraform-states',
    singular: 'terraform-state',
    aliases: ['tfstate', 'tfstates'],
    columns: [
      column('name', 'name'),
      nameColumn('project', 'project_id', 'projects'),
      column('serial', 'serial'),
      column('lineage', 'lineage'),
      { header: 'updated', value: (item) => (item.updated_at ? formatAge(item.updated_at) : '') },
      column('by', 'updated_by_username'),
      { header: 'locked by', value: (item) => lockHolder(item.lock) },
    ],
    wide: [column('version', 'version'), column('terraform', 'terraform_version'), column('bytes', 'size'), ID],
    filters: { project: 'project_id' },
    // deleted states (their versions are kept) with --include-deleted
    keepsHistory: true,
    // `describe terraform-state <project id>/<name>` finds it again
    nameOf: (item) => `${String(item.project_id)}/${String(item.name)}`,
  },
];

/** Who holds a Terraform state's lock: the Mercato user and Terraform's `user@host`; '' when unlocked. */
function lockHolder(lock: unknown): string {
  if (!lock || typeof lock !== 'object') return '';
  const { locked_by_username: user, who } = lock as Item;
  return who ? `${String(user ?? '')} (${String(who)})` : String(user ?? '');
}

/** A kind by its plural, singular or short name, case-insensitive: `offerings`, `offering`, `of`. */
export function findKind(name: string): Kind {
  const wanted = name.toLowerCase();
  const kind = KINDS.find((k) => k.plural === wanted || k.singular === wanted || k.aliases.includes(wanted));
  if (!kind) throw new CliError(`unknown kind "${name}"; one of ${KINDS.map((k) => k.plural).join(', ')}`);
  return kind;
}

/** The columns of a table in this format: `wide` adds the kind's extra ones. */
export function columnsFor(kind: Kind, format: 'table' | 'wide'): Column[] {
  return format === 'wide' ? [...kind.columns, ...kind.wide] : kind.columns;
}

/**
 * `kind/name`, as `-o name` prints an object and as commands take one, kubectl's way: the name a
 * person knows it by (NAME_FIELDS: `organization/Acme`, `offering/postgresql`, `user/alice`,
 * `category/Databases`, `plan/small`, `offering-version/2.0.0`), or the id for a kind without
 * one, or an object whose name is empty (`order/<id>`, `event/<id>`).
 */
export function qualifiedName(kind: Kind, item: Item): string {
  return `${kind.singular}/${kind.nameOf ? kind.nameOf(item) : nameOrId(kind, item)}`;
}

function nameOrId(kind: Kind, item: Item): string {
  const field = NAME_FIELDS[kind.plural as Named] as string | undefined;
  const name = field === undefined ? undefined : item[field];
  return typeof name === 'string' && name !== '' ? name : String(item.id);
}
