import { useEffect, useState } from 'react';
import { isAbort, messageOf, queryString, request } from '../api/http';
import type { ListOf, Offering, OfferingVersion, Plan, Project } from '../api/types';

export interface OfferingData {
  offering: Offering;
  versions: OfferingVersion[];
  plans: Plan[];
  projects: Project[];
}

/** An offering with its versions and plans, and the projects the user may order into. */
export function useOffering(token: string, slug: string) {
  const [data, setData] = useState<OfferingData | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      const offering = await request<Offering>(token, `/offerings/${encodeURIComponent(slug)}`, { signal });
      const byOffering = queryString({ offering_id: offering.id, limit: 100 });
      const [versions, plans, projects] = await Promise.all([
        request<ListOf<OfferingVersion>>(token, `/offering-versions${byOffering}`, { signal }),
        request<ListOf<Plan>>(token, `/plans${byOffering}`, { signal }),
        request<ListOf<Project>>(token, `/projects${queryString({ limit: 100 })}`, { signal }),
      ]);
      setData({
        offering,
        versions: versions.items,
        plans: plans.items.filter((plan) => !plan.archived),
        projects: projects.items,
      });
    })().catch((e: unknown) => {
      if (!isAbort(e)) setError(messageOf(e));
    });
    return () => controller.abort();
  }, [token, slug]);
  return { data, error };
}
