/** The offering summary shared by the `mercato_offering` and `mercato_offerings` data sources. */
export interface RemoteOffering {
  id: string;
  slug: string;
  name: string;
  description: string;
  organization_id: string;
  category_id: string;
  type: string;
  platform: string;
  status: string;
  status_reason: string;
  visibility: string;
  /** Present for its provider's members and staff only. */
  allowed_organization_ids?: string[];
  allowed_project_ids?: string[];
  tags: string[];
  versions: string[];
  latest_version: string | null;
}

export const OFFERING_SUMMARY_TYPE = [
  'object',
  {
    id: 'string',
    slug: 'string',
    name: 'string',
    description: 'string',
    organization_id: 'string',
    category_id: 'string',
    type: 'string',
    platform: 'string',
    status: 'string',
    status_reason: 'string',
    visibility: 'string',
    tags: ['list', 'string'],
    versions: ['list', 'string'],
    latest_version: 'string',
  },
] as const;

export function summary(o: RemoteOffering) {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    description: o.description,
    organization_id: o.organization_id,
    category_id: o.category_id,
    type: o.type,
    platform: o.platform,
    status: o.status,
    status_reason: o.status_reason ?? '',
    visibility: o.visibility ?? 'public',
    tags: o.tags,
    versions: o.versions,
    latest_version: o.latest_version ?? '',
  };
}
