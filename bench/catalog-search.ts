/**
 * Catalog search under load (issue 2): 10,000 offerings seeded through the API, 1,000 distinct
 * searches cycled by autocannon at 50 connections, against a Fastify hello world as baseline.
 * Both servers run as child processes, so autocannon never shares their event loop.
 *
 *   npx tsx bench/catalog-search.ts
 *
 * Knobs (environment): BENCH_OFFERINGS (10000), BENCH_QUERIES (1000), BENCH_CONNECTIONS (50),
 * BENCH_DURATION seconds per run (10), BENCH_RUNS (3), BENCH_SEED_CONCURRENCY (20),
 * BENCH_CPU_PROF=<dir> to write a V8 CPU profile of the Mercato server (taken over the whole run),
 * BENCH_COMPARE_BIN=<another checkout>/cli/bin/mercato.js to measure that server too, turn about,
 * BENCH_RESTRICTED: the fraction of offerings restricted to some of 20 consumer organizations and
 * projects (0.2; 0 for a server older than the offering rules of issue 10, which refuses `visibility`).
 */
import {
  audienceSpecs,
  CATEGORIES,
  offeringSpecs,
  ORGANIZATION_NAMES,
  PLATFORMS,
  TAGS,
  VERSIONS,
  VOCABULARY,
  type OfferingSpec,
} from './support/catalog-data';
import {
  Client,
  COMPARE_BIN,
  cpuSeconds,
  fmt,
  load,
  loadAverage,
  median,
  pool,
  prng,
  startHelloWorld,
  startMercato,
  type ChildServer,
  type LoadResult,
} from './support/processes';

const OFFERINGS = Number(process.env.BENCH_OFFERINGS ?? 10000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Math.min(Number(process.env.BENCH_DURATION ?? 10), 60);
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 3), 10);
const SEED_CONCURRENCY = Number(process.env.BENCH_SEED_CONCURRENCY ?? 20);
const CPU_PROF = process.env.BENCH_CPU_PROF;
const RESTRICTED = Number(process.env.BENCH_RESTRICTED ?? 0.2);
const CONSUMERS = 20;

const TARGET_P99_MS = 25;
const TARGET_RATIO = 0.05;

const say = (line: string) => console.log(`[catalog-search] ${line}`);
const seconds = (since: number) => (performance.now() - since) / 1000;

interface Seeded {
  categoryIds: string[];
  organizationIds: string[];
  viewerToken: string;
  seedSeconds: { offerings: number; versions: number; plans: number; total: number };
  versionCount: number;
  restrictedCount: number;
}

