import type { Kysely, Migration } from 'kysely';
import { bumpOnChange } from './cache-generations-migration';

const MISSING_PARTS =
  'stays draft until it has a plan that is not archived and a version: an offering is active only with a category, a plan and a version';

/**
 * The offering rules (catalog/offering-activation.ts, catalog/offering-audience.ts):
 * - `requested_status` (the status its provider asked for) beside `status` (the effective one)
 *   and `status_reason`. Offerings keep their status as asked; an active one without a plan that
 *   is not archived or without a version becomes a draft, as the rule says from now on (its
 *   provider sees why in `status_reason`; adding what is missing makes it active again).
 * - `visibility` (`public` for every existing offering) and `offering_audience`, the organizations
 *   and projects a restricted offering is shown to, part of the catalog the search index is built
 *   from (its changes bump the `catalog` cache generation).
 */
export const offeringRules: Migration = {
  async up(db: Kysely<any>) {
    for (const [column, initial] of [
      ['requested_status', ''],
      ['status_reason', ''],
      ['visibility', 'public'],
    ])
      await db.schema
        .alterTable('offerings')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo(initial))
        .execute();
    await db
      .updateTable('offerings')
      .set((eb) => ({ requested_status: eb.ref('status') }))
      .execute();
    await db
      .updateTable('offerings')
      .set({ status: 'draft', status_reason: MISSING_PARTS })
      .where('status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb.not(
            eb.exists(
              eb
                .selectFrom('plans')
                .select('plans.id')
                .whereRef('plans.offering_id', '=', 'offerings.id')
                .where('plans.archived', '=', 0),
            ),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('offering_versions')
                .select('offering_versions.id')
                .whereRef('offering_versions.offering_id', '=', 'offerings.id'),
            ),
          ),
        ]),
      )
      .execute();
    await db.schema
      .createTable('offering_audience')
      .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('offering_audience_pk', ['offering_id', 'organization_id', 'project_id'])
      .execute();
    await bumpOnChange(db, 'catalog', ['offering_audience']);
  },
};
