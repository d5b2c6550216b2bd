import type { Db } from '../db/database';
import type { UserRow } from '../db/tables';
import { hashToken } from './tokens';

export type OrganizationRole = 'owner' | 'service-manager';
export type ProjectRole = 'manager' | 'member';

export interface Principal {
  user: UserRow;
  isStaff: boolean;
  organizationRoles: Map<string, OrganizationRole>;
  /** Project id to the role held in it and the project's organization. */
  projectRoles: Map<string, { role: ProjectRole; organizationId: string }>;
  /**
   * Set for a run of the `terraform` plugin (auth/run-grants.ts): what its token may do. Such a
   * caller holds no role; `user` is whom the run acts for, named in audit events and state versions.
   */
  run?: RunGrant;
}

/** What a `terraform` plugin run's token grants: installing one module and using one state. */
export interface RunGrant {
  tokenId: string;
  resourceId: string;
  projectId: string;
  stateName: string;
  moduleId: string;
}

/**
 * Resolves a bearer token to the caller and every role it holds, with the token's expiry (ms since
 * the epoch, Infinity when it has none); undefined when the token is unknown or expired.
 */
export async function principalForToken(
  db: Db,
  token: string,
): Promise<{ principal: Principal; expiresAt: number } | undefined> {
  const row = await db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .select(['users.id', 'users.username', 'users.email', 'users.is_staff', 'users.created_at', 'tokens.expires_at'])
    .where('tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  // Compared as instants: an expiry may carry a UTC offset, so its text does not sort with ours.
  const expiresAt = row?.expires_at ? Date.parse(row.expires_at) : Infinity;
  if (!row || !(expiresAt > Date.now())) return undefined;
  const { expires_at: _expires, ...user } = row;
  return { principal: await principalForUser(db, user), expiresAt };
}

async function principalForUser(db: Db, user: UserRow): Promise<Principal> {
  const [organizationRoles, projectRoles] = await Promise.all([
    db.selectFrom('organization_members').select(['organization_id', 'role']).where('user_id', '=', user.id).execute(),
    db
      .selectFrom('project_members')
      .innerJoin('projects', 'projects.id', 'project_members.project_id')
      .select(['project_members.project_id', 'project_members.role', 'projects.organization_id'])
      .where('project_members.user_id', '=', user.id)
      .execute(),
  ]);
  return {
    user,
    isStaff: user.is_staff === 1,
    organizationRoles: new Map(organizationRoles.map((r) => [r.organization_id, r.role as OrganizationRole])),
    projectRoles: new Map(
      projectRoles.map((r) => [r.project_id, { role: r.role as ProjectRole, organizationId: r.organization_id }]),
    ),
  };
}
