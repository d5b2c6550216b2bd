import { sql, type ExpressionBuilder } from 'kysely';
import type { Tables } from './tables';

/**
 * Orders and resources of a deleted project or offering are history: kept, and readable by id to
 * whoever could read them, but left out of the lists unless `include_deleted=true` asks for them.
 */
export const INCLUDE_DELETED = {
  type: 'boolean',
  default: false,
  description: 'Also list those of deleted projects and offerings (kept as history).',
} as const;

/** The SQL condition "its project and its offering are not deleted", for rows with both columns. */
export function inLiveProjectAndOffering(eb: ExpressionBuilder<Tables, keyof Tables>) {
  return eb.and([
    eb(
      sql.ref('project_id'),
      'not in',
      eb.selectFrom('projects').select('projects.id').where('projects.deleted_at', 'is not', null),
    ),
    eb(
      sql.ref('offering_id'),
      'not in',
      eb.selectFrom('offerings').select('offerings.id').where('offerings.deleted_at', 'is not', null),
    ),
  ]);
}
