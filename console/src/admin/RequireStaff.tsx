import type { ReactNode } from 'react';
import { usePageTitle } from '../layout/page-title';
import { useSession } from '../session/session';

/**
 * Staff pages for staff only. This only spares others a page of refusals: the API is what
 * refuses them (403 on `POST /users`, tokens of other users 404).
 */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (!user) return <p role="status">Loading…</p>;
  if (!user.is_staff) return <StaffOnly />;
  return children;
}

function StaffOnly() {
  usePageTitle('Staff only');
  return (
    <section className="narrow">
      <h1>Staff only</h1>
      <p>This page is for Mercato&apos;s staff.</p>
    </section>
  );
}
