import type { Organization, Project } from '@mercato/api';
import { Link } from 'react-router';
import type { ListOf } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { LoadState } from './LoadState';
import { useLoad } from './use-load';

/** The user's organizations, each with the projects the user sees in it (owners: all; others: theirs). */
export function ProjectsPage() {
  usePageTitle('Projects');
  const organizations = useLoad<ListOf<Organization>>('/organizations?limit=200');
  const projects = useLoad<ListOf<Project>>('/projects?limit=200');
  if (!organizations.data || !projects.data) return <LoadState error={organizations.error || projects.error} />;

  const byOrganization = (id: string | undefined) => projects.data!.items.filter((p) => p.organization_id === id);
  const withProjects = organizations.data.items.filter((o) => byOrganization(o.id).length);
  return (
    <section className="narrow">
      <h1>Projects</h1>
      {!withProjects.length && <p>You are in no project yet. An organization owner adds you to one.</p>}
      {withProjects.map((organization) => (
        <section key={organization.id} aria-labelledby={`org-${organization.id}`} className="panel">
          <h2 id={`org-${organization.id}`}>{organization.name}</h2>
          <ul className="link-list">
            {byOrganization(organization.id).map((project) => (
              <li key={project.id}>
                <Link to={`/projects/${project.id}`}>{project.name}</Link>
                {project.description && <span className="meta"> · {project.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
