import type { MercatoClient } from '@mercato/api';
import { inOptionTerms } from '../input/field-options';
import { findKind } from '../objects/kinds';
import type { Item, WriteFormat } from '../objects/output';
import { resolveOrganizationId } from '../objects/references';
import { renderWritten } from '../objects/written';

/** Options of `mercato create organization|project`. */
export interface CreateOptions {
  description?: string;
  /** The project's organization, by name or id. */
  organization?: string;
  output?: WriteFormat;
}

const FIELD_OPTIONS = { name: 'NAME', description: '--description', organization_id: '--organization' };

/** `mercato create organization NAME`: a new organization; a creator who is not staff becomes its owner. */
export async function runCreateOrganization(
  client: MercatoClient,
  name: string,
  options: CreateOptions,
): Promise<string> {
  const organization = await client
    .create<Item>('/organizations', { name, description: options.description })
    .catch(inOptionTerms(FIELD_OPTIONS));
  return renderWritten(findKind('organizations'), organization, 'created', options.output, `"${organization.name}"`);
}

/** `mercato create project NAME --organization ORG`: a new project in the organization (its owner creates it). */
export async function runCreateProject(client: MercatoClient, name: string, options: CreateOptions): Promise<string> {
  const organizationId = await resolveOrganizationId(client, options.organization!);
  const project = await client
    .create<Item>('/projects', { organization_id: organizationId, name, description: options.description })
    .catch(inOptionTerms(FIELD_OPTIONS));
  return renderWritten(
    findKind('projects'),
    project,
    'created',
    options.output,
    `"${project.name}" in organization ${options.organization}`,
  );
}
