import type { Organization, Project } from '@mercato/api';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ListOf } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { CreateOrganizationForm } from '../members/CreateOrganizationForm';
import { FocusedStatus } from '../members/FocusedStatus';
import { useSession } from '../session/session';
import { LoadState } from './LoadState';
import { useLoad } from './use-load';

/**
 * The user's organizations (each links to its page: members, new projects), with the projects the
 * user sees in each (owners: all; others: theirs). Staff create organizations here.
 */
export function ProjectsPage() {
  usePageTitle('Projects');
  const { user } = useSession();
  const organizations = useLoad<ListOf<Organization>>('/organizations?limit=200');
  const projects = useLoad<ListOf<Project>>('/projects?limit=200');
  const [created, setCreated] = useState<Organization | null>(null);
  if (!organizations.data || !projects.data) return <LoadState error={organizations.error || projects.error} />;

  const byOrganization = (id: string | undefined) => projects.data!.items.filter((p) => p.organization_id === id);
  return (
    <section className="narrow">
      <h1>Projects</h1>
      {!projects.data.items.length && <p>You are in no project yet. An organization owner adds you to one.</p>}
      {/* The members API takes a user id: the one thing a person must hand an owner who cannot see them yet. */}
      <p className="meta">
        Your user id: <code data-testid="my-user-id">{user?.id}</code>
      </p>
      {user?.is_staff && (
        <div className="panel">
          <FocusedStatus text={created ? `Organization ${created.name} created.` : ''} />
          {created && (
            <p>
              <Link to={`/organizations/${created.id}`}>Open {created.name}</Link> to add its owners.
            </p>
          )}
          <CreateOrganizationForm
            onCreated={(organization) => {
              setCreated(organization);
              organizations.reload();
            }}
          />
        </div>
      )}
      {organizations.data.items.map((organization) => (
        <section key={organization.id} aria-labelledby={`org-${organization.id}`} className="panel">
          <h2 id={`org-${organization.id}`}>
            <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
          </h2>
          {byOrganization(organization.id).length ? (
            <ul className="link-list">
              {byOrganization(organization.id).map((project) => (
                <li key={project.id}>
                  <Link to={`/projects/${project.id}`}>{project.name}</Link>
                  {project.description && <span className="meta"> · {project.description}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p>No projects you can see yet.</p>
          )}
        </section>
      ))}
    </section>
  );
}
