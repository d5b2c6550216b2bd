// PLACEHOLDER until the coordinator's "Registry foundation" commit is merged (its version wins).
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/database';
import type { OrganizationRow } from '../db/tables';

export function registryCaller(request: FastifyRequest): Principal | undefined {
  return (request as unknown as { principal?: Principal }).principal;
}

export async function organizationBySlug(db: Db, slug: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', slug).executeTakeFirst();
}

export function mayPublish(principal: Principal, organizationId: string): boolean {
  return principal.isStaff || principal.organizationRoles.has(organizationId);
}

export function mayReadPrivate(principal: Principal | undefined, organizationId: string): boolean {
  if (!principal) return false;
  return (
    principal.isStaff ||
    principal.organizationRoles.has(organizationId) ||
    [...principal.projectRoles.values()].some((r) => r.organizationId === organizationId)
  );
}
