import type { Principal } from '../auth/principal';
import { recordEvent } from '../audit/record';
import type { Db } from '../db/database';
import type { ProjectRow, TerraformStateRow, TerraformStateVersionRow } from '../db/tables';
import { conflict, notFound, Problem } from '../http/problem';
import { now } from '../http/route-context';
import { describeHolder, holderLockInfo, type LockInfo } from './lock-info';
import { withSerial, type StateFile } from './state-document';
import {
  addVersion,
  ensureState,
  findState,
  findVersion,
  findVersionById,
  holdState,
  markStateDeleted,
  releaseLock,
  takeLock,
  usernameOf,
} from './terraform-states-repository';

/**
 * Every change of a Terraform state: one transaction each, with its audit event, the state's row
 * held for the transaction (terraform-states-repository.ts `holdState`), so that a write checks
 * the lock and the serial it sees and nothing changes them before it commits.
 */

/** 423 Locked: the state is locked by another lock than the request's; carries the holder's LockInfo. */
export class StateLocked extends Problem {
  constructor(
    readonly holder: LockInfo,
    detail: string,
  ) {
    super(423, 'Locked', detail);
  }
}

/** Who changes which state. */
export interface StateTarget {
  project: ProjectRow;
  name: string;
  principal: Principal;
}

const eventOf = (target: StateTarget, state: TerraformStateRow) => ({
  actorId: target.principal.user.id,
  objectType: 'terraform-state',
  objectId: state.id,
  organizationId: target.project.organization_id,
  projectId: target.project.id,
});

/** How a caller passes the lock's ID: Terraform for its own requests, people for a restore. */
const LOCK_ID_PARAMETER: Record<string, string> = {
  'restoring a version': '?lock_id= of the API, --lock-id of mercato terraform-state restore',
};

/** A new version of `state` holding `file`, written by the target's caller; `restoredFrom`: the number of the version it restores, if it does. */
function versionRow(
  target: StateTarget,
  state: TerraformStateRow,
  file: StateFile,
  restoredFrom: number | null,
  at: string,
): Omit<TerraformStateVersionRow, 'id' | 'number'> {
  return {
    state_id: state.id,
    serial: file.serial,
    lineage: file.lineage,
    terraform_version: file.terraformVersion,
    sha256: file.sha256,
    md5: file.md5,
    size: file.size,
    content: file.text,
    restored_from: restoredFrom,
    created_by: target.principal.user.id,
    created_at: at,
  };
}

async function lockedError(db: Db, state: TerraformStateRow, doing: string): Promise<StateLocked> {
  const username = await usernameOf(db, state.locked_by);
  const parameter = LOCK_ID_PARAMETER[doing] ?? 'Terraform sends it as ?ID=';
  return new StateLocked(
    holderLockInfo(state.lock_info, username, state.locked_at ?? ''),
    `Terraform state ${state.name} is locked by ${describeHolder(state.lock_info, username)}; ${doing} needs that lock's ID (${parameter}) or its unlock`,
  );
}

/**
 * Refuses a change while another lock than `lockId` is held (423, naming the holder), and a
 * change that claims a lock no longer held (409): the lock was force-unlocked, and another run
 * may have written since.
 */
async function assertLockAllows(db: Db, state: TerraformStateRow, lockId: string | undefined, doing: string) {
  if (state.lock_id && state.lock_id !== lockId) throw await lockedError(db, state, doing);
  if (!state.lock_id && lockId)
    throw conflict(
      `the lock ${lockId} is not held on Terraform state ${state.name} (it was unlocked or force-unlocked); nothing was written: read the state again`,
      'ID',
    );
}

/**
 * Writes a new version of a state (Terraform's POST). Refused while locked by another lock, and
 * when the state has the same lineage as the current version but a lower serial (an older state
 * would overwrite a newer one). The same bytes as the current version again (a retried POST) add
 * no version. Answers the version that is current after the write.
 */
export async function writeState(
  db: Db,
  target: StateTarget,
  file: StateFile,
  lockId: string | undefined,
): Promise<TerraformStateVersionRow> {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const created = await ensureState(trx, target.project.id, target.name, at);
    const state = await holdState(trx, created.id, at);
    await assertLockAllows(trx, state, lockId, 'writing it');
    const current = state.current_version_id ? await findVersionById(trx, state.current_version_id) : undefined;
    if (current && current.sha256 === file.sha256) return current;
    if (current && current.lineage === file.lineage && file.serial < current.serial)
      throw conflict(
        `serial ${file.serial} is lower than the current serial ${current.serial} of lineage ${file.lineage}: this state is older than the one stored, nothing was written (restore an old version with POST .../versions/<number>/restore)`,
        'serial',
      );
    const version = await addVersion(trx, versionRow(target, state, file, null, at));
    await recordEvent(trx, {
      ...eventOf(target, state),
      action: 'terraform-state.written',
      changes: {
        name: state.name,
        version: version.number,
        serial: version.serial,
        lineage: version.lineage,
        sha256: version.sha256,
        size: version.size,
      },
    });
    return version;
  });
}

