import type { Db } from '../db/database';
import type { Principal } from './principal';
import { hashToken } from './tokens';

/**
 * The credentials of the `terraform` plugin's runs, as callers (the tokens are made by
 * provisioning/plugins/terraform/run-token.ts). A run token names what it may do: install its
 * offering's module through the registry protocol (registry/modules/module-protocol-routes.ts)
 * and read, write, lock and unlock its resource's state (terraform-state/state-access.ts).
 * Anywhere else it is refused (auth/authentication.ts): it acts for the user who placed the
 * order, and a module's own code (a provisioner) can read it, so it must not act as that user.
 */

/** What every run token starts with, so that a token is looked up in one table only. */
export const RUN_TOKEN_PREFIX = 'mcr_';

export const isRunToken = (token: string) => token.startsWith(RUN_TOKEN_PREFIX);

/**
 * The caller of a run token that exists and has not expired, with no role and its grant; the
 * user is the one the run acts for. Undefined otherwise. Looked up on every request (never
 * cached): a run's token stops working as soon as the run deletes it.
 */
export async function principalForRunToken(db: Db, token: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('terraform_run_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id as token_id',
      't.resource_id',
      't.project_id',
      't.state_name',
      't.module_id',
      't.expires_at',
      'u.id',
      'u.username',
      'u.email',
      'u.created_at',
    ])
    .where('t.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || !(Date.parse(row.expires_at) > Date.now())) return undefined;
  return {
    user: { id: row.id, username: row.username, email: row.email, is_staff: 0, created_at: row.created_at },
    isStaff: false,
    organizationRoles: new Map(),
    projectRoles: new Map(),
    run: {
      tokenId: row.token_id,
      resourceId: row.resource_id,
      projectId: row.project_id,
      stateName: row.state_name,
      moduleId: row.module_id,
    },
  };
}

/** The address of the one state a run may use, as the API's paths write it. */
export const runStatePath = (run: NonNullable<Principal['run']>) =>
  `/api/v1/projects/${run.projectId}/terraform-states/${run.stateName}`;
