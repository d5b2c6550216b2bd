import type { Offering, Order, Project } from '@mercato/api';
import { request } from '../api/http';
import type { ListOf } from '../api/types';

interface Member {
  user_id: string;
  role: string;
}

/**
 * Whether the user may approve or reject an order at its stage, by the server's rule
 * (server/src/auth/access.ts): consumer approval is a manager of the project or an owner of its
 * organization; provider approval an owner or service manager of the offering's organization.
 * Read from the memberships the user may see; what the user may not read counts as "no".
 * `cache` keeps each membership list for the page's life (an inbox repeats projects).
 */
export async function mayApprove(
  token: string,
  user: { id?: string; is_staff?: boolean },
  order: Order,
  cache: Map<string, Promise<unknown>>,
): Promise<boolean> {
  if (user.is_staff) return true;
  const get = <T>(path: string): Promise<T | undefined> => {
    if (!cache.has(path))
      cache.set(
        path,
        request<T>(token, path).catch(() => undefined),
      );
    return cache.get(path) as Promise<T | undefined>;
  };
  const roleIn = async (kind: 'projects' | 'organizations', id: string) =>
    (await get<ListOf<Member>>(`/${kind}/${encodeURIComponent(id)}/members`))?.items.find((m) => m.user_id === user.id)
      ?.role;

  if (order.state === 'pending-consumer') {
    if ((await roleIn('projects', order.project_id ?? '')) === 'manager') return true;
    const project = await get<Project>(`/projects/${encodeURIComponent(order.project_id ?? '')}`);
    return !!project && (await roleIn('organizations', project.organization_id ?? '')) === 'owner';
  }
  if (order.state === 'pending-provider') {
    const offering = await get<Offering>(`/offerings/${encodeURIComponent(order.offering_id ?? '')}`);
    const role = offering && (await roleIn('organizations', offering.organization_id ?? ''));
    return role === 'owner' || role === 'service-manager';
  }
  return false;
}
