import type { Db } from '../db/database';
import type { OfferingAudienceRow } from '../db/tables';
import type { FieldError } from '../http/problem';
import { ID } from '../http/schemas';
import { audienceRowsOf, liveOrganizationIds, liveProjectOrganizations } from './offering-audience-repository';

/**
 * Visibility (Waldur's offering rules): an offering is `public` (the default) or `restricted` to
 * the organizations in `allowed_organization_ids` and the projects in `allowed_project_ids`.
 * auth/access.ts says who sees and who may order what; this file turns what a provider writes into
 * the audience rows kept, with errors naming the field.
 */

const VISIBILITIES = ['public', 'restricted'];

const ID_LIST = {
  type: 'array',
  items: ID,
  maxItems: 1000,
  uniqueItems: true,
} as const;

/** The request body fields of visibility, for POST and PATCH /offerings. */
export const AUDIENCE_FIELDS = {
  visibility: {
    type: 'string',
    enum: VISIBILITIES,
    description:
      '`public` (default): every signed-in user sees it. `restricted`: only its provider, staff, and the organizations and projects listed in `allowed_organization_ids` and `allowed_project_ids` see it, search it and order it. Setting `public` clears both lists.',
  },
  allowed_organization_ids: {
    ...ID_LIST,
    description:
      'Of a restricted offering: organizations whose members (of the organization or of any of its projects) see it and order it into their projects. Replaced whole when given.',
  },
  allowed_project_ids: {
    ...ID_LIST,
    description:
      'Of a restricted offering: projects whose members and whose organization owners see it and order it into them. Replaced whole when given.',
  },
} as const;

export interface AudienceInput {
  visibility?: string;
  allowed_organization_ids?: string[];
  allowed_project_ids?: string[];
}

/** What a write does to an offering's audience: the rows to keep (undefined: leave them as they are), or what is wrong. */
export interface AudienceChange {
  errors: FieldError[];
  rows?: OfferingAudienceRow[];
}

/**
 * The audience an offering write leads to. `current` is the offering before a PATCH (undefined
 * for a new one). The lists must name organizations and projects that exist, and only a
 * restricted offering has them.
 */
export async function audienceChange(
  db: Db,
  offeringId: string,
  input: AudienceInput,
  current?: { visibility: string },
): Promise<AudienceChange> {
  const { allowed_organization_ids: organizations, allowed_project_ids: projects } = input;
  const visibility = input.visibility ?? current?.visibility ?? 'public';
  if (visibility === 'public') {
    const errors = (['allowed_organization_ids', 'allowed_project_ids'] as const)
      .filter((field) => input[field]?.length)
      .map((field) => ({
        field,
        message: 'lists who sees a restricted offering only: set visibility to "restricted", or leave the list empty',
      }));
    const clears = current?.visibility === 'restricted' || organizations !== undefined || projects !== undefined;
    return { errors, rows: clears ? [] : undefined };
  }
  if (organizations === undefined && projects === undefined && current?.visibility === 'restricted')
    return { errors: [] };

  const kept = current ? await audienceRowsOf(db, offeringId) : [];
  const errors: FieldError[] = [];
  let rows: OfferingAudienceRow[];
  if (organizations === undefined) rows = kept.filter((r) => r.project_id === '');
  else {
    const live = await liveOrganizationIds(db, organizations);
    organizations.forEach((id, i) => {
      if (!live.has(id)) errors.push({ field: `allowed_organization_ids[${i}]`, message: `no organization ${id}` });
    });
    rows = organizations.map((id) => ({ offering_id: offeringId, organization_id: id, project_id: '' }));
  }
  if (projects === undefined) rows.push(...kept.filter((r) => r.project_id !== ''));
  else {
    const live = await liveProjectOrganizations(db, projects);
    projects.forEach((id, i) => {
      const organization = live.get(id);
      if (organization === undefined) errors.push({ field: `allowed_project_ids[${i}]`, message: `no project ${id}` });
      else rows.push({ offering_id: offeringId, organization_id: organization, project_id: id });
    });
  }
  return { errors, rows };
}
