import type { Db } from '../db/database';
import type { Page } from '../http/route-context';

/** The SQL of reading the audit log (audit/record.ts writes it). */

type EventFilters = Partial<
  Record<'object_id' | 'object_type' | 'action' | 'organization_id' | 'project_id' | 'actor_id', string>
>;

/** Whose events a caller reads besides its own actions: of organizations it owns, projects it is in, organizations it provides through. */
interface EventReader {
  userId: string;
  ownedOrganizationIds: string[];
  memberProjectIds: string[];
  providerOrganizationIds: string[];
}

/** One page of events by id, with the filters given, those `reader` may read (undefined: all); one row more than the limit tells there is a next page. */
export function listEvents(db: Db, page: Page, filters: EventFilters, reader?: EventReader) {
  let query = db
    .selectFrom('events')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  for (const column of ['object_id', 'object_type', 'action', 'organization_id', 'project_id', 'actor_id'] as const) {
    if (filters[column]) query = query.where(column, '=', filters[column]!);
  }
  if (reader) {
    const { ownedOrganizationIds: owned, memberProjectIds: projects, providerOrganizationIds: providers } = reader;
    query = query.where((eb) =>
      eb.or([
        eb('actor_id', '=', reader.userId),
        ...(owned.length ? [eb('organization_id', 'in', owned)] : []),
        ...(projects.length ? [eb('project_id', 'in', projects)] : []),
        ...(providers.length ? [eb('provider_organization_id', 'in', providers)] : []),
      ]),
    );
  }
  return query.execute();
}
