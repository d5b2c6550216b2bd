import type { Kysely, Migration } from 'kysely';
import type { Tables } from './tables';
import { json } from '../http/route-context';
import { secretPropertyPaths } from '../catalog/secret-properties';
import { storeAgainUnderSchema } from '../orders/secrets-restore';

/**
 * `secret_attributes` on resources and orders, and the secrets already stored in `attributes`
 * (under a version schema that marks them) moved there, so they stop showing at once.
 */
export const secretAttributes: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['resources', 'orders']) {
      await db.schema
        .alterTable(table)
        .addColumn('secret_attributes', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    }
    const versions = await db
      .selectFrom('offering_versions')
      .select(['offering_id', 'version', 'options_schema'])
      .execute();
    for (const version of versions) {
      if (secretPropertyPaths(json(version.options_schema, {})).length)
        await storeAgainUnderSchema(db as Kysely<Tables>, version);
    }
  },
};
