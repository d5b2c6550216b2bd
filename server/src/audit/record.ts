import equal from 'fast-deep-equal';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables';
import { newId } from '../ids';

const MASK = '********';

export interface EventInput {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  organizationId?: string | null;
  projectId?: string | null;
  providerOrganizationId?: string | null;
  changes?: Record<string, unknown>;
  /** Fields whose values never enter the audit log; their change is recorded as masked. */
  secretFields?: string[];
}

/** Writes an audit event in the caller's transaction, so a change and its event land together or not at all. */
export async function recordEvent(db: Kysely<Tables>, event: EventInput): Promise<void> {
  const changes = { ...(event.changes ?? {}) };
  for (const field of event.secretFields ?? []) if (field in changes) changes[field] = MASK;
  await db
    .insertInto('events')
    .values({
      id: newId(),
      created_at: new Date().toISOString(),
      actor_id: event.actorId,
      action: event.action,
      object_type: event.objectType,
      object_id: event.objectId,
      organization_id: event.organizationId ?? null,
      project_id: event.projectId ?? null,
      provider_organization_id: event.providerOrganizationId ?? null,
      changes: JSON.stringify(changes),
    })
    .execute();
}

/** The fields of `after` whose values differ from `before` (objects whatever their key order), as `{field: {from, to}}`. */
export function diff(before: object, after: object): Record<string, unknown> {
  const old = before as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && !equal(old[key], value)) {
      changes[key] = { from: old[key], to: value };
    }
  }
  return changes;
}
