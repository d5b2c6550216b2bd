import { ID, object, TIMESTAMP } from '../http/schemas';
import type { LockInfo } from './lock-info';
import type { StateListRow } from './terraform-states-repository';

/**
 * How the API shows Terraform states and their versions: facts about them (serial, lineage,
 * digests, who wrote them, the lock), never their content; a single version adds its outputs,
 * sensitive ones masked, and its resources' addresses.
 */

/** `[A-Za-z0-9._-]`, starting with a letter or digit: the last segment of a backend address. */
export const STATE_NAME = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$',
  description: 'The state\'s name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit.',
} as const;

const NULLABLE_TEXT = { type: ['string', 'null'] } as const;
const NULLABLE_INTEGER = { type: ['integer', 'null'] } as const;

const LOCK = {
  type: ['object', 'null'],
  description: 'The lock a Terraform run holds, as Terraform described it; null when unlocked.',
  properties: {
    id: { type: 'string', description: "Terraform's lock ID (what `terraform force-unlock` takes)." },
    operation: { type: 'string' },
    who: { type: 'string', description: 'user@host of the machine that runs Terraform.' },
    version: { type: 'string', description: 'Terraform version.' },
    created: { type: 'string' },
    info: { type: 'string' },
    locked_by: ID,
    locked_by_username: NULLABLE_TEXT,
    locked_at: TIMESTAMP,
  },
} as const;

export const TERRAFORM_STATE = object({
  id: ID,
  project_id: ID,
  organization_id: ID,
  name: { type: 'string' },
  version: { ...NULLABLE_INTEGER, description: 'Number of the current version; null when deleted or never written.' },
  serial: NULLABLE_INTEGER,
  lineage: NULLABLE_TEXT,
  terraform_version: NULLABLE_TEXT,
  size: { ...NULLABLE_INTEGER, description: 'Bytes of the current version.' },
  updated_at: { ...NULLABLE_TEXT, description: 'When the current version was written.' },
  updated_by: { ...NULLABLE_TEXT, description: 'Who wrote the current version (user id).' },
  updated_by_username: NULLABLE_TEXT,
  lock: LOCK,
  created_at: TIMESTAMP,
  deleted_at: NULLABLE_TEXT,
});

export const STATE_VERSION = object({
  id: ID,
  state_id: ID,
  number: { type: 'integer', description: "1 for the state's first version, then one more for each." },
  serial: { type: 'integer' },
  lineage: { type: 'string' },
  terraform_version: { type: 'string' },
  sha256: { type: 'string' },
  md5: { type: 'string' },
  size: { type: 'integer', description: 'Bytes.' },
  restored_from: { ...NULLABLE_INTEGER, description: 'The version this one restored; null for a write by Terraform.' },
  created_by: ID,
  created_by_username: NULLABLE_TEXT,
  created_at: TIMESTAMP,
});

export const STATE_VERSION_DETAIL = {
  type: 'object',
  properties: {
    ...STATE_VERSION.properties,
    current: { type: 'boolean' },
    outputs: {
      type: 'object',
      description: 'Outputs by name: `type`, `sensitive`, `value` (`********` when sensitive).',
      additionalProperties: {
        type: 'object',
        properties: { type: {}, sensitive: { type: 'boolean' }, value: {} },
      },
    },
    resources: {
      type: 'array',
      items: object({
        address: { type: 'string' },
        mode: { type: 'string' },
        type: { type: 'string' },
        name: { type: 'string' },
        provider: { type: 'string' },
        instances: { type: 'integer' },
      }),
    },
  },
} as const;

function presentLock(row: {
  lock_id: string | null;
  lock_info: string;
  locked_by: string | null;
  locked_at: string | null;
  locked_by_username?: string | null;
}) {
  if (!row.lock_id) return null;
  const info = JSON.parse(row.lock_info) as LockInfo;
  return {
    id: row.lock_id,
    operation: info.Operation,
    who: info.Who,
    version: info.Version,
    created: info.Created,
    info: info.Info,
    // set together with lock_id (terraform-states-repository.ts takeLock)
    locked_by: row.locked_by!,
    locked_by_username: row.locked_by_username ?? null,
    locked_at: row.locked_at!,
  };
}

export function presentState(row: StateListRow) {
  const { lock_id: _id, lock_info: _info, locked_by: _by, locked_at: _at, locked_by_username: _name, ...rest } = row;
  return { ...rest, lock: presentLock(row) };
}
