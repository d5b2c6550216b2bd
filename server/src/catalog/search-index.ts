import type { Db } from '../db/database';
import { presentOffering, type PresentedOffering, type VersionSummary } from './offering-model';

/** Facets a search counts, and the query parameter each is filtered by. */
export const FACETS = {
  category: 'category_id',
  platform: 'platform',
  version: 'version',
  status: 'status',
  organization: 'organization_id',
} as const;
type Facet = keyof typeof FACETS;
const FACET_NAMES = Object.keys(FACETS) as Facet[];

export interface SearchQuery {
  q?: string;
  category_id?: string;
  platform?: string;
  version?: string;
  status?: string;
  organization_id?: string;
  tags?: string;
  sort?: 'name' | 'newest';
  limit: number;
  cursor?: string;
}

export interface Viewer {
  isStaff: boolean;
  /** Organizations whose draft offerings the viewer may see. */
  providerOrganizationIds: string[];
}

export interface FacetValue {
  value: string;
  label?: string;
  count: number;
}

/** Interns strings as small integers, so filters compare numbers. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
  lookup(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

const tokenize = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Everything a search reads, built at once from the database and replaced whole on the next change. */
class Snapshot {
  readonly docs: PresentedOffering[];
  readonly byId = new Map<string, number>();
  readonly bySlug = new Map<string, number>();
  readonly dictionaries = Object.fromEntries(FACET_NAMES.map((f) => [f, new Dictionary()])) as Record<Facet, Dictionary>;
  readonly tagDictionary = new Dictionary();
  readonly facetCodes: Record<Exclude<Facet, 'version'>, Int32Array>;
  readonly versionCodes: number[][];
  readonly tagCodes: number[][];
  readonly isDraft: Uint8Array;
  readonly labels: Record<Facet, Map<string, string>>;
  /** Sorted vocabulary and, per word, the documents holding it: prefix search by binary search. */
  readonly words: string[];
  readonly postings: Map<string, number[]>;
  readonly orders: Record<'name' | 'newest', Int32Array>;
  readonly positions: Record<'name' | 'newest', Int32Array>;
  private readonly prefixCache = new Map<string, Uint8Array>();

  constructor(docs: PresentedOffering[], labels: Record<Facet, Map<string, string>>) {
    this.docs = docs;
    this.labels = labels;
    const n = docs.length;
    this.facetCodes = { category: new Int32Array(n), platform: new Int32Array(n), status: new Int32Array(n), organization: new Int32Array(n) };
    this.versionCodes = [];
    this.tagCodes = [];
    this.isDraft = new Uint8Array(n);
    this.postings = new Map();
    docs.forEach((doc, i) => {
      this.byId.set(doc.id, i);
      this.bySlug.set(doc.slug, i);
      this.facetCodes.category[i] = this.dictionaries.category.code(doc.category_id);
      this.facetCodes.platform[i] = this.dictionaries.platform.code(doc.platform);
      this.facetCodes.status[i] = this.dictionaries.status.code(doc.status);
      this.facetCodes.organization[i] = this.dictionaries.organization.code(doc.organization_id);
      this.versionCodes.push(doc.versions.map((v) => this.dictionaries.version.code(v)));
      this.tagCodes.push(doc.tags.map((t) => this.tagDictionary.code(t.toLowerCase())));
      this.isDraft[i] = doc.status === 'draft' ? 1 : 0;
      for (const word of new Set(tokenize(`${doc.name} ${doc.slug} ${doc.description} ${doc.tags.join(' ')}`))) {
        const list = this.postings.get(word);
        if (list) list.push(i);
        else this.postings.set(word, [i]);
      }
    });
    this.words = [...this.postings.keys()].sort();
    const byName = [...docs.keys()].sort((a, b) => docs[a].name.localeCompare(docs[b].name) || (docs[a].id < docs[b].id ? -1 : 1));
    const byNewest = [...docs.keys()].sort((a, b) => (docs[a].id < docs[b].id ? 1 : -1));
    this.orders = { name: Int32Array.from(byName), newest: Int32Array.from(byNewest) };
    this.positions = { name: new Int32Array(n), newest: new Int32Array(n) };
    byName.forEach((doc, position) => (this.positions.name[doc] = position));
    byNewest.forEach((doc, position) => (this.positions.newest[doc] = position));
  }

  /** Documents holding a word that starts with `prefix`, as a membership array. */
  matchingPrefix(prefix: string): Uint8Array {
    let hits = this.prefixCache.get(prefix);
    if (hits) return hits;
    hits = new Uint8Array(this.docs.length);
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.words[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    for (let w = low; w < this.words.length && this.words[w].startsWith(prefix); w++) {
      for (const doc of this.postings.get(this.words[w])!) hits[doc] = 1;
    }
    if (this.prefixCache.size > 10000) this.prefixCache.clear();
    this.prefixCache.set(prefix, hits);
    return hits;
  }
}

/**
 * The catalog search: keyword over name, description and tags, facet filters with a count per
 * facet value, sorted and cursor-paginated. It runs in memory over a snapshot of the catalog,
 * rebuilt lazily after a change, because faceted counts over SQL on every keystroke cost far
 * more than the catalog's size in memory.
 */
export class CatalogIndex {
  private snapshot?: Snapshot;
  private building?: Promise<Snapshot>;
  private generation = 0;

  constructor(private readonly db: Db) {}

  invalidate() {
    this.generation++;
    this.snapshot = undefined;
  }

