import type { Project } from '@mercato/api';
import { Link } from 'react-router';
import { MembersSection } from './MembersSection';
import { useGrantableRoles } from './use-grantable-roles';

/** A project's members (its page's section): owners and staff grant any project role, managers the member role. */
export function ProjectMembers({ project }: { project: Project }) {
  const roles = useGrantableRoles(project.organization_id, project.id);
  return (
    <>
      <p>
        <Link to={`/organizations/${project.organization_id}`}>Its organization</Link>
      </p>
      <MembersSection collection="projects" parentId={project.id!} roles={roles} />
    </>
  );
}
