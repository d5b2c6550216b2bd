/**
 * The catalog's query as the URL keeps it (`/?q=pg&platform=gcp`): a reload, a shared link and the
 * back button restore the search. Facet names are the search response's; parameters the API's.
 */
export const FACET_PARAMS = {
  category: 'category_id',
  platform: 'platform',
  status: 'status',
  version: 'version',
  organization: 'organization_id',
} as const;

export type FacetName = keyof typeof FACET_PARAMS;

export const FACET_TITLES: Record<FacetName, string> = {
  category: 'Category',
  platform: 'Platform',
  status: 'Status',
  version: 'Version',
  organization: 'Provider',
};

export const FACET_ORDER: FacetName[] = ['category', 'platform', 'status', 'version', 'organization'];

const PARAMS = ['q', ...Object.values(FACET_PARAMS)] as const;

/** The API query for a URL's search parameters: only the ones the catalog knows. */
export function catalogQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of PARAMS) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  return query;
}