async function seed(admin: Client, specs: OfferingSpec[]): Promise<Seeded> {
  const started = performance.now();
  const categoryIds: string[] = [];
  for (const c of CATEGORIES)
    categoryIds.push((await admin.post('/categories', { title: c.title, description: c.description })).id);
  const organizationIds: string[] = [];
  for (const name of ORGANIZATION_NAMES) organizationIds.push((await admin.post('/organizations', { name })).id);

  const consumers: Array<{ id: string; projectId: string }> = [];
  for (let c = 0; c < (RESTRICTED > 0 ? CONSUMERS : 0); c++) {
    const organization = await admin.post('/organizations', { name: `Consumer ${c + 1}` });
    const project = await admin.post('/projects', { organization_id: organization.id, name: 'apps' });
    consumers.push({ id: organization.id, projectId: project.id });
  }

  // The searching user: a service manager of the first provider (so it also sees that
  // provider's drafts), not staff, so the visibility rules run on every search; with restricted
  // offerings, also a project member of one consumer and the owner of another, so that it sees
  // those restricted to either organization or to either's project.
  const viewer = await admin.post('/users', { username: 'bench-viewer', email: 'bench-viewer@example.com' });
  const { token: viewerToken } = await admin.post(`/users/${viewer.id}/tokens`, { name: 'bench' });
  await admin.post(`/organizations/${organizationIds[0]}/members`, { user_id: viewer.id, role: 'service-manager' });
  if (consumers.length) {
    await admin.post(`/projects/${consumers[0].projectId}/members`, { user_id: viewer.id, role: 'member' });
    await admin.post(`/organizations/${consumers[1].id}/members`, { user_id: viewer.id, role: 'owner' });
  }
  const audiences = audienceSpecs(specs.length, CONSUMERS, RESTRICTED);

  // Offerings first, then their versions and plans: each new offering makes the catalog index
  // rebuild. (An offering asked to be active is active once it has a version and a plan.)
  const offeringIds: string[] = [];
  let lap = performance.now();
  await pool(specs, SEED_CONCURRENCY, async (spec, i) => {
    const audience = audiences[i];
    const offering = await admin.post('/offerings', {
      ...(audience
        ? {
            visibility: 'restricted',
            allowed_organization_ids: audience.organizations.map((c) => consumers[c].id),
            allowed_project_ids: audience.projects.map((c) => consumers[c].projectId),
          }
        : {}),
      organization_id: organizationIds[spec.organization],
      category_id: categoryIds[spec.category],
      name: spec.name,
      slug: spec.slug,
      description: spec.description,
      type: spec.type,
      platform: spec.platform,
      status: spec.status,
      tags: spec.tags,
      auto_approve: spec.type === 'allocation',
      documentation_url: `https://docs.example.com/${spec.slug}`,
      components: [{ type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' }],
    });
    offeringIds[i] = offering.id;
    if ((i + 1) % 1000 === 0) {
      say(`  ${i + 1} offerings (last 1000 in ${fmt(seconds(lap))} s)`);
      lap = performance.now();
    }
  });
  const offeringsDone = performance.now();
  const versions = specs.flatMap((spec, i) => spec.versions.map((v) => ({ offering_id: offeringIds[i], ...v })));
  await pool(versions, SEED_CONCURRENCY, async (v) =>
    admin.post('/offering-versions', {
      offering_id: v.offering_id,
      version: v.version,
      status: v.status,
      changelog: `Release ${v.version}.`,
      options_schema: { type: 'object', properties: { size: { type: 'string', enum: ['s', 'm', 'l'] } } },
    }),
  );
  const versionsDone = performance.now();
  await pool(offeringIds, SEED_CONCURRENCY, async (offeringId) =>
    admin.post('/plans', { offering_id: offeringId, name: 'standard', prices: { base: 10 } }),
  );
  return {
    categoryIds,
    organizationIds,
    viewerToken,
    versionCount: versions.length,
    restrictedCount: audiences.filter(Boolean).length,
    seedSeconds: {
      offerings: (offeringsDone - started) / 1000,
      versions: (versionsDone - offeringsDone) / 1000,
      plans: seconds(versionsDone),
      total: seconds(started),
    },
  };
}

/** 1,000 distinct search URLs: keywords, prefixes, facet combinations, sorts, second pages. */
async function buildQueries(viewer: Client, seeded: Seeded): Promise<{ paths: string[]; cursors: number }> {
  const r = prng(7);
  const distinct = new Set<string>();
  const facetOnly: string[] = [];
  const candidate = () => {
    const params: Array<[string, string]> = [];
    const kind = r.weighted([
      ['word', 25],
      ['prefix', 20],
      ['two-words', 10],
      ['facets', 30],
      ['word+facets', 15],
    ]);
    if (kind === 'word' || kind === 'word+facets') params.push(['q', r.pick(VOCABULARY)]);
    if (kind === 'prefix') {
      const word = r.pick(VOCABULARY);
      params.push(['q', word.slice(0, r.int(2, Math.min(5, word.length)))]);
    }
    if (kind === 'two-words') params.push(['q', `${r.pick(VOCABULARY)} ${r.pick(VOCABULARY).slice(0, r.int(3, 6))}`]);
    if (kind === 'facets' || kind === 'word+facets') {
      const facets = r.some(
        ['category_id', 'platform', 'version', 'status', 'organization_id', 'tags'],
        1,
        kind === 'facets' ? 3 : 2,
      );
      for (const facet of facets) {
        if (facet === 'category_id') params.push([facet, r.pick(seeded.categoryIds)]);
        if (facet === 'platform') params.push([facet, r.pick(PLATFORMS)]);
        if (facet === 'version') params.push([facet, r.pick(VERSIONS)]);
        if (facet === 'status')
          params.push([
            facet,
            r.weighted([
              ['active', 6],
              ['paused', 1],
              ['draft', 1],
              ['archived', 1],
            ]),
          ]);
        if (facet === 'organization_id') params.push([facet, r.pick(seeded.organizationIds)]);
        if (facet === 'tags') params.push([facet, r.some(TAGS, 1, 2).join(',')]);
      }
    } else if (r.next() < 0.3) params.push(['status', 'active']);
    if (r.next() < 0.35) params.push(['sort', 'newest']);
    else if (r.next() < 0.3) params.push(['sort', 'name']);
    if (r.next() < 0.3) params.push(['limit', '20']);
    return {
      path: `/api/v1/offerings?${new URLSearchParams(params).toString()}`,
      broad: kind === 'facets' && params.length <= 3,
    };
  };
  // About one search in ten asks for a later page with the cursor the previous page gave.
  const wantCursors = Math.round(QUERIES / 10);
  for (let attempts = 0; distinct.size < QUERIES - wantCursors && attempts < QUERIES * 50; attempts++) {
    const { path, broad } = candidate();
    if (distinct.has(path)) continue;
    distinct.add(path);
    if (broad) facetOnly.push(path);
  }
  let cursors = 0;
  for (const path of facetOnly) {
    if (distinct.size >= QUERIES) break;
    let page = await viewer.get(path.replace('/api/v1', ''));
    for (let depth = 1; page.next_cursor && depth <= 3 && distinct.size < QUERIES; depth++) {
      const next = `${path}&cursor=${encodeURIComponent(page.next_cursor)}`;
      if (!distinct.has(next)) {
        distinct.add(next);
        cursors++;
      }
      if (r.next() < 0.5) break;
      page = await viewer.get(next.replace('/api/v1', ''));
    }
  }
  for (let attempts = 0; distinct.size < QUERIES && attempts < QUERIES * 50; attempts++) distinct.add(candidate().path);
  return { paths: [...distinct], cursors };
}

interface Check {
  statuses: Record<string, number>;
  empty: number;
  medianTotal: number;
  medianItems: number;
  medianBytes: number;
}

/** Asks every query once and looks at the answers: all 200, and how much they match. */
async function checkQueries(url: string, token: string, paths: string[]): Promise<Check> {
  const statuses: Record<string, number> = {};
  const totals: number[] = [];
  const items: number[] = [];
  const bytes: number[] = [];
  await pool(paths, 10, async (path) => {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    bytes.push(text.length);
    if (response.status === 200) {
      const body = JSON.parse(text);
      totals.push(body.total);
      items.push(body.items.length);
    }
  });
  return {
    statuses,
    empty: totals.filter((t) => t === 0).length,
    medianTotal: median(totals),
    medianItems: median(items),
    medianBytes: median(bytes),
  };
}

function cycling(paths: string[], token: string) {
  let next = 0;
  return {
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (request: { path?: string }) => ({ ...request, path: paths[next++ % paths.length] }),
      },
    ],
  };
}

