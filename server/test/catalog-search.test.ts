import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, type Actor } from '@mercato/test-support/world';

/**
 * The catalog search over a small catalog whose every answer is known: keyword search, each
 * facet filter, tags, exact facet counts, sorting, cursor pagination, drafts and slugs.
 */

type Category = 'compute' | 'databases' | 'messaging';
type Provider = 'p1' | 'p2';

interface Spec {
  name: string;
  provider: Provider;
  category: Category;
  platform: string;
  status: 'active' | 'paused' | 'archived' | 'draft';
  versions: string[];
  tags: string[];
  description: string;
}

/** Created in this order, so "newest" is the reverse of it. */
const CATALOG: Spec[] = [
  {
    name: 'Alpha Virtual Machine',
    provider: 'p1',
    category: 'compute',
    platform: 'aws',
    status: 'active',
    versions: ['1.0.0', '2.0.0'],
    tags: ['vm', 'linux'],
    description: 'General purpose virtual machines with SSD storage',
  },
  {
    name: 'Beta GPU Machine',
    provider: 'p1',
    category: 'compute',
    platform: 'gcp',
    status: 'active',
    versions: ['1.0.0'],
    tags: ['vm', 'gpu'],
    description: 'Accelerated machines for machine learning',
  },
  {
    name: 'Bare Metal Server',
    provider: 'p2',
    category: 'compute',
    platform: 'on-premises',
    status: 'active',
    versions: ['2.0.0'],
    tags: ['metal', 'linux'],
    description: 'Dedicated hardware',
  },
  {
    name: 'Windows Desktop',
    provider: 'p2',
    category: 'compute',
    platform: 'azure',
    status: 'paused',
    versions: ['1.0.0'],
    tags: ['vm', 'windows'],
    description: 'Remote desktops',
  },
  {
    name: 'PostgreSQL Managed',
    provider: 'p1',
    category: 'databases',
    platform: 'gcp',
    status: 'active',
    versions: ['14.0.0', '15.0.0', '16.0.0'],
    tags: ['sql', 'database'],
    description: 'Managed relational database',
  },
  {
    name: 'MySQL Managed',
    provider: 'p2',
    category: 'databases',
    platform: 'aws',
    status: 'active',
    versions: ['8.0.0'],
    tags: ['sql', 'database'],
    description: 'Managed relational database for web apps',
  },
  {
    name: 'Redis Cache',
    provider: 'p1',
    category: 'databases',
    platform: 'azure',
    status: 'active',
    versions: ['7.2.0'],
    tags: ['Cache', 'database', 'in-memory'],
    description: 'In-memory key-value store',
  },
  {
    name: 'MongoDB Atlas Lite',
    provider: 'p2',
    category: 'databases',
    platform: 'aws',
    status: 'archived',
    versions: ['6.0.0'],
    tags: ['nosql', 'database'],
    description: 'Document database',
  },
  {
    name: 'Kafka Streams',
    provider: 'p1',
    category: 'messaging',
    platform: 'aws',
    status: 'active',
    versions: ['3.7.0'],
    tags: ['streaming', 'queue'],
    description: 'Event streaming platform',
  },
  {
    name: 'RabbitMQ Broker',
    provider: 'p2',
    category: 'messaging',
    platform: 'on-premises',
    status: 'active',
    versions: ['3.12.0'],
    tags: ['queue', 'amqp'],
    description: 'Message broker',
  },
  {
    name: 'NATS Messaging',
    provider: 'p2',
    category: 'messaging',
    platform: 'gcp',
    status: 'paused',
    versions: ['2.10.0'],
    tags: ['queue'],
    description: 'Lightweight messaging',
  },
  {
    name: 'Pulsar Topics',
    provider: 'p1',
    category: 'messaging',
    platform: 'other',
    status: 'active',
    versions: ['3.2.0'],
    tags: ['streaming'],
    description: 'Multi-tenant messaging with geo replication',
  },
  {
    name: 'Zookeeper Ensemble',
    provider: 'p1',
    category: 'messaging',
    platform: 'on-premises',
    status: 'archived',
    versions: [],
    tags: ['coordination'],
    description: 'Distributed coordination',
  },
  {
    name: 'Quantum Database Preview',
    provider: 'p2',
    category: 'databases',
    platform: 'gcp',
    status: 'draft',
    versions: ['0.9.0'],
    tags: ['database', 'preview'],
    description: 'Experimental quantum storage engine',
  },
];

