import { isUtf8 } from 'node:buffer';
import { badRequest, invalidFields, type FieldError } from '../http/problem';

/**
 * Terraform's description of a state lock (statemgr.LockInfo in Terraform's
 * internal/states/statemgr/locker.go), the body of its LOCK and UNLOCK requests: `ID` is the
 * lock's own id (a UUID Terraform makes per lock), `Who` is `user@host` of the machine running
 * Terraform, `Operation` the command (`OperationTypeApply`...), `Created` an RFC 3339 time.
 * Terraform reads the same JSON back from the body of a 423 to print who holds the lock.
 */
export interface LockInfo {
  ID: string;
  Operation: string;
  Info: string;
  Who: string;
  Version: string;
  Created: string;
  Path: string;
}

const FIELDS = ['ID', 'Operation', 'Info', 'Who', 'Version', 'Created', 'Path'] as const;
const MAX_FIELD = 1000;

/**
 * Reads the LockInfo of a LOCK or UNLOCK request; undefined for an empty body (what `terraform
 * force-unlock` sends). 400 for a body that is not a JSON object, 422 naming a field that is wrong.
 */
export function readLockInfo(body: Buffer | undefined): LockInfo | undefined {
  if (!body || body.length === 0) return undefined;
  if (body.length > 64 * 1024) throw badRequest('the lock info is larger than 64 KiB');
  let value: unknown;
  try {
    if (!isUtf8(body)) throw new Error('not UTF-8');
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw badRequest(`the lock info is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest('the lock info is not a JSON object');
  const given = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  const info = {} as LockInfo;
  for (const field of FIELDS) {
    const text = given[field] ?? '';
    if (typeof text !== 'string' || text.length > MAX_FIELD)
      errors.push({ field, message: `must be a string of at most ${MAX_FIELD} characters` });
    else info[field] = text;
  }
  if (!errors.length && info.ID === '') errors.push({ field: 'ID', message: 'is required: the id of the lock' });
  if (errors.length) throw invalidFields(errors);
  return info;
}

/** RFC 3339, as Go's time.Time reads it from JSON (Terraform decodes `Created` so). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The holder's LockInfo as a 423 answers it. Terraform 1.11 prints only the `ID` of that body
 * ("HTTP remote state already locked: ID=..."; the "Lock Info:" it prints after is its own
 * request's), so `ID` is the lock's ID followed by who holds it: the Mercato user whose token took
 * the lock, the operation, `Who` (user@host) and since when. `Info` names the Mercato user too,
 * for Terraform versions that print the holder's LockInfo. `Created` is always a time Go can
 * decode (Terraform refuses the whole body otherwise): the holder's, else when the lock was taken.
 */
export function holderLockInfo(stored: string, username: string | null, lockedAt: string): LockInfo {
  const info = JSON.parse(stored) as LockInfo;
  const holder = `locked through Mercato by ${username ?? 'a deleted user'}`;
  const created = RFC3339.test(info.Created) ? info.Created : lockedAt;
  const what = [info.Operation, info.Who && `by ${info.Who}`, `since ${created}`].filter(Boolean).join(' ');
  return {
    ...info,
    ID: `${info.ID} (${holder}: ${what})`,
    Info: info.Info ? `${info.Info} (${holder})` : holder,
    Created: created,
  };
}

/** One line naming a lock's holder, for problem details. */
export function describeHolder(stored: string, username: string | null): string {
  const info = JSON.parse(stored) as LockInfo;
  const what = [info.Operation, info.Who && `by ${info.Who}`, info.Created && `since ${info.Created}`]
    .filter(Boolean)
    .join(' ');
  return `Mercato user ${username ?? '(deleted)'}, lock ID ${info.ID}${what ? ` (${what})` : ''}`;
}