/** One server under test: seeded, with its queries (ids differ per database) and its runs. */
interface Subject {
  label: string;
  server: ChildServer;
  viewerToken: string;
  paths: string[];
  seeded: Seeded;
  runs: SearchRun[];
}

/** A load run of the search, with the server's CPU time per request it answered (µs). */
type SearchRun = LoadResult & { cpuMicrosPerRequest: number };

/** Starts a server from `bin`, seeds it and builds and checks its queries. */
async function prepare(label: string, bin: string | undefined, processes: ChildServer[]): Promise<Subject> {
  const nodeArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
  const mercato = await startMercato({ nodeArgs, bin });
  processes.push(mercato);
  say(`${label}: Mercato server (pid ${mercato.pid}) at ${mercato.url}, SQLite in ${mercato.dataDir}`);
  const admin = new Client(mercato.url, mercato.adminToken);

  say(`${label}: seeding ${OFFERINGS} offerings through the API, ${SEED_CONCURRENCY} requests in flight...`);
  const seeded = await seed(admin, offeringSpecs(OFFERINGS));
  const { seedSeconds } = seeded;
  say(
    `${label}: seeded ${OFFERINGS} offerings (${seeded.restrictedCount} restricted) in ${fmt(seedSeconds.offerings)} s, ${seeded.versionCount} versions in ${fmt(seedSeconds.versions)} s and ${OFFERINGS} plans in ${fmt(seedSeconds.plans)} s (${fmt(seedSeconds.total)} s in all)`,
  );
  const all = await admin.get('/offerings?limit=1');
  if (all.total !== OFFERINGS) throw new Error(`the catalog holds ${all.total} offerings, expected ${OFFERINGS}`);
  const seen = await admin.as(seeded.viewerToken).get('/offerings?limit=1');
  say(`${label}: the searching user sees ${seen.total} of them (${JSON.stringify(seen.facets.status)})`);

  const { paths, cursors } = await buildQueries(admin.as(seeded.viewerToken), seeded);
  say(`${label}: ${paths.length} distinct queries (${cursors} with a cursor from a previous page)`);
  const check = await checkQueries(mercato.url, seeded.viewerToken, paths);
  say(
    `${label}: check: statuses ${JSON.stringify(check.statuses)}; ${check.empty} match nothing; median total ${check.medianTotal}, median items ${check.medianItems}, median body ${check.medianBytes} bytes`,
  );
  if (Object.keys(check.statuses).some((s) => s !== '200')) throw new Error('some queries do not answer 200');
  return { label, server: mercato, viewerToken: seeded.viewerToken, paths, seeded, runs: [] };
}

