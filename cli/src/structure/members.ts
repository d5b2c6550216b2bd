import { ORGANIZATION_ROLES, PROJECT_ROLES, type MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import { inOptionTerms } from '../input/field-options';
import type { Kind } from '../objects/kinds';
import type { Item, WriteFormat } from '../objects/output';
import { resolveOrganizationId, resolveProjectId, resolveUserId } from '../objects/references';
import { renderWritten } from '../objects/written';

/** Options of `mercato create member` and `mercato delete member`: where, and (to create) the role. */
export interface MemberOptions {
  project?: string;
  organization?: string;
  role?: string;
  output?: WriteFormat;
}

/** A role of a user in a project or organization; `-o name` prints `member/<username>`. */
const MEMBER: Kind = {
  plural: 'members',
  singular: 'member',
  aliases: [],
  columns: [],
  wide: [],
  filters: {},
  nameOf: (member) => String(member.username),
};

/** The project or organization the options name (exactly one), as its members' path and in words. */
async function membership(
  client: MercatoClient,
  options: MemberOptions,
): Promise<{ path: string; where: string; roles: readonly string[] }> {
  if ((options.project === undefined) === (options.organization === undefined))
    throw new CliError('give either --project or --organization: where the role is');
  if (options.project !== undefined)
    return {
      path: `/projects/${await resolveProjectId(client, options.project)}/members`,
      where: `project ${options.project}`,
      roles: PROJECT_ROLES,
    };
  return {
    path: `/organizations/${await resolveOrganizationId(client, options.organization!)}/members`,
    where: `organization ${options.organization}`,
    roles: ORGANIZATION_ROLES,
  };
}

/** `mercato create member USER --role ROLE --project P|--organization O`: grants the role (it replaces the user's current one there). */
export async function runCreateMember(client: MercatoClient, user: string, options: MemberOptions): Promise<string> {
  const { path, where, roles } = await membership(client, options);
  if (!options.role || !roles.includes(options.role))
    throw new CliError(
      `--role ${options.role ? `"${options.role}" ` : ''}in a ${where.split(' ')[0]}: one of ${roles.join(', ')}`,
    );
  const userId = await resolveUserId(client, user);
  const member = await client
    .create<Item>(path, { user_id: userId, role: options.role })
    .catch(inOptionTerms({ user_id: 'USER', role: '--role' }));
  return renderWritten(MEMBER, member, 'created', options.output, `${member.role} of ${where}`);
}

/** `mercato delete member USER --project P|--organization O`: revokes the user's role there. */
export async function runDeleteMember(client: MercatoClient, user: string, options: MemberOptions): Promise<string> {
  const { path, where } = await membership(client, options);
  const userId = await resolveUserId(client, user);
  const members = await client.listAll<Item>(path);
  const member = members.find((m) => m.user_id === userId);
  if (!member)
    throw new CliError(
      `${user} has no role in ${where}; its members: ${members.map((m) => m.username).join(', ') || '<none>'}`,
    );
  await client.delete(`${path}/${userId}`);
  return renderWritten(MEMBER, member, 'deleted', options.output, `no longer ${member.role} of ${where}`);
}
