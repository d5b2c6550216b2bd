import type { Project } from '@mercato/api';
import { request } from '../api/http';
import { useToken } from '../session/session';
import { CreateWithNameForm } from './CreateWithNameForm';

/** `POST /projects` (the organization's owners and staff): a name and a description. */
export function CreateProjectForm(props: { organizationId: string; onCreated(project: Project): void }) {
  const token = useToken();
  return (
    <CreateWithNameForm
      headingId="create-project-heading"
      heading="Create a project"
      headingLevel="h3"
      nameId="project-name"
      nameLabel="Project name"
      optional={{ field: 'description', id: 'project-description', label: 'Description (optional)' }}
      submitLabel="Create project"
      create={(name, description) =>
        request<Project>(token, '/projects', {
          method: 'POST',
          body: { organization_id: props.organizationId, name, description },
        })
      }
      onCreated={props.onCreated}
    />
  );
}
