import type { MercatoClient } from '../client/mercato-client';

/**
 * Finds one object by id, or by a unique name among a filtered list; errors say what matched.
 */
export async function lookup<T extends { id: string }>(
  client: MercatoClient,
  collection: string,
  kind: string,
  by: {
    id?: string | null;
    field: keyof T & string;
    value?: string | null;
    filters?: Record<string, string | null | undefined>;
  },
): Promise<T> {
  if (by.id) {
    const found = await client.find<T>(`/${collection}/${encodeURIComponent(by.id)}`);
    if (!found) throw new Error(`no ${kind} with id ${by.id} (or you may not see it)`);
    return found;
  }
  if (!by.value) throw new Error(`set either id or ${by.field} to look up a ${kind}`);
  const filters = Object.fromEntries(Object.entries(by.filters ?? {}).filter(([, v]) => v));
  const matches = (await client.listAll<T>(`/${collection}`, filters)).filter((item) => item[by.field] === by.value);
  if (matches.length === 0) throw new Error(`no ${kind} with ${by.field} "${by.value}" (or you may not see it)`);
  if (matches.length > 1)
    throw new Error(`${matches.length} ${collection} have ${by.field} "${by.value}"; look it up by id instead`);
  return matches[0];
}
