import type { Kysely, Migration } from 'kysely';
import { firstFreeSlug, slugify } from '../slugs';

/**
 * Organizations get a `slug`, unique: the namespace of their modules and providers in the
 * Terraform registry (`<host>/<slug>/<name>/<system>`). Existing organizations get one derived
 * from their name, in the order they were made; a deleted one's slug is set aside (`slug~id`, as
 * a deleted offering's is), so that a new organization may take it.
 */
export const organizationSlugs: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('organizations')
      .addColumn('slug', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'deleted_at'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const taken = new Set<string>();
    for (const row of rows) {
      const slug = firstFreeSlug(slugify(row.name, 'organization'), taken);
      taken.add(slug);
      await db
        .updateTable('organizations')
        .set({ slug: row.deleted_at ? `${slug}~${row.id}` : slug })
        .where('id', '=', row.id)
        .execute();
    }
    await db.schema.createIndex('organizations_slug').on('organizations').column('slug').unique().execute();
  },
};
