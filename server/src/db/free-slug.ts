import type { Db } from './database';
import { firstFreeSlug, slugify } from '../slugs';

/**
 * The first slug derived from `name` (`base`, `base-2`, ...) that no row of `table` has (a deleted
 * row's slug is set aside as `slug~id`, so it is free again). Free when read: a row written
 * meanwhile may take it, which the table's unique index then refuses.
 */
export async function freeSlug(
  db: Db,
  table: 'offerings' | 'organizations',
  name: string,
  fallback: string,
): Promise<string> {
  const base = slugify(name, fallback);
  const rows = await db
    .selectFrom(table)
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}
