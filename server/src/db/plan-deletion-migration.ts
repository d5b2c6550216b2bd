import type { Kysely, Migration } from 'kysely';

/**
 * Deleting a plan hides it and keeps it, as deleting an offering does (migration 003): the months
 * not closed yet that bill its resources need its name and prices, and a provider who tears its
 * offering down with `terraform destroy` must not wait for the month's close. Live rows have no
 * deleted_at.
 */
export const planDeletion: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('plans').addColumn('deleted_at', 'text').execute();
  },
};
