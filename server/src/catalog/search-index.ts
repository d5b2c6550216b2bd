import type { Audience } from '../auth/access';
import type { OfferingAudienceRow } from '../db/tables';
import { consumerView, presentOffering, type PresentedOffering, type VersionSummary } from './offering-model';
import { toAudience } from './offering-audience-repository';
import type { loadCatalog } from './offerings-repository';

/**
 * The catalog search: keyword over name, description and tags, facet filters with a count per
 * facet value, sorted and cursor-paginated. It runs in memory over a snapshot of the catalog,
 * rebuilt lazily after a change (catalog-cache.ts decides when), because faceted counts over SQL
 * on every keystroke cost far more than the catalog's size in memory.
 */

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

/** Who searches, as the visibility rules of auth/access.ts (canSeeOffering) need to know it. */
export interface Viewer {
  isStaff: boolean;
  /** Organizations whose offerings the viewer sees whatever their status and audience: it is their provider. */
  providerOrganizationIds: string[];
  /** Organizations it holds a role in, or in one of whose projects it holds one: restricted offerings listing them. */
  memberOrganizationIds: string[];
  /** Projects it holds a role in: restricted offerings listing them. */
  projectIds: string[];
  /** Organizations it owns: restricted offerings listing one of their projects. */
  ownedOrganizationIds: string[];
}

/** An offering of the catalog with who may see it. */
export interface CatalogEntry {
  offering: PresentedOffering;
  audience: Audience;
}

/**
 * Keys of the audience bitsets: a restricted offering is in `o:<organization>` for each listed
 * organization, `p:<project>` for each listed project and `w:<organization>` for the organization
 * of each listed project (its owners); a viewer holds the keys of its memberships (Viewer).
 */
function audienceKeys(audience: Audience): string[] {
  return [
    ...audience.organizationIds.map((id) => `o:${id}`),
    ...audience.projects.flatMap((project) => [`p:${project.id}`, `w:${project.organization_id}`]),
  ];
}

function viewerKeys(viewer: Viewer): string[] {
  return [
    ...viewer.memberOrganizationIds.map((id) => `o:${id}`),
    ...viewer.projectIds.map((id) => `p:${id}`),
    ...viewer.ownedOrganizationIds.map((id) => `w:${id}`),
  ];
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

const tokenize = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** `a.localeCompare(b)` without building a collator on every call. */
const collator = new Intl.Collator();

/**
 * A set of documents as a bitset, one bit per document index: filters intersect 32 documents
 * per operation, and a facet value's count is the population count of an intersection.
 */
type Bits = Uint32Array;

function setBit(bits: Bits, doc: number) {
  bits[doc >>> 5] |= 1 << (doc & 31);
}

const hasBit = (bits: Bits, doc: number) => ((bits[doc >>> 5] >>> (doc & 31)) & 1) === 1;

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function popcount(bits: Bits): number {
  let count = 0;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) count += popcount32(bits[w]);
  return count;
}

/** |a ∩ b| without materialising the intersection. */
function popcountAnd(a: Bits, b: Bits): number {
  let count = 0;
  for (let w = 0; w < a.length; w++) {
    const x = a[w] & b[w];
    if (x !== 0) count += popcount32(x);
  }
  return count;
}

function andInto(target: Bits, other: Bits) {
  for (let w = 0; w < target.length; w++) target[w] &= other[w];
}

function orInto(target: Bits, other: Bits) {
  for (let w = 0; w < target.length; w++) target[w] |= other[w];
}

/** Calls `visit` with every document in the set, in index order. */
function forEachBit(bits: Bits, visit: (doc: number) => void) {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word !== 0) {
      const lowest = word & -word;
      visit((w << 5) | (31 - Math.clz32(lowest)));
      word ^= lowest;
    }
  }
}