  async current(): Promise<Snapshot> {
    if (this.snapshot) return this.snapshot;
    if (!this.building) {
      const generation = this.generation;
      this.building = this.build().then((snapshot) => {
        this.building = undefined;
        if (generation === this.generation) this.snapshot = snapshot;
        return snapshot;
      }, (error) => {
        this.building = undefined;
        throw error;
      });
    }
    return this.building;
  }

  async find(idOrSlug: string): Promise<PresentedOffering | undefined> {
    const snapshot = await this.current();
    const index = snapshot.byId.get(idOrSlug) ?? snapshot.bySlug.get(idOrSlug);
    return index === undefined ? undefined : snapshot.docs[index];
  }

  async search(query: SearchQuery, viewer: Viewer) {
    return runSearch(await this.current(), query, viewer);
  }

  private async build(): Promise<Snapshot> {
    const [offerings, versions, categories, organizations] = await Promise.all([
      this.db.selectFrom('offerings').selectAll().execute(),
      this.db.selectFrom('offering_versions').select(['offering_id', 'version', 'status']).execute(),
      this.db.selectFrom('categories').select(['id', 'title']).execute(),
      this.db.selectFrom('organizations').select(['id', 'name']).execute(),
    ]);
    const versionsByOffering = new Map<string, VersionSummary[]>();
    for (const v of versions) {
      const list = versionsByOffering.get(v.offering_id) ?? [];
      list.push(v);
      versionsByOffering.set(v.offering_id, list);
    }
    const docs = offerings.map((o) => presentOffering(o, versionsByOffering.get(o.id) ?? []));
    const labels = {
      category: new Map(categories.map((c) => [c.id, c.title])),
      organization: new Map(organizations.map((o) => [o.id, o.name])),
      platform: new Map<string, string>(),
      version: new Map<string, string>(),
      status: new Map<string, string>(),
    };
    return new Snapshot(docs, labels);
  }
}

function runSearch(s: Snapshot, query: SearchQuery, viewer: Viewer) {
  const n = s.docs.length;
  const sort = query.sort ?? 'name';
  const order = s.orders[sort];
  const wanted: Record<Facet, number> = { category: -2, platform: -2, version: -2, status: -2, organization: -2 };
  for (const facet of FACET_NAMES) {
    const value = query[FACETS[facet]];
    if (value !== undefined && value !== '') wanted[facet] = s.dictionaries[facet].lookup(value);
  }
  const tagCodes = (query.tags ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean).map((t) => s.tagDictionary.lookup(t));
  const keywordHits = tokenize(query.q ?? '').map((word) => s.matchingPrefix(word));
  const providerCodes = new Set(viewer.providerOrganizationIds.map((id) => s.dictionaries.organization.lookup(id)));
  const counts = Object.fromEntries(FACET_NAMES.map((f) => [f, new Int32Array(s.dictionaries[f].values.length)])) as Record<Facet, Int32Array>;
  const start = startPosition(s, sort, query.cursor);
  const items: PresentedOffering[] = [];
  let total = 0;
  let more = false;

  for (let position = 0; position < n; position++) {
    const doc = order[position];
    if (s.isDraft[doc] && !viewer.isStaff && !providerCodes.has(s.facetCodes.organization[doc])) continue;
    if (!keywordHits.every((hits) => hits[doc] === 1)) continue;
    if (!tagCodes.every((code) => s.tagCodes[doc].includes(code))) continue;
    const versions = s.versionCodes[doc];
    let failed: Facet | undefined;
    let failures = 0;
    for (const facet of FACET_NAMES) {
      const want = wanted[facet];
      if (want === -2) continue;
      const ok = facet === 'version' ? versions.includes(want) : s.facetCodes[facet][doc] === want;
      if (!ok) {
        failures++;
        failed = facet;
      }
    }
    if (failures > 1) continue;
    // Each facet counts with every filter applied but its own, so a user sees what choosing
    // another value of that facet would give.
    for (const facet of FACET_NAMES) {
      if (failures === 1 && facet !== failed) continue;
      if (facet === 'version') versions.forEach((code) => counts.version[code]++);
      else counts[facet][s.facetCodes[facet][doc]]++;
    }
    if (failures === 1) continue;
    total++;
    if (position < start) continue;
    if (items.length < query.limit) items.push(s.docs[doc]);
    else more = true;
  }

  const facets = Object.fromEntries(
    FACET_NAMES.map((facet) => [facet, facetValues(s, facet, counts[facet])]),
  ) as Record<Facet, FacetValue[]>;
  const last = items[items.length - 1];
  return { items, next_cursor: more && last ? encodeSearchCursor(s, sort, last.id) : null, total, facets };
}

function facetValues(s: Snapshot, facet: Facet, counts: Int32Array): FacetValue[] {
  const values: FacetValue[] = [];
  counts.forEach((count, code) => {
    if (count === 0) return;
    const value = s.dictionaries[facet].values[code];
    const label = s.labels[facet].get(value);
    values.push(label ? { value, label, count } : { value, count });
  });
  return values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** A search cursor names the last item seen and its position, so it survives a rebuilt index. */
function encodeSearchCursor(s: Snapshot, sort: 'name' | 'newest', id: string): string {
  return Buffer.from(`${s.positions[sort][s.byId.get(id)!]}:${id}`).toString('base64url');
}

function startPosition(s: Snapshot, sort: 'name' | 'newest', cursor?: string): number {
  if (!cursor) return 0;
  const [position, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  const doc = s.byId.get(id);
  if (doc !== undefined) return s.positions[sort][doc] + 1;
  const fallback = Number(position);
  return Number.isInteger(fallback) && fallback >= 0 ? fallback + 1 : 0;
}
