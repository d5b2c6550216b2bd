import type { Db } from '../db/database';
import type { ResourceRow } from '../db/tables';
import type { RowScope } from '../auth/scope';
import type { Page } from '../http/route-context';
import { inLiveProjectAndOffering } from '../db/deleted-parents';

/** The SQL of resources. `db` may be a transaction. */

export function findResourceById(db: Db, id: string) {
  return db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
}

type ResourceFilters = Partial<Record<'project_id' | 'offering_id' | 'state' | 'name' | 'backend_id', string>> & {
  include_deleted?: boolean;
};

/** One page of resources by id, with the filters given, within `scope` (undefined: all); one row more than the limit tells there is a next page. */
export function listResources(db: Db, page: Page, filters: ResourceFilters, scope?: RowScope) {
  let query = db
    .selectFrom('resources')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  for (const column of ['project_id', 'offering_id', 'state', 'name', 'backend_id'] as const) {
    if (filters[column]) query = query.where(column, '=', filters[column]!);
  }
  if (!filters.include_deleted) query = query.where(inLiveProjectAndOffering);
  if (scope) query = query.where(scope);
  return query.execute();
}

/** Whether a resource not terminated matches all of `where`: one of a project, an offering, a plan, a version. */
export async function hasLiveResource(
  db: Db,
  where: Partial<Pick<ResourceRow, 'project_id' | 'offering_id' | 'plan_id' | 'version'>>,
) {
  let query = db.selectFrom('resources').select('id').where('state', '!=', 'Terminated');
  for (const [column, value] of Object.entries(where) as Array<[keyof typeof where, string]>)
    query = query.where(column, '=', value);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function updateResource(db: Db, id: string, changes: Partial<ResourceRow>) {
  await db.updateTable('resources').set(changes).where('id', '=', id).execute();
}