/** Everything a search reads, built at once from the database and replaced whole on the next change. */
export class Snapshot {
  readonly docs: PresentedOffering[];
  readonly audiences: Audience[];
  /** Each document as JSON, made once, as its provider sees it and as others do: writing search pages is then string joins. */
  private readonly json: string[] = [];
  private readonly consumerJson: string[] = [];
  readonly byId = new Map<string, number>();
  readonly bySlug = new Map<string, number>();
  readonly dictionaries = Object.fromEntries(FACET_NAMES.map((f) => [f, new Dictionary()])) as Record<
    Facet,
    Dictionary
  >;
  readonly tagDictionary = new Dictionary();
  readonly facetCodes: Record<Exclude<Facet, 'version'>, Int32Array>;
  readonly versionCodes: number[][];
  readonly labels: Record<Facet, Map<string, string>>;
  /** Words of 32 bits in each bitset. */
  readonly width: number;
  /** Every document; the documents that are not drafts; those of them that are public. */
  readonly everything: Bits;
  readonly published: Bits;
  readonly publicPublished: Bits;
  /** Restricted documents that are not drafts, by audience key (audienceKeys). */
  readonly audienceBits = new Map<string, Bits>();
  /** Per facet, per value code: the documents with that value (for version: that have it). */
  readonly valueBits: Record<Facet, Bits[]>;
  readonly tagBits: Bits[];
  /** Sorted vocabulary and, per word, the documents holding it: prefix search by binary search. */
  readonly words: string[];
  readonly postings: Map<string, number[]>;
  readonly orders: Record<'name' | 'newest', Int32Array>;
  readonly positions: Record<'name' | 'newest', Int32Array>;
  private readonly prefixCache = new Map<string, Bits>();

  constructor(docs: PresentedOffering[], audiences: Audience[], labels: Record<Facet, Map<string, string>>) {
    this.docs = docs;
    this.audiences = audiences;
    this.labels = labels;
    const n = docs.length;
    const width = (this.width = (n + 31) >>> 5);
    this.facetCodes = {
      category: new Int32Array(n),
      platform: new Int32Array(n),
      status: new Int32Array(n),
      organization: new Int32Array(n),
    };
    this.versionCodes = [];
    this.everything = new Uint32Array(width);
    this.published = new Uint32Array(width);
    this.publicPublished = new Uint32Array(width);
    this.valueBits = Object.fromEntries(FACET_NAMES.map((f) => [f, []])) as unknown as Record<Facet, Bits[]>;
    this.tagBits = [];
    this.postings = new Map();
    const bitsOf = (list: Bits[], code: number) => (list[code] ??= new Uint32Array(width));
    docs.forEach((doc, i) => {
      this.byId.set(doc.id, i);
      this.bySlug.set(doc.slug, i);
      setBit(this.everything, i);
      if (doc.status !== 'draft') {
        setBit(this.published, i);
        if (!audiences[i].restricted) setBit(this.publicPublished, i);
        else
          for (const key of audienceKeys(audiences[i])) {
            let bits = this.audienceBits.get(key);
            if (!bits) this.audienceBits.set(key, (bits = new Uint32Array(width)));
            setBit(bits, i);
          }
      }
      const single = {
        category: doc.category_id,
        platform: doc.platform,
        status: doc.status,
        organization: doc.organization_id,
      };
      for (const facet of ['category', 'platform', 'status', 'organization'] as const) {
        const code = this.dictionaries[facet].code(single[facet]);
        this.facetCodes[facet][i] = code;
        setBit(bitsOf(this.valueBits[facet], code), i);
      }
      const versionCodes = doc.versions.map((v) => this.dictionaries.version.code(v));
      this.versionCodes.push(versionCodes);
      for (const code of versionCodes) setBit(bitsOf(this.valueBits.version, code), i);
      for (const tag of doc.tags) setBit(bitsOf(this.tagBits, this.tagDictionary.code(tag.toLowerCase())), i);
      for (const word of new Set(tokenize(`${doc.name} ${doc.slug} ${doc.description} ${doc.tags.join(' ')}`))) {
        const list = this.postings.get(word);
        if (list) list.push(i);
        else this.postings.set(word, [i]);
      }
    });
    this.words = [...this.postings.keys()].sort();
    const byName = [...docs.keys()].sort(
      (a, b) => collator.compare(docs[a].name, docs[b].name) || (docs[a].id < docs[b].id ? -1 : 1),
    );
    const byNewest = [...docs.keys()].sort((a, b) => (docs[a].id < docs[b].id ? 1 : -1));
    this.orders = { name: Int32Array.from(byName), newest: Int32Array.from(byNewest) };
    this.positions = { name: new Int32Array(n), newest: new Int32Array(n) };
    byName.forEach((doc, position) => (this.positions.name[doc] = position));
    byNewest.forEach((doc, position) => (this.positions.newest[doc] = position));
  }

