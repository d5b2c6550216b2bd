import type { Db } from '../db/database';
import { recordEvent } from '../audit/record';
import { activationFacts, setEffectiveStatus } from './offerings-repository';

/**
 * The activation rule (Waldur's): an offering is `active` only with a category, at least one plan
 * that is not archived and at least one version.
 *
 * Its provider asks for a status (`requested_status`, written as `status` in POST and PATCH); the
 * catalog shows the effective one (`status`). They agree, except that an offering asked to be
 * `active` that lacks a part stays `draft`, with `status_reason` naming what is missing, and
 * turns `active` by itself (event `offering.activated`) when the last part arrives. Losing the
 * last plan or version later turns it back to `draft` (event `offering.deactivated`) until one is
 * added again; its existing resources keep working (their change and terminate orders do not
 * depend on the catalog).
 *
 * Why not refuse `status: active` with a 422 until the parts exist: plans and versions are
 * created under the offering's id, so the offering always exists first. A refusal would make
 * every Terraform configuration that declares `status = "active"` beside its `mercato_plan` and
 * `mercato_offering_version` fail on its first apply, or need two applies, or a separate
 * activation resource fighting `status` over one field. Asking once and letting the server
 * activate when the parts exist converges in one apply in any order, as Terraform users expect;
 * and archiving or deleting the last plan needs no refusal either, since the catalog then stops
 * offering what nobody can order. Nothing is `active` without its parts: the catalog, the search
 * and the order checks all read the effective `status`.
 */

/** What an offering has of the parts activation needs. */
export interface ActivationFacts {
  hasCategory: boolean;
  hasPlan: boolean;
  hasVersion: boolean;
}

/** The parts missing for activation, in words: `[]` when it may be active. */
function missingForActivation(facts: ActivationFacts): string[] {
  const missing: string[] = [];
  if (!facts.hasCategory) missing.push('a category');
  if (!facts.hasPlan) missing.push('a plan that is not archived');
  if (!facts.hasVersion) missing.push('a version');
  return missing;
}

/** The effective status and its reason for a requested status, given what the offering has. */
function effectiveStatus(requested: string, facts: ActivationFacts): { status: string; status_reason: string } {
  const missing = missingForActivation(facts);
  if (requested !== 'active' || !missing.length) return { status: requested, status_reason: '' };
  return {
    status: 'draft',
    status_reason: `stays draft until it has ${joinWords(missing)}: an offering is active only with a category, a plan and a version`,
  };
}

const joinWords = (words: string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

/**
 * Brings an offering's effective status up to date with its requested status and parts, and
 * records the activation or deactivation this causes. Runs in the transaction of the change,
 * after it (`trx` has already locked the offering's row: see lockOffering), so that two
 * concurrent changes (a plan and a version added at once) cannot both miss each other.
 * Returns the effective status.
 */
export async function refreshOfferingStatus(trx: Db, offeringId: string, actorId: string | null): Promise<string> {
  const facts = await activationFacts(trx, offeringId);
  if (!facts) return 'draft';
  const next = effectiveStatus(facts.requested_status, facts);
  if (next.status === facts.status && next.status_reason === facts.status_reason) return next.status;
  await setEffectiveStatus(trx, offeringId, next);
  const action =
    next.status === 'active'
      ? 'offering.activated'
      : facts.status === 'active' && facts.requested_status === 'active'
        ? 'offering.deactivated'
        : undefined;
  if (action)
    await recordEvent(trx, {
      actorId,
      action,
      objectType: 'offering',
      objectId: offeringId,
      providerOrganizationId: facts.organization_id,
      changes: { status: { from: facts.status, to: next.status }, status_reason: next.status_reason },
    });
  return next.status;
}
