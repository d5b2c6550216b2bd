import type { OfferingAudienceRow, OfferingRow, OfferingVersionRow } from '../db/tables';
import { json } from '../http/route-context';
import { ID, TIMESTAMP, object } from '../http/schemas';
import semver from 'semver';

export const PLATFORMS = ['aws', 'azure', 'gcp', 'on-premises', 'other'];
export const OFFERING_STATUSES = ['draft', 'active', 'paused', 'archived'];
const BILLING_TYPES = ['fixed', 'usage', 'limit', 'one-time'];
export const VERSION_STATUSES = ['available', 'beta', 'deprecated'];

export interface Component {
  type: string;
  name: string;
  measured_unit?: string;
  billing_type: string;
}

export const COMPONENT = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'name', 'billing_type'],
  properties: {
    type: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 100, description: 'Machine name, e.g. `cpu`.' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    measured_unit: { type: 'string', maxLength: 50 },
    billing_type: { type: 'string', enum: BILLING_TYPES },
  },
} as const;

export const OFFERING = object({
  id: ID,
  organization_id: ID,
  category_id: ID,
  name: { type: 'string' },
  slug: { type: 'string' },
  description: { type: 'string' },
  type: { type: 'string' },
  platform: { type: 'string' },
  tags: { type: 'array', items: { type: 'string' } },
  status: {
    type: 'string',
    description:
      'What the catalog shows: `requested_status`, except `draft` while an offering asked to be `active` lacks a category, a plan that is not archived or a version (`status_reason` says which); it turns `active` by itself when they exist.',
  },
  requested_status: { type: 'string', description: 'The status its provider asked for (`status` in POST and PATCH).' },
  status_reason: {
    type: 'string',
    description: 'Why `status` differs from `requested_status`; empty when they agree.',
  },
  visibility: { type: 'string', description: '`public`, or `restricted` to the listed organizations and projects.' },
  allowed_organization_ids: {
    type: 'array',
    items: { type: 'string' },
    description: "Of a restricted offering; shown only to its provider's members and staff.",
  },
  allowed_project_ids: {
    type: 'array',
    items: { type: 'string' },
    description: "Of a restricted offering; shown only to its provider's members and staff.",
  },
  auto_approve: { type: 'boolean' },
  bill_paused: {
    type: 'boolean',
    description:
      "Whether a paused resource's `fixed` and `limit` components are billed as when active; false: paused time is free.",
  },
  plugin_options: { type: 'object', additionalProperties: true },
  secret_option_keys: {
    type: 'array',
    items: { type: 'string' },
    description: 'Names of the secret options set; their values are write-only.',
  },
  documentation_url: { type: 'string' },
  requirements: { type: 'string' },
  components: { type: 'array', items: { ...COMPONENT, required: undefined } },
  versions: { type: 'array', items: { type: 'string' } },
  latest_version: { type: ['string', 'null'], description: 'Newest available (not beta, not deprecated) version.' },
  latest_version_status: {
    type: ['string', 'null'],
    description:
      "The status of `latest_version`: `beta` when no version is available but a beta one is (the catalog's beta badge); null without one.",
  },
  all_versions_deprecated: {
    type: 'boolean',
    description:
      "True when the offering has versions and every one is deprecated: nothing left to order (the catalog's deprecated badge).",
  },
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

export type VersionSummary = Pick<OfferingVersionRow, 'version' | 'status'>;

/** Highest available version; beta only when nothing is available; never deprecated. */
export function latestVersion(versions: VersionSummary[]): string | null {
  const pick = (status: string) =>
    versions
      .filter((v) => v.status === status)
      .map((v) => v.version)
      .sort(semver.rcompare)[0];
  return pick('available') ?? pick('beta') ?? null;
}

/** An offering as the API presents it to its provider's members and staff (presentedFor says what others see). */
export function presentOffering(row: OfferingRow, versions: VersionSummary[], audience: OfferingAudienceRow[]) {
  const { secret_options, ...rest } = row;
  const listed = (rows: OfferingAudienceRow[], id: (r: OfferingAudienceRow) => string) => rows.map(id).sort();
  const latest = latestVersion(versions);
  return {
    ...rest,
    allowed_organization_ids: listed(
      audience.filter((r) => r.project_id === ''),
      (r) => r.organization_id,
    ),
    allowed_project_ids: listed(
      audience.filter((r) => r.project_id !== ''),
      (r) => r.project_id,
    ),
    tags: json<string[]>(row.tags, []),
    auto_approve: row.auto_approve === 1,
    // Rows from before migration 019 read as the column's default.
    bill_paused: row.bill_paused !== 0,
    plugin_options: json<Record<string, unknown>>(row.plugin_options, {}),
    secret_option_keys: Object.keys(json<Record<string, unknown>>(secret_options, {})).sort(),
    components: json<Component[]>(row.components, []),
    versions: versions.map((v) => v.version).sort(semver.compare),
    latest_version: latest,
    latest_version_status: latest === null ? null : (versions.find((v) => v.version === latest)?.status ?? null),
    all_versions_deprecated: versions.length > 0 && versions.every((v) => v.status === 'deprecated'),
  };
}

export type PresentedOffering = ReturnType<typeof presentOffering>;

/** What callers outside the provider see of an offering: who else it is restricted to is not theirs to know. */
export type ConsumerOffering = Omit<PresentedOffering, 'allowed_organization_ids' | 'allowed_project_ids'>;

export function consumerView(offering: PresentedOffering): ConsumerOffering {
  const { allowed_organization_ids: _organizations, allowed_project_ids: _projects, ...rest } = offering;
  return rest;
}
