/**
 * Slugs: the short names in URLs, registry addresses and `describe <kind> <slug>`. Lower-case
 * letters, digits and single hyphens between them; derived from a display name when none is given.
 */

/** What a slug may be: e.g. `acme`, `postgresql-15`. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** `name` lower-cased, each run of other characters one hyphen, at most 60 characters; `fallback` when nothing is left. */
export function slugify(name: string, fallback: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 60)
      .replace(/^-+|-+$/g, '') || fallback
  );
}

/** The first of `base`, `base-2`, `base-3`... not in `taken`. */
export function firstFreeSlug(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}