async function searchLoad(subject: Subject, duration: number): Promise<SearchRun> {
  const cpuBefore = cpuSeconds(subject.server.pid);
  const result = await load({
    url: subject.server.url,
    connections: CONNECTIONS,
    duration,
    ...cycling(subject.paths, subject.viewerToken),
  });
  return {
    ...result,
    cpuMicrosPerRequest: ((cpuSeconds(subject.server.pid) - cpuBefore) * 1e6) / Math.max(result.total, 1),
  };
}

async function main() {
  const processes: ChildServer[] = [];
  const stopAll = () => Promise.all(processes.map((p) => p.stop()));
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const subjects = [await prepare('this', undefined, processes)];
    if (COMPARE_BIN) subjects.push(await prepare('compared', COMPARE_BIN, processes));

    const hello = await startHelloWorld();
    processes.push(hello);
    say(`baseline Fastify hello world (pid ${hello.pid}) at ${hello.url}`);

    say('warming up every server (3 s each)...');
    await load({ url: hello.url, connections: CONNECTIONS, duration: 3 });
    for (const subject of subjects) await searchLoad(subject, 3);

    const baseline: LoadResult[] = [];
    const loads: number[] = [loadAverage()];
    for (let run = 1; run <= RUNS; run++) {
      const b = await load({ url: hello.url, connections: CONNECTIONS, duration: DURATION });
      baseline.push(b);
      const line = [`run ${run}: baseline ${fmt(b.requestsPerSecond, 0)} req/s p50 ${b.p50} ms p99 ${b.p99} ms`];
      // Turn about, so that neither server always runs right after the baseline.
      for (const subject of run % 2 ? subjects : [...subjects].reverse()) {
        const s = await searchLoad(subject, DURATION);
        subject.runs.push(s);
        line.push(
          `${subject.label} ${fmt(s.requestsPerSecond, 0)} req/s p50 ${s.p50} ms p99 ${s.p99} ms non-2xx ${s.non2xx} errors ${s.errors} CPU ${fmt(s.cpuMicrosPerRequest, 0)} µs/request (ratio ${fmt((100 * s.requestsPerSecond) / b.requestsPerSecond)} %)`,
        );
      }
      loads.push(loadAverage());
      say(line.join(' | '));
    }

    const m = <R extends LoadResult>(list: R[], key: keyof R) => median(list.map((x) => Number(x[key])));
    const searchSummary = (subject: Subject) => ({
      requestsPerSecond: m(subject.runs, 'requestsPerSecond'),
      p50: m(subject.runs, 'p50'),
      p99: m(subject.runs, 'p99'),
      cpuMicrosPerRequest: m(subject.runs, 'cpuMicrosPerRequest'),
      non2xx: subject.runs.reduce((n, s) => n + s.non2xx, 0),
      errors: subject.runs.reduce((n, s) => n + s.errors + s.timeouts, 0),
      ratio: median(subject.runs.map((s, i) => s.requestsPerSecond / baseline[i].requestsPerSecond)),
    });
    const [mine, compared] = subjects;
    const [mineSummary, comparedSummary] = subjects.map(searchSummary);
    const summary = {
      date: new Date().toISOString(),
      offerings: OFFERINGS,
      versions: mine.seeded.versionCount,
      restricted: mine.seeded.restrictedCount,
      queries: mine.paths.length,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      runs: RUNS,
      seedSeconds: mine.seeded.seedSeconds,
      baseline: {
        requestsPerSecond: m(baseline, 'requestsPerSecond'),
        p50: m(baseline, 'p50'),
        p99: m(baseline, 'p99'),
      },
      search: mineSummary,
      ratio: mineSummary.ratio,
      ...(compared
        ? {
            compared: {
              bin: COMPARE_BIN,
              ...comparedSummary,
              thisOverCompared: median(
                mine.runs.map((s, i) => s.requestsPerSecond / compared.runs[i].requestsPerSecond),
              ),
              cpuThisOverCompared: mineSummary.cpuMicrosPerRequest / comparedSummary!.cpuMicrosPerRequest,
            },
          }
        : {}),
      loadAverages: loads,
      perRun: { baseline, search: mine.runs, ...(compared ? { compared: compared.runs } : {}) },
    };
    const meets = { p99: summary.search.p99 < TARGET_P99_MS, ratio: summary.ratio >= TARGET_RATIO };
    console.log('');
    console.log(
      `| (median of ${RUNS} runs, ${CONNECTIONS} connections, ${DURATION} s) | req/s | p50 ms | p99 ms | non-2xx | server CPU µs/request |`,
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(
      `| Fastify hello world (baseline) | ${fmt(summary.baseline.requestsPerSecond, 0)} | ${summary.baseline.p50} | ${summary.baseline.p99} | 0 | |`,
    );
    for (const [i, subject] of subjects.entries()) {
      const s = [mineSummary, comparedSummary][i];
      console.log(
        `| Mercato search (${subject.label}), ${OFFERINGS} offerings, ${subject.paths.length} queries | ${fmt(s.requestsPerSecond, 0)} | ${s.p50} | ${s.p99} | ${s.non2xx} | ${fmt(s.cpuMicrosPerRequest, 0)} |`,
      );
    }
    console.log('');
    console.log(
      `search / baseline: ${fmt(100 * summary.ratio)} % of the baseline's requests/s (target >= ${100 * TARGET_RATIO} %): ${meets.ratio ? 'met' : 'MISSED'}`,
    );
    if (summary.compared)
      console.log(
        `this / compared (${COMPARE_BIN}): ${fmt(summary.compared.thisOverCompared, 3)} of its requests/s (median of the per-run ratios), ${fmt(summary.compared.cpuThisOverCompared, 3)} of its server CPU per request`,
      );
    console.log(`p99: ${summary.search.p99} ms (target < ${TARGET_P99_MS} ms): ${meets.p99 ? 'met' : 'MISSED'}`);
    console.log(
      `machine 1-minute load average during the runs: ${loads.join(', ')} (2 cores; the benchmark itself keeps about 2 busy)`,
    );
    const { seedSeconds, versionCount } = mine.seeded;
    console.log(
      `seeding: ${fmt(seedSeconds.total)} s through the API (${fmt(OFFERINGS / seedSeconds.offerings, 0)} offerings/s, then ${fmt(versionCount / seedSeconds.versions, 0)} versions/s, then ${fmt(OFFERINGS / seedSeconds.plans, 0)} plans/s)`,
    );
    console.log(`RESULT ${JSON.stringify(summary)}`);
    if ([mineSummary, comparedSummary].some((s) => s && (s.non2xx || s.errors))) process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
