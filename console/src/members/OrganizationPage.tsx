import type { Organization, Project } from '@mercato/api';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ListOf } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { LoadState } from '../projects/LoadState';
import { useLoad } from '../projects/use-load';
import { CreateProjectForm } from './CreateProjectForm';
import { FocusedStatus } from './FocusedStatus';
import { MembersSection } from './MembersSection';
import { useGrantableRoles } from './use-grantable-roles';

/** One organization: its projects (owners and staff create more) and its members with their roles. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const organization = useLoad<Organization>(`/organizations/${encodeURIComponent(id)}`);
  const orgId = organization.data?.id;
  usePageTitle(organization.data ? `Organization ${organization.data.name}` : 'Organization');
  const projects = useLoad<ListOf<Project>>(orgId ? `/projects?organization_id=${orgId}&limit=200` : null);
  const roles = useGrantableRoles(orgId);
  const [created, setCreated] = useState<Project | null>(null);
  if (!organization.data || !projects.data) return <LoadState error={organization.error || projects.error} />;

  const owner = roles.length > 0;
  return (
    <section className="narrow">
      <p>
        <Link to="/projects">Projects</Link>
      </p>
      <h1>{organization.data.name}</h1>
      {organization.data.description && <p>{organization.data.description}</p>}
      <section aria-labelledby="org-projects-heading" className="panel">
        <h2 id="org-projects-heading">Projects</h2>
        <FocusedStatus text={created ? `Project ${created.name} created.` : ''} />
        {projects.data.items.length ? (
          <ul className="link-list">
            {projects.data.items.map((project) => (
              <li key={project.id}>
                <Link to={`/projects/${project.id}`}>{project.name}</Link>
                {project.description && <span className="meta"> · {project.description}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p>No projects you can see yet.</p>
        )}
        {owner && (
          <CreateProjectForm
            organizationId={organization.data.id!}
            onCreated={(project) => {
              setCreated(project);
              projects.reload();
            }}
          />
        )}
      </section>
      <MembersSection collection="organizations" parentId={organization.data.id!} roles={roles} />
    </section>
  );
}
