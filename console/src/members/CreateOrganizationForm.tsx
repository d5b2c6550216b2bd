import type { Organization } from '@mercato/api';
import { request } from '../api/http';
import { useToken } from '../session/session';
import { CreateWithNameForm } from './CreateWithNameForm';

/** `POST /organizations` (staff, in the console): a name, and a slug derived from it unless given. */
export function CreateOrganizationForm({ onCreated }: { onCreated(organization: Organization): void }) {
  const token = useToken();
  return (
    <CreateWithNameForm
      headingId="create-org-heading"
      heading="Create an organization"
      headingLevel="h2"
      nameId="org-name"
      nameLabel="Name"
      optional={{
        field: 'slug',
        id: 'org-slug',
        label: 'Slug (optional)',
        help: 'Its namespace in the registry; derived from the name when empty.',
      }}
      submitLabel="Create organization"
      create={(name, slug) =>
        request<Organization>(token, '/organizations', { method: 'POST', body: { name, ...(slug ? { slug } : {}) } })
      }
      onCreated={onCreated}
    />
  );
}
