import { isId, type MercatoClient, type Query } from '@mercato/api';
import { CliError } from '../cli-error';
import { NAME_FIELDS, type Named } from './names';
import type { Item } from './output';

/**
 * People name things (`--category databases`, `--offering postgresql`, `--project team-a`); the
 * API wants ids. These turn a name into an id, and pass an id through untouched.
 */

/** The singular of a collection, as messages say it: `offering-versions` -> `offering-version`. */
const singular = (collection: string) =>
  collection.endsWith('ies') ? `${collection.slice(0, -3)}y` : collection.replace(/s$/, '');

/**
 * The id of the object of `collection` named `ref` (`NAME_FIELDS`, case-insensitive), among those
 * `scope` selects (`{ offering_id }` for a plan): lists the collection, which is small enough.
 * An error names what is known when nothing matches, and asks for the id when several do.
 */
export async function resolveId(
  client: MercatoClient,
  collection: Named,
  ref: string,
  scope: Query = {},
  where = '',
): Promise<string> {
  if (isId(ref)) return ref;
  const field = NAME_FIELDS[collection];
  const items = await client.listAll<Item>(`/${collection}`, scope);
  const matches = items.filter((item) => String(item[field]).toLowerCase() === ref.toLowerCase());
  if (matches.length === 1) return String(matches[0].id);
  if (matches.length > 1)
    throw new CliError(`${matches.length} ${collection}${where} are named "${ref}"; give the id instead`);
  const known = [...new Set(items.map((item) => String(item[field])))].sort();
  throw new CliError(
    `no ${singular(collection)} "${ref}"${where}${known.length ? `; known: ${known.join(', ')}` : ''}`,
  );
}

export const resolveCategoryId = (client: MercatoClient, ref: string) => resolveId(client, 'categories', ref);
/** An organization by id, by slug (its namespace in the registry) or by name. */
export async function resolveOrganizationId(client: MercatoClient, ref: string): Promise<string> {
  if (isId(ref)) return ref;
  const [bySlug] = await client.listAll<Item>('/organizations', { slug: ref });
  return bySlug ? String(bySlug.id) : resolveId(client, 'organizations', ref);
}
export const resolveProjectId = (client: MercatoClient, ref: string) => resolveId(client, 'projects', ref);
export const resolveUserId = (client: MercatoClient, ref: string) => resolveId(client, 'users', ref);

/** The server answers `/offerings/<slug>` as well as `/offerings/<id>`. */
export async function resolveOfferingId(client: MercatoClient, ref: string): Promise<string> {
  if (isId(ref)) return ref;
  return (await client.get<{ id: string }>(`/offerings/${encodeURIComponent(ref)}`)).id;
}

/** A plan by name among the offering's. */
export const resolvePlanId = (client: MercatoClient, offeringId: string, ref: string, offering = offeringId) =>
  resolveId(client, 'plans', ref, { offering_id: offeringId }, ` in offering ${offering}`);
