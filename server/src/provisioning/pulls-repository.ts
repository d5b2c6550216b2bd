import type { Db } from '../db/database';
import type { ResourceRow } from '../db/tables';

/** The SQL of pulling resources from their backends. */

/** The states in which a resource is pulled: it exists on its backend and no order is changing it. */
const PULLED_STATES = ['OK', 'Paused'];

/**
 * Up to `limit` resources of offerings of the given plugin types that are due (last pulled before
 * `dueBefore`, or never), least recently pulled first, with their offerings' options.
 */
export function resourcesDue(db: Db, types: string[], dueBefore: string, limit: number) {
  return db
    .selectFrom('resources')
    .innerJoin('offerings', 'offerings.id', 'resources.offering_id')
    .selectAll('resources')
    .select([
      'offerings.slug',
      'offerings.type',
      'offerings.plugin_options',
      'offerings.secret_options',
      'offerings.components',
    ])
    .where('resources.state', 'in', PULLED_STATES)
    .where('offerings.type', 'in', types)
    .where('resources.pulled_at', '<', dueBefore)
    .orderBy('resources.pulled_at')
    .limit(limit)
    .execute();
}

export type DueResource = Awaited<ReturnType<typeof resourcesDue>>[number];

/**
 * Takes a due resource for this pull: a conditional update of `pulled_at`, so that of several
 * servers only one pulls it; false when another took it, or it changed state, meanwhile.
 */
export async function claimPull(db: Db, resource: Pick<ResourceRow, 'id' | 'pulled_at'>, at: string) {
  const result = await db
    .updateTable('resources')
    .set({ pulled_at: at })
    .where('id', '=', resource.id)
    .where('pulled_at', '=', resource.pulled_at)
    .where('state', 'in', PULLED_STATES)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Writes what a pull found, only if no order has claimed the resource since it was read
 * (`updated_at` unchanged): an order's own outcome wins over a pull that raced it.
 */
export async function updatePulledResource(
  db: Db,
  resource: Pick<ResourceRow, 'id' | 'updated_at'>,
  changes: Partial<ResourceRow>,
) {
  const result = await db
    .updateTable('resources')
    .set(changes)
    .where('id', '=', resource.id)
    .where('updated_at', '=', resource.updated_at)
    .where('state', 'in', PULLED_STATES)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
