import { ORGANIZATION_ROLES, PROJECT_ROLES } from './roles';
import type { ListOf } from '../api/types';
import { useLoad } from '../projects/use-load';
import { useSession } from '../session/session';
import type { Member } from './member';

/**
 * The roles the signed-in user may grant, as the server decides it (structure/organizations.ts,
 * projects.ts): staff and the organization's owners every role; a project's manager the member
 * role in it. None: the page shows the members without the controls. The server checks again.
 */
export function useGrantableRoles(organizationId: string | undefined, projectId?: string): readonly string[] {
  const { user } = useSession();
  const owners = useLoad<ListOf<Member>>(organizationId ? `/organizations/${organizationId}/members` : null);
  const team = useLoad<ListOf<Member>>(projectId ? `/projects/${projectId}/members` : null);
  const all = projectId ? PROJECT_ROLES : ORGANIZATION_ROLES;
  if (!user) return [];
  if (user.is_staff) return all;
  const roleIn = (list: ListOf<Member> | undefined) => list?.items.find((m) => m.user_id === user.id)?.role;
  if (roleIn(owners.data) === 'owner') return all;
  if (projectId && roleIn(team.data) === 'manager') return ['member'];
  return [];
}