  /** The document as JSON: whole for its provider's members and staff (`full`), else as consumerView shows it. */
  jsonOf(index: number, full: boolean): string {
    if (full) return (this.json[index] ??= JSON.stringify(this.docs[index]));
    return (this.consumerJson[index] ??= JSON.stringify(consumerView(this.docs[index])));
  }

  /** Documents holding a word that starts with `prefix`. Read only: the set is cached. */
  matchingPrefix(prefix: string): Bits {
    let hits = this.prefixCache.get(prefix);
    if (hits) return hits;
    hits = new Uint32Array(this.width);
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.words[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    for (let w = low; w < this.words.length && this.words[w].startsWith(prefix); w++) {
      for (const doc of this.postings.get(this.words[w])!) setBit(hits, doc);
    }
    if (this.prefixCache.size > 10000) this.prefixCache.clear();
    this.prefixCache.set(prefix, hits);
    return hits;
  }
}

/** A snapshot of the catalog as loadCatalog reads it, ready to search. */
export function buildSnapshot(catalog: Awaited<ReturnType<typeof loadCatalog>>): Snapshot {
  const { offerings, versions, categories, organizations, audienceRows } = catalog;
  const versionsByOffering = new Map<string, VersionSummary[]>();
  for (const v of versions) {
    const list = versionsByOffering.get(v.offering_id) ?? [];
    list.push(v);
    versionsByOffering.set(v.offering_id, list);
  }
  const rowsByOffering = new Map<string, OfferingAudienceRow[]>();
  for (const row of audienceRows) {
    const list = rowsByOffering.get(row.offering_id) ?? [];
    list.push(row);
    rowsByOffering.set(row.offering_id, list);
  }
  const docs = offerings.map((o) =>
    presentOffering(o, versionsByOffering.get(o.id) ?? [], rowsByOffering.get(o.id) ?? []),
  );
  const audiences = offerings.map((o) => toAudience(o.visibility, rowsByOffering.get(o.id) ?? []));
  const labels = {
    category: new Map(categories.map((c) => [c.id, c.title])),
    organization: new Map(organizations.map((o) => [o.id, o.name])),
    platform: new Map<string, string>(),
    version: new Map<string, string>(),
    status: new Map<string, string>(),
  };
  return new Snapshot(docs, audiences, labels);
}

/** One offering of the snapshot by id or slug. */
export function lookup(s: Snapshot, idOrSlug: string): CatalogEntry | undefined {
  const index = s.byId.get(idOrSlug) ?? s.bySlug.get(idOrSlug);
  return index === undefined ? undefined : { offering: s.docs[index], audience: s.audiences[index] };
}

/** The search answer as the JSON text the API sends, built from each offering's cached JSON. */
export function searchJson(snapshot: Snapshot, query: SearchQuery, viewer: Viewer): string {
  const { items, ...rest } = runSearch(snapshot, query, viewer);
  const head = JSON.stringify(rest);
  const providers = new Set(viewer.providerOrganizationIds);
  const json = items.map((doc) =>
    snapshot.jsonOf(doc, viewer.isStaff || providers.has(snapshot.docs[doc].organization_id)),
  );
  return `{"items":[${json.join(',')}],${head.slice(1)}`;
}

/**
 * Set algebra over bitsets: the viewer's visible documents, intersected with every keyword
 * prefix and tag, then with each facet filter. Each facet counts with every filter applied but
 * its own, so a user sees what choosing another value of that facet would give.
 */
function runSearch(s: Snapshot, query: SearchQuery, viewer: Viewer) {
  const n = s.docs.length;
  const sort = query.sort ?? 'name';
  const order = s.orders[sort];

  // Visibility, keywords and tags: the filters that are not facets.
  const base = Uint32Array.from(viewer.isStaff ? s.everything : s.publicPublished);
  if (!viewer.isStaff) {
    // Restricted offerings are seen by their audience (auth/access.ts inAudience), and drafts and
    // restricted ones alike by their provider's owners and service managers.
    for (const key of viewerKeys(viewer)) {
      const bits = s.audienceBits.get(key);
      if (bits) orInto(base, bits);
    }
    for (const id of viewer.providerOrganizationIds) {
      const code = s.dictionaries.organization.lookup(id);
      if (code >= 0) orInto(base, s.valueBits.organization[code]);
    }
  }
  for (const word of tokenize(query.q ?? '')) andInto(base, s.matchingPrefix(word));
  for (const tag of (query.tags ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean)) {
    const code = s.tagDictionary.lookup(tag);
    if (code >= 0) andInto(base, s.tagBits[code]);
    else base.fill(0);
  }

  // The facets filtered on, each as the set of documents its wanted value selects.
  const filters: Array<{ facet: Facet; bits: Bits | undefined }> = [];
  for (const facet of FACET_NAMES) {
    const value = query[FACETS[facet]];
    if (value === undefined || value === '') continue;
    const code = s.dictionaries[facet].lookup(value);
    filters.push({ facet, bits: code >= 0 ? s.valueBits[facet][code] : undefined });
  }
  const intersect = (skip?: Facet) => {
    const bits = Uint32Array.from(base);
    for (const filter of filters) {
      if (filter.facet === skip) continue;
      if (filter.bits) andInto(bits, filter.bits);
      else bits.fill(0);
    }
    return bits;
  };
  const matching = intersect();

  const facets = {} as Record<Facet, FacetValue[]>;
  for (const facet of FACET_NAMES) {
    const candidates = filters.some((f) => f.facet === facet) ? intersect(facet) : matching;
    facets[facet] = facetValues(s, facet, countValues(s, facet, candidates));
  }

  const total = popcount(matching);
  const start = startPosition(s, sort, query.cursor);
  /** Document indices. */
  const items: number[] = [];
  let more = false;
  if (total * 16 < n) {
    // Few matches: sort them by position rather than walk the whole order.
    const positions: number[] = [];
    forEachBit(matching, (doc) => {
      const position = s.positions[sort][doc];
      if (position >= start) positions.push(position);
    });
    positions.sort((a, b) => a - b);
    for (const position of positions.slice(0, query.limit)) items.push(order[position]);
    more = positions.length > query.limit;
  } else {
    for (let position = start; position < n; position++) {
      const doc = order[position];
      if (!hasBit(matching, doc)) continue;
      if (items.length === query.limit) {
        more = true;
        break;
      }
      items.push(doc);
    }
  }
  const last = items[items.length - 1];
  return {
    items,
    next_cursor: more && last !== undefined ? encodeSearchCursor(s, sort, s.docs[last].id) : null,
    total,
    facets,
  };
}

/** How many of `candidates` hold each value of `facet`. */
function countValues(s: Snapshot, facet: Facet, candidates: Bits): Int32Array {
  const valueBits = s.valueBits[facet];
  const counts = new Int32Array(s.dictionaries[facet].values.length);
  const size = popcount(candidates);
  if (size === 0) return counts;
  if (size < valueBits.length * candidates.length) {
    // Few candidates: visit each.
    if (facet === 'version') forEachBit(candidates, (doc) => s.versionCodes[doc].forEach((code) => counts[code]++));
    else {
      const codes = s.facetCodes[facet];
      forEachBit(candidates, (doc) => counts[codes[doc]]++);
    }
  } else {
    for (let code = 0; code < valueBits.length; code++) counts[code] = popcountAnd(candidates, valueBits[code]);
  }
  return counts;
}

function facetValues(s: Snapshot, facet: Facet, counts: Int32Array): FacetValue[] {
  const values: FacetValue[] = [];
  counts.forEach((count, code) => {
    if (count === 0) return;
    const value = s.dictionaries[facet].values[code];
    const label = s.labels[facet].get(value);
    values.push(label ? { value, label, count } : { value, count });
  });
  return values.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
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
