import { isId } from '@mercato/api';
import { CliError } from '../cli-error';
import type { MercatoClient } from '@mercato/api';
import type { Item } from './output';

/**
 * People name things (`--category databases`, `--offering postgresql`); the API filters by id.
 * These turn a name into an id, and pass an id through untouched.
 */

/** Lists the collection and matches `field` case-insensitively; the catalog is small enough to list. */
async function idByName(client: MercatoClient, collection: string, field: string, kind: string, ref: string): Promise<string> {
  if (isId(ref)) return ref;
  const items = await client.listAll<Item>(`/${collection}`);
  const matches = items.filter((item) => String(item[field]).toLowerCase() === ref.toLowerCase());
  if (matches.length === 1) return String(matches[0].id);
  if (matches.length > 1) throw new CliError(`${matches.length} ${collection} are named "${ref}"; give the id instead`);
  const known = items.map((item) => String(item[field])).sort();
  throw new CliError(`no ${kind} "${ref}"${known.length ? `; known: ${known.join(', ')}` : ''}`);
}

export const resolveCategoryId = (client: MercatoClient, ref: string) => idByName(client, 'categories', 'title', 'category', ref);
export const resolveOrganizationId = (client: MercatoClient, ref: string) => idByName(client, 'organizations', 'name', 'organization', ref);
export const resolveProjectId = (client: MercatoClient, ref: string) => idByName(client, 'projects', 'name', 'project', ref);

/** The server answers `/offerings/<slug>` as well as `/offerings/<id>`. */
export async function resolveOfferingId(client: MercatoClient, ref: string): Promise<string> {
  if (isId(ref)) return ref;
  return (await client.get<{ id: string }>(`/offerings/${encodeURIComponent(ref)}`)).id;
}