const PUBLIC = CATALOG.filter((s) => s.status !== 'draft');
const names = (items: { name: string }[]) => items.map((i) => i.name);
const sortedNames = (specs: Spec[]) => specs.map((s) => s.name).sort((a, b) => a.localeCompare(b));

describe.each(DATABASE_KINDS)('catalog search on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let consumer: Actor;
  let providers: Record<Provider, { owner: Actor; organization: { id: string; name: string } }>;
  let categories: Record<Category, { id: string; title: string }>;
  const offerings = new Map<string, any>();

  /** Server-side ids for a spec's references. */
  const catId = (c: Category) => categories[c].id;
  const orgId = (p: Provider) => providers[p].organization.id;
  const byName = (name: string) => offerings.get(name)!;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
    consumer = await makeUser(admin, 'shopper');
    const provider = async (name: string) => {
      const owner = await makeUser(admin, `${name}-owner`);
      const organization = await owner.api.expect(
        201,
        owner.api.post('/organizations', { name: `${name.toUpperCase()} Cloud` }),
      );
      return { owner, organization };
    };
    providers = { p1: await provider('p1'), p2: await provider('p2') };
    const category = (title: string) => admin.expect(201, admin.post('/categories', { title }));
    categories = {
      compute: await category('Compute'),
      databases: await category('Databases'),
      messaging: await category('Messaging'),
    };
    for (const spec of CATALOG) offerings.set(spec.name, await publish(spec));
  });
  afterAll(() => server.close());

  /**
   * Publishes a spec as its provider: asks for its status, adds its versions and a plan, and
   * answers the offering as it is then (an active one is active only once it has both).
   */
  async function publish(spec: Spec) {
    const api = providers[spec.provider].owner.api;
    const created = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: orgId(spec.provider),
        category_id: catId(spec.category),
        name: spec.name,
        type: 'allocation',
        platform: spec.platform,
        status: spec.status === 'draft' ? undefined : spec.status,
        tags: spec.tags,
        description: spec.description,
      }),
    );
    for (const version of spec.versions)
      await api.expect(201, api.post('/offering-versions', { offering_id: created.id, version }));
    await api.expect(201, api.post('/plans', { offering_id: created.id, name: 'standard' }));
    const published = await api.expect(200, api.get(`/offerings/${created.id}`));
    expect([spec.name, published.status]).toEqual([spec.name, spec.status]);
    return published;
  }

  const search = (api: Api, query: string) =>
    api.expect(200, api.get(`/offerings?limit=500${query ? `&${query}` : ''}`));

  /** A small reference model of the search semantics, written independently of the index. */
  function expected(
    query: {
      q?: string;
      category?: Category;
      platform?: string;
      version?: string;
      status?: string;
      provider?: Provider;
      tags?: string[];
    },
    specs = PUBLIC,
  ) {
    const words = (s: Spec) =>
      `${s.name} ${byName(s.name).slug} ${s.description} ${s.tags.join(' ')}`
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
    const keyword = (s: Spec) =>
      (query.q ?? '')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        .every((q) => words(s).some((w) => w.startsWith(q)));
    const tags = (s: Spec) =>
      (query.tags ?? []).every((t) => s.tags.map((x) => x.toLowerCase()).includes(t.toLowerCase()));
    const facets = {
      category: (s: Spec) => !query.category || s.category === query.category,
      platform: (s: Spec) => !query.platform || s.platform === query.platform,
      version: (s: Spec) => !query.version || s.versions.includes(query.version),
      status: (s: Spec) => !query.status || s.status === query.status,
      organization: (s: Spec) => !query.provider || s.provider === query.provider,
    };
    const base = specs.filter((s) => keyword(s) && tags(s));
    const matching = base.filter((s) => Object.values(facets).every((f) => f(s)));
    const countBy = (facet: keyof typeof facets, value: (s: Spec) => string[]) => {
      const counts = new Map<string, number>();
      for (const s of base.filter((x) => Object.entries(facets).every(([name, f]) => name === facet || f(x)))) {
        for (const v of value(s)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return Object.fromEntries(counts);
    };
    return {
      names: sortedNames(matching),
      facets: {
        category: countBy('category', (s) => [catId(s.category)]),
        platform: countBy('platform', (s) => [s.platform]),
        version: countBy('version', (s) => s.versions),
        status: countBy('status', (s) => [s.status]),
        organization: countBy('organization', (s) => [orgId(s.provider)]),
      },
    };
  }

  const facetMap = (facet: { value: string; count: number }[]) =>
    Object.fromEntries(facet.map((f) => [f.value, f.count]));

  test('the whole public catalog, sorted by name, with its total', async () => {
    const all = await search(consumer.api, '');
    expect(all.total).toBe(13);
    expect(names(all.items)).toEqual([
      'Alpha Virtual Machine',
      'Bare Metal Server',
      'Beta GPU Machine',
      'Kafka Streams',
      'MongoDB Atlas Lite',
      'MySQL Managed',
      'NATS Messaging',
      'PostgreSQL Managed',
      'Pulsar Topics',
      'RabbitMQ Broker',
      'Redis Cache',
      'Windows Desktop',
      'Zookeeper Ensemble',
    ]);
    expect(all.next_cursor).toBeNull();
    const explicit = await search(consumer.api, 'sort=name');
    expect(names(explicit.items)).toEqual(names(all.items));
  });

  test('sort=newest lists the most recently published first', async () => {
    const newest = await search(consumer.api, 'sort=newest');
    expect(names(newest.items)).toEqual(PUBLIC.map((s) => s.name).reverse());
    const databases = await search(consumer.api, `sort=newest&category_id=${catId('databases')}`);
    expect(names(databases.items)).toEqual([
      'MongoDB Atlas Lite',
      'Redis Cache',
      'MySQL Managed',
      'PostgreSQL Managed',
    ]);
    const bad = await consumer.api.get('/offerings?sort=price');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('querystring.sort');
  });

  test.each([
    ['virt', ['Alpha Virtual Machine']],
    ['VIRTUAL', ['Alpha Virtual Machine']],
    ['machine', ['Alpha Virtual Machine', 'Beta GPU Machine']],
    ['MaChInEs', ['Alpha Virtual Machine', 'Beta GPU Machine']],
    ['managed relational', ['MySQL Managed', 'PostgreSQL Managed']],
    ['relational web', ['MySQL Managed']],
    ['managed cache', []],
    ['sql', ['MySQL Managed', 'PostgreSQL Managed']],
    ['postgres', ['PostgreSQL Managed']],
    ['in-memory', ['Redis Cache']],
    ['cache', ['Redis Cache']],
    ['stream', ['Kafka Streams', 'Pulsar Topics']],
    ['queue', ['Kafka Streams', 'NATS Messaging', 'RabbitMQ Broker']],
    ['messag', ['NATS Messaging', 'Pulsar Topics', 'RabbitMQ Broker']],
    ['geo repl', ['Pulsar Topics']],
    ['desktop', ['Windows Desktop']],
    ['linux ssd', ['Alpha Virtual Machine']],
    ['quantum', []],
    ['xyzzy', []],
    ['achine', []],
  ])('keyword %p matches name, description and tags by word prefix, all words, any case', async (q, wanted) => {
    const result = await search(consumer.api, `q=${encodeURIComponent(q)}`);
    expect(names(result.items)).toEqual(wanted);
    expect(result.total).toBe(wanted.length);
    expect(wanted).toEqual(expected({ q }).names);
  });

  test('each facet filter, and tags', async () => {
    const check = async (query: string, wanted: string[]) => {
      const result = await search(consumer.api, query);
      expect([query, names(result.items)]).toEqual([query, wanted]);
      expect([query, result.total]).toEqual([query, wanted.length]);
    };
    await check(`category_id=${catId('databases')}`, [
      'MongoDB Atlas Lite',
      'MySQL Managed',
      'PostgreSQL Managed',
      'Redis Cache',
    ]);
    await check(`category_id=${catId('compute')}`, [
      'Alpha Virtual Machine',
      'Bare Metal Server',
      'Beta GPU Machine',
      'Windows Desktop',
    ]);
    await check('platform=aws', ['Alpha Virtual Machine', 'Kafka Streams', 'MongoDB Atlas Lite', 'MySQL Managed']);
    await check('platform=on-premises', ['Bare Metal Server', 'RabbitMQ Broker', 'Zookeeper Ensemble']);
    await check('version=1.0.0', ['Alpha Virtual Machine', 'Beta GPU Machine', 'Windows Desktop']);
    await check('version=15.0.0', ['PostgreSQL Managed']);
    await check('version=0.9.0', []);
    await check('status=active', sortedNames(PUBLIC.filter((s) => s.status === 'active')));
    await check('status=paused', ['NATS Messaging', 'Windows Desktop']);
    await check('status=archived', ['MongoDB Atlas Lite', 'Zookeeper Ensemble']);
    await check('status=draft', []);
    await check(`organization_id=${orgId('p1')}`, sortedNames(PUBLIC.filter((s) => s.provider === 'p1')));
    await check(`organization_id=${orgId('p2')}`, [
      'Bare Metal Server',
      'MongoDB Atlas Lite',
      'MySQL Managed',
      'NATS Messaging',
      'RabbitMQ Broker',
      'Windows Desktop',
    ]);
    await check('tags=database', ['MongoDB Atlas Lite', 'MySQL Managed', 'PostgreSQL Managed', 'Redis Cache']);
    await check('tags=database,sql', ['MySQL Managed', 'PostgreSQL Managed']);
    await check('tags=VM', ['Alpha Virtual Machine', 'Beta GPU Machine', 'Windows Desktop']);
    await check('tags=cache', ['Redis Cache']);
    await check('tags=vm,sql', []);
    await check('tags=no-such-tag', []);
    // filters combine
    await check(`category_id=${catId('databases')}&platform=aws&status=active`, ['MySQL Managed']);
    await check(`q=managed&organization_id=${orgId('p1')}`, ['PostgreSQL Managed']);
    const badId = await consumer.api.get('/offerings?category_id=databases');
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('querystring.category_id');
    // A value outside a closed set is refused, naming the set, rather than answered with nothing.
    for (const [query, field, values] of [
      ['platform=mainframe', 'platform', 'aws, azure, gcp, on-premises, other'],
      ['status=retired', 'status', 'draft, active, paused, archived'],
    ]) {
      const refused = await consumer.api.get(`/offerings?${query}`);
      expect([query, refused.status, refused.body.errors]).toEqual([
        query,
        400,
        [{ field: `querystring.${field}`, message: `must be one of ${values}` }],
      ]);
    }
    const versions = await consumer.api.get('/offering-versions?status=gone');
    expect([versions.status, versions.body.errors]).toEqual([
      400,
      [{ field: 'querystring.status', message: 'must be one of available, beta, deprecated' }],
    ]);
  });

  test('facet counts: each facet counts with every other filter applied but its own (exact numbers)', async () => {
    const unfiltered = await search(consumer.api, '');
    expect(facetMap(unfiltered.facets.category)).toEqual({
      [catId('compute')]: 4,
      [catId('databases')]: 4,
      [catId('messaging')]: 5,
    });
    expect(facetMap(unfiltered.facets.platform)).toEqual({ aws: 4, gcp: 3, azure: 2, 'on-premises': 3, other: 1 });
    expect(facetMap(unfiltered.facets.status)).toEqual({ active: 9, paused: 2, archived: 2 });
    expect(facetMap(unfiltered.facets.organization)).toEqual({ [orgId('p1')]: 7, [orgId('p2')]: 6 });
    expect(facetMap(unfiltered.facets.version)).toEqual({
      '1.0.0': 3,
      '2.0.0': 2,
      '14.0.0': 1,
      '15.0.0': 1,
      '16.0.0': 1,
      '8.0.0': 1,
      '7.2.0': 1,
      '6.0.0': 1,
      '3.7.0': 1,
      '3.12.0': 1,
      '2.10.0': 1,
      '3.2.0': 1,
    });
    // labels name categories and organizations; values are sorted by count
    expect(unfiltered.facets.category[0]).toEqual({ value: catId('messaging'), label: 'Messaging', count: 5 });
    expect(unfiltered.facets.organization[0]).toEqual({ value: orgId('p1'), label: 'P1 Cloud', count: 7 });
    const counts = unfiltered.facets.platform.map((f: { count: number }) => f.count);
    expect(counts).toEqual([...counts].sort((x: number, y: number) => y - x));

    const r = await search(consumer.api, `category_id=${catId('databases')}&platform=aws`);
    expect(names(r.items)).toEqual(['MongoDB Atlas Lite', 'MySQL Managed']);
    expect(r.total).toBe(2);
    // category counts apply only platform=aws; platform counts apply only the category
    expect(facetMap(r.facets.category)).toEqual({
      [catId('compute')]: 1,
      [catId('databases')]: 2,
      [catId('messaging')]: 1,
    });
    expect(facetMap(r.facets.platform)).toEqual({ aws: 2, gcp: 1, azure: 1 });
    expect(facetMap(r.facets.status)).toEqual({ active: 1, archived: 1 });
    expect(facetMap(r.facets.organization)).toEqual({ [orgId('p2')]: 2 });
    expect(facetMap(r.facets.version)).toEqual({ '8.0.0': 1, '6.0.0': 1 });

    const v = await search(consumer.api, 'version=1.0.0&status=active');
    expect(names(v.items)).toEqual(['Alpha Virtual Machine', 'Beta GPU Machine']);
    // versions of the matching offerings other than the chosen one are counted too
    expect(facetMap(v.facets.version)).toEqual(expected({ status: 'active' }).facets.version);
    expect(facetMap(v.facets.status)).toEqual({ active: 2, paused: 1 });

    const k = await search(consumer.api, 'q=database&tags=sql');
    expect(facetMap(k.facets.category)).toEqual({ [catId('databases')]: 2 });
    expect(facetMap(k.facets.organization)).toEqual({ [orgId('p1')]: 1, [orgId('p2')]: 1 });
  });

  test('search results and facet counts agree with a reference model over many combinations', async () => {
    const queries: Parameters<typeof expected>[0][] = [
      {},
      { q: 'm' },
      { q: 'managed' },
      { category: 'compute', platform: 'azure' },
      { platform: 'gcp', status: 'paused' },
      { version: '2.0.0', provider: 'p2' },
      { provider: 'p1', category: 'messaging', status: 'active' },
      { tags: ['queue'], platform: 'gcp' },
      { q: 'data', provider: 'p2', status: 'archived' },
      { category: 'databases', platform: 'aws', status: 'active', provider: 'p2', version: '8.0.0' },
      { tags: ['linux'], q: 'server' },
      { q: 'messaging', tags: ['queue'], status: 'paused' },
    ];
    for (const query of queries) {
      const params = new URLSearchParams();
      if (query.q) params.set('q', query.q);
      if (query.category) params.set('category_id', catId(query.category));
      if (query.platform) params.set('platform', query.platform);
      if (query.version) params.set('version', query.version);
      if (query.status) params.set('status', query.status);
      if (query.provider) params.set('organization_id', orgId(query.provider));
      if (query.tags) params.set('tags', query.tags.join(','));
      const result = await search(consumer.api, params.toString());
      const model = expected(query);
      const label = JSON.stringify(query);
      expect([label, names(result.items), result.total]).toEqual([label, model.names, model.names.length]);
      for (const facet of ['category', 'platform', 'version', 'status', 'organization'] as const) {
        expect([label, facet, facetMap(result.facets[facet])]).toEqual([label, facet, model.facets[facet]]);
      }
    }
  });

  test('cursor pagination returns every match exactly once, in order, whatever the page size', async () => {
    for (const [query, all] of [
      ['sort=name', sortedNames(PUBLIC)],
      ['sort=newest', PUBLIC.map((s) => s.name).reverse()],
      ['status=active', sortedNames(PUBLIC.filter((s) => s.status === 'active'))],
      ['q=managed', ['MySQL Managed', 'PostgreSQL Managed']],
    ] as [string, string[]][]) {
      for (const limit of [1, 2, 4, 5, 13]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: any = await consumer.api.expect(
            200,
            consumer.api.get(`/offerings?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
          );
          expect(page.items.length).toBeLessThanOrEqual(limit);
          expect(page.total).toBe(all.length);
          seen.push(...names(page.items));
          cursor = page.next_cursor;
          pages++;
          if (pages > 20) throw new Error('pagination does not end');
        } while (cursor);
        expect([query, limit, seen]).toEqual([query, limit, all]);
        expect(pages).toBe(Math.max(1, Math.ceil(all.length / limit)));
      }
    }
  });

  test('a cursor stays valid when the catalog changes between pages', async () => {
    const first = await search(consumer.api, 'q=messag');
    expect(names(first.items)).toEqual(['NATS Messaging', 'Pulsar Topics', 'RabbitMQ Broker']);
    const page1 = await consumer.api.expect(200, consumer.api.get('/offerings?q=messag&limit=2'));
    expect(names(page1.items)).toEqual(['NATS Messaging', 'Pulsar Topics']);
    // a new offering sorting before the cursor is published meanwhile
    const api = providers.p1.owner.api;
    const extra = await publish({
      name: 'AAA Messaging Relay',
      provider: 'p1',
      category: 'messaging',
      platform: 'other',
      status: 'active',
      versions: ['1.0.0'],
      tags: [],
      description: '',
    });
    try {
      const page2 = await consumer.api.expect(
        200,
        consumer.api.get(`/offerings?q=messag&limit=2&cursor=${page1.next_cursor}`),
      );
      expect(names(page2.items)).toEqual(['RabbitMQ Broker']);
      expect(page2.next_cursor).toBeNull();
      const now = await search(consumer.api, 'q=messag');
      expect(now.total).toBe(4);
      expect(names(now.items)[0]).toBe('AAA Messaging Relay');
    } finally {
      await api.expect(204, api.delete(`/offerings/${extra.id}`));
    }
    expect((await search(consumer.api, 'q=messag')).total).toBe(3);
  });

  test('a draft is seen only by its provider and staff, in search, facets and by slug', async () => {
    const draft = byName('Quantum Database Preview');
    const p2 = providers.p2.owner.api;
    for (const [who, api, sees] of [
      ['consumer', consumer.api, false],
      ['other provider', providers.p1.owner.api, false],
      ['its provider', p2, true],
      ['staff', admin, true],
    ] as [string, Api, boolean][]) {
      const quantum = await search(api, 'q=quantum');
      expect([who, names(quantum.items)]).toEqual([who, sees ? ['Quantum Database Preview'] : []]);
      const all = await search(api, '');
      expect([who, all.total]).toEqual([who, sees ? 14 : 13]);
      expect([who, facetMap(all.facets.status).draft]).toEqual([who, sees ? 1 : undefined]);
      expect([who, facetMap(all.facets.category)[catId('databases')]]).toEqual([who, sees ? 5 : 4]);
      const drafts = await search(api, 'status=draft');
      expect([who, names(drafts.items)]).toEqual([who, sees ? ['Quantum Database Preview'] : []]);
      const bySlug = await search(api, `slug=${draft.slug}`);
      expect([who, bySlug.items.length, bySlug.total]).toEqual([who, sees ? 1 : 0, sees ? 1 : 0]);
      const item = await api.get(`/offerings/${draft.slug}`);
      expect([who, item.status]).toEqual([who, sees ? 200 : 404]);
    }
    // the provider sees it with the rest of its own catalog, facets included
    const own = await search(p2, `organization_id=${orgId('p2')}&category_id=${catId('databases')}`);
    expect(names(own.items)).toEqual(['MongoDB Atlas Lite', 'MySQL Managed', 'Quantum Database Preview']);
    expect(facetMap(own.facets.version)).toEqual({ '8.0.0': 1, '6.0.0': 1, '0.9.0': 1 });
    expect(facetMap(own.facets.status)).toEqual({ active: 1, archived: 1, draft: 1 });
  });

  test('slug lookup: ?slug= and GET /offerings/<slug>', async () => {
    const redis = byName('Redis Cache');
    expect(redis.slug).toBe('redis-cache');
    const bySlug = await search(consumer.api, 'slug=redis-cache');
    expect(bySlug.items.map((o: { id: string }) => o.id)).toEqual([redis.id]);
    expect(bySlug.total).toBe(1);
    expect(bySlug.next_cursor).toBeNull();
    // an exact slug, not a prefix nor an id
    expect((await search(consumer.api, 'slug=redis')).items).toEqual([]);
    expect((await search(consumer.api, `slug=${redis.id}`)).items).toEqual([]);
    const item = await consumer.api.expect(200, consumer.api.get('/offerings/redis-cache'));
    expect(item).toMatchObject({
      id: redis.id,
      slug: 'redis-cache',
      name: 'Redis Cache',
      platform: 'azure',
      status: 'active',
      tags: ['Cache', 'database', 'in-memory'],
      organization_id: orgId('p1'),
      category_id: catId('databases'),
      versions: ['7.2.0'],
      latest_version: '7.2.0',
    });
    expect((await consumer.api.expect(200, consumer.api.get(`/offerings/${redis.id}`))).slug).toBe('redis-cache');
    const postgres = await consumer.api.expect(200, consumer.api.get('/offerings/postgresql-managed'));
    expect(postgres.versions).toEqual(['14.0.0', '15.0.0', '16.0.0']);
    expect(postgres.latest_version).toBe('16.0.0');
    const missing = await consumer.api.get('/offerings/no-such-offering');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('no-such-offering');
  });

  test('facet labels follow a renamed provider organization or category', async () => {
    const p1 = providers.p1;
    const before = await search(consumer.api, '');
    expect(before.facets.organization.find((f: { value: string }) => f.value === orgId('p1')).label).toBe('P1 Cloud');
    await p1.owner.api.expect(200, p1.owner.api.patch(`/organizations/${orgId('p1')}`, { name: 'P1 Cloud Renamed' }));
    try {
      const after = await search(consumer.api, '');
      expect(after.facets.organization.find((f: { value: string }) => f.value === orgId('p1')).label).toBe(
        'P1 Cloud Renamed',
      );
      await admin.expect(200, admin.patch(`/categories/${catId('compute')}`, { title: 'Compute Renamed' }));
      const recategorized = await search(consumer.api, '');
      expect(recategorized.facets.category.find((f: { value: string }) => f.value === catId('compute')).label).toBe(
        'Compute Renamed',
      );
    } finally {
      await p1.owner.api.expect(200, p1.owner.api.patch(`/organizations/${orgId('p1')}`, { name: 'P1 Cloud' }));
      await admin.expect(200, admin.patch(`/categories/${catId('compute')}`, { title: 'Compute' }));
    }
    expect(
      (await search(consumer.api, '')).facets.organization.find((f: { value: string }) => f.value === orgId('p1'))
        .label,
    ).toBe('P1 Cloud');
  });

  test('a change to an offering alone (no new version) shows in the next search at once', async () => {
    const api = providers.p2.owner.api;
    const nats = byName('NATS Messaging');
    // read it first, so the index is current before the change
    expect((await search(consumer.api, 'status=paused')).total).toBe(2);
    await api.expect(
      200,
      api.patch(`/offerings/${nats.id}`, { status: 'active', description: 'Lightweight messaging, now zippier' }),
    );
    try {
      expect(names((await search(consumer.api, 'q=zippier')).items)).toEqual(['NATS Messaging']);
      expect(facetMap((await search(consumer.api, '')).facets.status)).toEqual({ active: 10, paused: 1, archived: 2 });
      expect((await consumer.api.expect(200, consumer.api.get('/offerings/nats-messaging'))).status).toBe('active');
    } finally {
      await api.expect(
        200,
        api.patch(`/offerings/${nats.id}`, { status: 'paused', description: 'Lightweight messaging' }),
      );
    }
    expect((await search(consumer.api, 'q=zippier')).total).toBe(0);
    expect((await search(consumer.api, 'status=paused')).total).toBe(2);
  });

  test('a change to an offering or its versions shows in the next search at once', async () => {
    const api = providers.p1.owner.api;
    const kafka = byName('Kafka Streams');
    await api.expect(
      200,
      api.patch(`/offerings/${kafka.id}`, { tags: ['streaming', 'queue', 'firehose'], platform: 'gcp' }),
    );
    const version = await api.expect(201, api.post('/offering-versions', { offering_id: kafka.id, version: '4.0.0' }));
    try {
      expect(names((await search(consumer.api, 'q=firehose')).items)).toEqual(['Kafka Streams']);
      expect(names((await search(consumer.api, 'tags=firehose&platform=gcp&version=4.0.0')).items)).toEqual([
        'Kafka Streams',
      ]);
      expect(facetMap((await search(consumer.api, '')).facets.platform)).toEqual({
        aws: 3,
        gcp: 4,
        azure: 2,
        'on-premises': 3,
        other: 1,
      });
    } finally {
      await api.expect(204, api.delete(`/offering-versions/${version.id}`));
      await api.expect(200, api.patch(`/offerings/${kafka.id}`, { tags: ['streaming', 'queue'], platform: 'aws' }));
    }
    expect((await search(consumer.api, 'q=firehose')).items).toEqual([]);
    expect((await search(consumer.api, 'version=4.0.0')).items).toEqual([]);
  });

  /**
   * Runs last: it grows the catalog past 100 offerings, so that sets span several machine words
   * and both ways of paging (few matches, many matches) are taken, and checks everything
   * against the reference model for three viewers.
   */
  test('a catalog of 100+ offerings: results, facets and pages agree with the reference model for every viewer', async () => {
    const words = ['Aurora', 'Borealis', 'Cirrus', 'Delta', 'Ember', 'Fjord', 'Glacier', 'Harbor'];
    const platforms = ['aws', 'azure', 'gcp', 'on-premises', 'other'];
    const cats: Category[] = ['compute', 'databases', 'messaging'];
    const bulk: Spec[] = Array.from({ length: 100 }, (_, i) => ({
      name: `Bulk ${words[i % 8]} ${String(i).padStart(3, '0')}`,
      provider: (i >> 1) % 2 ? 'p2' : 'p1',
      category: cats[i % 3],
      platform: platforms[i % 5],
      status: i % 10 === 9 ? 'draft' : i % 7 === 0 ? 'paused' : 'active',
      versions: [`1.${i % 4}.0`, ...(i % 5 === 0 ? ['2.0.0'] : [])],
      tags: ['bulk', `t${i % 6}`, ...(i % 11 === 0 ? ['rare'] : [])],
      description: `Generated offering number ${i} for ${['alpha', 'beta', 'gamma'][i % 3]} testing`,
    }));
    for (let start = 0; start < bulk.length; start += 10) {
      await Promise.all(
        bulk.slice(start, start + 10).map(async (spec) => {
          offerings.set(spec.name, await publish(spec));
        }),
      );
    }
    const everything = [...CATALOG, ...bulk];
    const viewers: [string, Api, Spec[]][] = [
      ['consumer', consumer.api, everything.filter((s) => s.status !== 'draft')],
      ['provider p2', providers.p2.owner.api, everything.filter((s) => s.status !== 'draft' || s.provider === 'p2')],
      ['staff', admin, everything],
    ];
    const queries: Parameters<typeof expected>[0][] = [
      {},
      { q: 'bulk' },
      { q: 'aurora' },
      { q: 'bulk ember gamma' },
      { tags: ['rare'] },
      { tags: ['bulk', 't3'], platform: 'gcp' },
      { status: 'paused' },
      { status: 'draft' },
      { version: '2.0.0' },
      { version: '1.3.0', provider: 'p2' },
      { category: 'messaging', platform: 'other', status: 'active' },
      { q: 'generated 9' },
      { q: 'harbor', tags: ['t1'] },
      { provider: 'p1', version: '2.0.0', category: 'compute' },
    ];
    const toParams = (query: Parameters<typeof expected>[0]) => {
      const params = new URLSearchParams();
      if (query.q) params.set('q', query.q);
      if (query.category) params.set('category_id', catId(query.category));
      if (query.platform) params.set('platform', query.platform);
      if (query.version) params.set('version', query.version);
      if (query.status) params.set('status', query.status);
      if (query.provider) params.set('organization_id', orgId(query.provider));
      if (query.tags) params.set('tags', query.tags.join(','));
      return params.toString();
    };
    const newestFirst = (list: string[]) => [...list].sort((x, y) => (byName(x).id < byName(y).id ? 1 : -1));
    for (const [who, api, visible] of viewers) {
      for (const query of queries) {
        const model = expected(query, visible);
        const label = `${who} ${JSON.stringify(query)}`;
        const result = await search(api, toParams(query));
        expect([label, names(result.items), result.total]).toEqual([label, model.names, model.names.length]);
        for (const facet of ['category', 'platform', 'version', 'status', 'organization'] as const) {
          expect([label, facet, facetMap(result.facets[facet])]).toEqual([label, facet, model.facets[facet]]);
        }
        // page through it, by name and by newest
        for (const [sort, wanted] of [
          ['name', model.names],
          ['newest', newestFirst(model.names)],
        ] as [string, string[]][]) {
          for (const limit of [3, 7]) {
            const seen: string[] = [];
            let cursor: string | null = null;
            let pages = 0;
            do {
              const page: any = await api.expect(
                200,
                api.get(
                  `/offerings?${toParams(query)}&sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
                ),
              );
              expect(page.items.length).toBeLessThanOrEqual(limit);
              seen.push(...names(page.items));
              cursor = page.next_cursor;
              if (++pages > 60) throw new Error(`${label}: pagination does not end`);
            } while (cursor);
            expect([label, sort, limit, seen]).toEqual([label, sort, limit, wanted]);
          }
        }
      }
    }
  });
});
