/**
 * Re-storing a version's configurations under its current schema. Apart from the orders repository
 * because a migration runs it too, and migrations must not depend on the request path's modules.
 */
import type { Kysely } from 'kysely';
import type { OfferingVersionRow, Tables } from '../db/tables';
import { storedAttributes, storedSecrets, wholeAttributes } from './secret-attributes';

/**
 * Stores the configurations of a version's resources and orders again after its schema changed:
 * a property it now marks secret leaves `attributes`; one it no longer marks stays secret.
 */
export async function storeAgainUnderSchema(
  trx: Kysely<Tables>,
  version: Pick<OfferingVersionRow, 'offering_id' | 'version' | 'options_schema'>,
) {
  for (const table of ['resources', 'orders'] as const) {
    const rows = await trx
      .selectFrom(table)
      .select(['id', 'attributes', 'secret_attributes'])
      .where('offering_id', '=', version.offering_id)
      .where('version', '=', version.version)
      .execute();
    for (const row of rows) {
      const columns = storedAttributes(version, wholeAttributes(row), storedSecrets(row.secret_attributes));
      if (columns.attributes === row.attributes && columns.secret_attributes === row.secret_attributes) continue;
      await trx.updateTable(table).set(columns).where('id', '=', row.id).execute();
    }
  }
}