/**
 * Takes the lock for a Terraform run (LOCK). Taking the lock one already holds (a retried
 * request) succeeds; a lock held by another run is refused with StateLocked.
 */
export async function lockState(db: Db, target: StateTarget, info: LockInfo): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const at = now();
    const state = await ensureState(trx, target.project.id, target.name, at);
    const taken = await takeLock(trx, state.id, {
      id: info.ID,
      info: JSON.stringify(info),
      userId: target.principal.user.id,
      at,
    });
    if (!taken) {
      const held = await holdState(trx, state.id, at);
      if (held.lock_id === info.ID) return;
      throw await lockedError(trx, held, 'locking it');
    }
    await recordEvent(trx, {
      ...eventOf(target, state),
      action: 'terraform-state.locked',
      changes: { name: state.name, lock_id: info.ID, operation: info.Operation, who: info.Who },
    });
  });
}

/**
 * Releases the lock (UNLOCK). With the holder's LockInfo: an unlock; with no body (what
 * `terraform force-unlock` sends): a force-unlock of whatever lock is held. Unlocking a state
 * nobody holds succeeds (a retried request); a LockInfo of another lock than the one held is
 * refused with StateLocked, so a run whose lock was broken cannot release the next run's.
 */
export async function unlockState(db: Db, target: StateTarget, info: LockInfo | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await findState(trx, target.project.id, target.name);
    if (!found) return;
    const at = now();
    const state = await holdState(trx, found.id, at);
    if (!state.lock_id) return;
    if (info && info.ID !== state.lock_id) throw await lockedError(trx, state, 'unlocking it');
    await releaseLock(trx, state.id, at);
    const held = JSON.parse(state.lock_info) as LockInfo;
    await recordEvent(trx, {
      ...eventOf(target, state),
      action: info ? 'terraform-state.unlocked' : 'terraform-state.force-unlocked',
      changes: {
        name: state.name,
        lock_id: state.lock_id,
        operation: held.Operation,
        who: held.Who,
        ...(info ? {} : { locked_by: state.locked_by }),
      },
    });
  });
}

/** Deletes the state (Terraform's DELETE): no current version; every version is kept, and a write or a restore brings it back. */
export async function deleteState(db: Db, target: StateTarget, lockId: string | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await findState(trx, target.project.id, target.name);
    if (!found?.current_version_id) throw notFound('Terraform state', target.name);
    const at = now();
    const state = await holdState(trx, found.id, at);
    await assertLockAllows(trx, state, lockId, 'deleting it');
    await markStateDeleted(trx, state.id, at);
    await recordEvent(trx, {
      ...eventOf(target, state),
      action: 'terraform-state.deleted',
      changes: { name: state.name },
    });
  });
}

/**
 * Makes an old version the current one, as a new version with the old content and a serial past
 * every serial the state had, so that Terraform's next write (serial + 1) is not taken for an
 * older state. Refused while locked by another lock than `lockId`.
 */
export async function restoreVersion(
  db: Db,
  target: StateTarget,
  number: number,
  lockId: string | undefined,
): Promise<TerraformStateVersionRow> {
  return db.transaction().execute(async (trx) => {
    const found = await findState(trx, target.project.id, target.name);
    if (!found) throw notFound('Terraform state', target.name);
    const at = now();
    const state = await holdState(trx, found.id, at);
    await assertLockAllows(trx, state, lockId, 'restoring a version');
    const old = await findVersion(trx, state.id, number);
    if (!old) throw notFound(`version of Terraform state ${target.name}`, String(number));
    const highest = await trx
      .selectFrom('terraform_state_versions')
      .select((eb) => eb.fn.max('serial').as('serial'))
      .where('state_id', '=', state.id)
      .executeTakeFirstOrThrow();
    const file = withSerial(old.content, Number(highest.serial ?? 0) + 1);
    const version = await addVersion(trx, versionRow(target, state, file, old.number, at));
    await recordEvent(trx, {
      ...eventOf(target, state),
      action: 'terraform-state.restored',
      changes: {
        name: state.name,
        version: version.number,
        restored_from: old.number,
        serial: version.serial,
        lineage: version.lineage,
        sha256: version.sha256,
      },
    });
    return version;
  });
}
