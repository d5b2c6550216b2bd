import { OFFERING_PLATFORMS, OFFERING_STATUSES, OFFERING_VERSION_STATUSES, ORDER_STATES, RESOURCE_STATES } from '@mercato/api';
import { CliError } from '../cli-error';
import { formatAge, type Column, type Item } from './output';

/** The filters `mercato get` offers; each kind maps the ones it supports to its query parameter. */
export const FILTERS = ['category', 'platform', 'status', 'search', 'organization', 'project', 'offering', 'version', 'tags', 'sort'] as const;
export type FilterName = (typeof FILTERS)[number];

/** A kind of object as the CLI knows it: where it lives in the API, its names, its table. */
export interface Kind {
  /** The collection in the API (`/api/v1/<plural>`) and the kind's canonical name. */
  plural: string;
  singular: string;
  aliases: string[];
  columns: Column[];
  filters: Partial<Record<FilterName, string>>;
  /** Filters whose values are a closed set, the API's own enumeration: any other value is an error. */
  choices?: Partial<Record<FilterName, readonly string[]>>;
  /** Kept, and listed on request (`include_deleted`), when their project or offering is deleted. */
  keepsHistory?: boolean;
}

const text = (field: string) => (item: Item) => item[field];
const column = (header: string, field: string): Column => ({ header, value: text(field) });
const ID = column('id', 'id');
const AGE: Column = { header: 'age', value: (item) => formatAge(item.created_at) };

export const KINDS: Kind[] = [
  {
    plural: 'organizations',
    singular: 'organization',
    aliases: ['org', 'orgs'],
    columns: [ID, column('name', 'name'), AGE],
    filters: {},
  },
  {
    plural: 'projects',
    singular: 'project',
    aliases: ['proj'],
    columns: [ID, column('name', 'name'), column('organization', 'organization_id'), AGE],
    filters: { organization: 'organization_id' },
  },
  {
    plural: 'users',
    singular: 'user',
    aliases: [],
    columns: [ID, column('username', 'username'), column('email', 'email'), { header: 'staff', value: (u) => (u.is_staff ? 'yes' : 'no') }, AGE],
    filters: {},
  },
  {
    plural: 'categories',
    singular: 'category',
    aliases: ['cat'],
    columns: [ID, column('title', 'title'), AGE],
    filters: {},
  },
  {
    plural: 'offerings',
    singular: 'offering',
    aliases: ['of'],
    columns: [ID, column('slug', 'slug'), column('name', 'name'), column('type', 'type'), column('platform', 'platform'), column('status', 'status'), column('latest', 'latest_version'), column('tags', 'tags')],
    filters: { category: 'category_id', platform: 'platform', status: 'status', search: 'q', organization: 'organization_id', version: 'version', tags: 'tags', sort: 'sort' },
    choices: { platform: OFFERING_PLATFORMS, status: OFFERING_STATUSES },
  },
  {
    plural: 'offering-versions',
    singular: 'offering-version',
    aliases: ['version', 'versions', 'ov'],
    columns: [ID, column('offering', 'offering_id'), column('version', 'version'), column('status', 'status'), AGE],
    filters: { offering: 'offering_id', version: 'version', status: 'status' },
    choices: { status: OFFERING_VERSION_STATUSES },
  },
  {
    plural: 'plans',
    singular: 'plan',
    aliases: [],
    columns: [ID, column('name', 'name'), column('offering', 'offering_id'), column('unit', 'unit'), column('prices', 'prices'), { header: 'archived', value: (p) => (p.archived ? 'yes' : 'no') }],
    filters: { offering: 'offering_id' },
  },
  {
    plural: 'orders',
    singular: 'order',
    aliases: ['ord'],
    columns: [ID, column('type', 'type'), column('state', 'state'), column('project', 'project_id'), column('offering', 'offering_id'), column('resource', 'resource_id'), AGE],
    filters: { project: 'project_id', offering: 'offering_id', status: 'state' },
    choices: { status: ORDER_STATES },
    keepsHistory: true,
  },
  {
    plural: 'resources',
    singular: 'resource',
    aliases: ['res'],
    columns: [ID, column('name', 'name'), column('state', 'state'), column('project', 'project_id'), column('offering', 'offering_id'), column('version', 'version'), column('backend id', 'backend_id'), AGE],
    filters: { project: 'project_id', offering: 'offering_id', status: 'state' },
    choices: { status: RESOURCE_STATES },
    keepsHistory: true,
  },
  {
    plural: 'events',
    singular: 'event',
    aliases: ['ev'],
    columns: [column('time', 'created_at'), column('action', 'action'), column('object type', 'object_type'), column('object', 'object_id'), column('actor', 'actor_id')],
    filters: { organization: 'organization_id', project: 'project_id' },
  },
];

/** A kind by its plural, singular or short name, case-insensitive: `offerings`, `offering`, `of`. */
export function findKind(name: string): Kind {
  const wanted = name.toLowerCase();
  const kind = KINDS.find((k) => k.plural === wanted || k.singular === wanted || k.aliases.includes(wanted));
  if (!kind) throw new CliError(`unknown kind "${name}"; one of ${KINDS.map((k) => k.plural).join(', ')}`);
  return kind;
}
