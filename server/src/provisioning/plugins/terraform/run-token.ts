import { randomBytes } from 'node:crypto';
import { RUN_TOKEN_PREFIX } from '../../../auth/run-grants';
import { hashToken } from '../../../auth/tokens';
import type { Db } from '../../../db/database';
import { newId } from '../../../ids';

/**
 * The credential of one run (table `terraform_run_tokens`, auth/run-grants.ts for what it may
 * do): Terraform sends it to Mercato's registry (the CLI configuration's `credentials` block) and
 * to the state backend (`TF_HTTP_PASSWORD`). Made when the run starts, stored as its SHA-256,
 * deleted when the run ends; it expires by itself in case the server dies during the run.
 */
export interface RunToken {
  token: string;
  /** Deletes it: Terraform's requests with it are refused from then on. */
  revoke(): Promise<void>;
}

/** What a run token grants, and for whom. */
export interface RunTokenGrant {
  orderId: string | null;
  resourceId: string;
  projectId: string;
  stateName: string;
  moduleId: string;
  /** Whom the run acts for (audit events, state versions): the user who placed the order. */
  userId: string;
  /** How long it lives at most, in seconds. */
  lifetimeSeconds: number;
}

/** Makes a run token; tokens of runs that ended without deleting theirs (a server killed) go then. */
export async function issueRunToken(db: Db, grant: RunTokenGrant): Promise<RunToken> {
  const token = `${RUN_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = newId();
  const now = new Date();
  await db.deleteFrom('terraform_run_tokens').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('terraform_run_tokens')
    .values({
      id,
      token_hash: hashToken(token),
      order_id: grant.orderId,
      resource_id: grant.resourceId,
      project_id: grant.projectId,
      state_name: grant.stateName,
      module_id: grant.moduleId,
      user_id: grant.userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + grant.lifetimeSeconds * 1000).toISOString(),
    })
    .execute();
  return {
    token,
    revoke: async () => {
      await db.deleteFrom('terraform_run_tokens').where('id', '=', id).execute();
    },
  };
}
