/**
 * The console's catalog at 10,000 offerings (issue 14), in Debian's Chromium against the real
 * server (`mercato serve` in its own process, SQLite), seeded through the API:
 *   - first results: from the navigation's start to the first result card in the DOM (performance.now()
 *     in the page, whose origin is the navigation), a fresh tab each sample;
 *   - a keystroke: from the `keydown` event to the results section showing the answer to the new
 *     text (a MutationObserver on its `data-results-for`), one character at a time;
 * against the baseline of the same run: the API's own search for the same query, fetched by the
 * same page (fetch to parsed JSON). Medians of several samples; ratios against the baseline.
 *
 *   npm run build -w console && npx tsx --conditions=mercato-source bench/console-catalog.ts
 *
 * Knobs: BENCH_OFFERINGS (10000), BENCH_RUNS (samples of each, 9), BENCH_SEED_CONCURRENCY (20).
 */
import { launchBrowser, type TestBrowser } from '@mercato/test-support/browser';
import { offeringSpecs, ORGANIZATION_NAMES, CATEGORIES } from './support/catalog-data';
import { Client, fmt, loadAverage, median, pool, startMercato } from './support/processes';

type Page = TestBrowser['page'];

const OFFERINGS = Number(process.env.BENCH_OFFERINGS ?? 10000);
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 9), 50);
const SEED_CONCURRENCY = Number(process.env.BENCH_SEED_CONCURRENCY ?? 20);
const TARGET_FIRST_MS = 1000;
const TARGET_KEY_MS = 100;
const PAGE_SIZE = 24; // console/src/catalog/CatalogPage.tsx
/** Typed one character at a time: each prefix answers differently. */
const WORDS = ['data', 'stream', 'cluster'];

// The scripts run in the page are text: tsx would wrap functions passed to it in a helper the page lacks.
/** performance.now() (from the navigation's start) when the first result card is in the DOM. */
const FIRST_CARD = `new Promise((resolve) => {
  const done = () => (document.querySelector('article.card') ? (resolve(performance.now()), true) : false);
  if (done()) return;
  new MutationObserver((_, observer) => done() && observer.disconnect()).observe(document.body, {
    childList: true,
    subtree: true,
  });
})`;

/** ms from the next keydown in the search box to the results showing the answer to `expected`. */
const resultsFor = (expected: string) => `new Promise((resolve) => {
  const expected = ${JSON.stringify(expected)};
  let pressed = 0;
  document.getElementById('catalog-q').addEventListener('keydown', () => (pressed = performance.now()), { once: true });
  const results = document.querySelector('.results');
  new MutationObserver((_, observer) => {
    if (results.getAttribute('data-results-for') !== expected) return;
    observer.disconnect();
    resolve(performance.now() - pressed);
  }).observe(results, { attributes: true, attributeFilter: ['data-results-for'] });
})`;

/** ms the API takes to answer a search of `q` to this page, fetched and parsed. */
const apiSearch = (q: string, token: string) => `(async () => {
  const params = new URLSearchParams(${JSON.stringify({ ...(q ? { q } : {}), limit: String(PAGE_SIZE) })});
  const start = performance.now();
  const response = await fetch('/api/v1/offerings?' + params, { headers: { authorization: 'Bearer ${token}' } });
  await response.json();
  return performance.now() - start;
})()`;

const say = (line: string) => console.log(`[console-catalog] ${line}`);

async function seed(admin: Client): Promise<void> {
  const started = performance.now();
  const categoryIds: string[] = [];
  for (const c of CATEGORIES) categoryIds.push((await admin.post('/categories', { title: c.title })).id);
  const organizationIds: string[] = [];
  for (const name of ORGANIZATION_NAMES) organizationIds.push((await admin.post('/organizations', { name })).id);
  const specs = offeringSpecs(OFFERINGS);
  await pool(specs, SEED_CONCURRENCY, async (spec) => {
    const offering = await admin.post('/offerings', {
      organization_id: organizationIds[spec.organization],
      category_id: categoryIds[spec.category],
      name: spec.name,
      slug: spec.slug,
      description: spec.description,
      type: spec.type,
      platform: spec.platform,
      status: spec.status,
      tags: spec.tags,
      components: [{ type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' }],
    });
    for (const v of spec.versions)
      await admin.post('/offering-versions', { offering_id: offering.id, version: v.version, status: v.status });
    await admin.post('/plans', { offering_id: offering.id, name: 'standard', prices: { base: 10 } });
  });
  say(`seeded ${OFFERINGS} offerings in ${fmt((performance.now() - started) / 1000)} s`);
}

async function main() {
  const server = await startMercato();
  const browser = await launchBrowser({ folder: 'bench-console-catalog' });
  try {
    const admin = new Client(server.url, server.adminToken);
    await seed(admin);
    const viewer = await admin.post('/users', { username: 'bench-viewer', email: 'bench-viewer@example.com' });
    const { token } = await admin.post(`/users/${viewer.id}/tokens`, { name: 'bench' });
    const { context } = browser;
    await context.addInitScript(`sessionStorage.setItem('mercato.token', ${JSON.stringify(token)})`);

    const apiTime = (page: Page, q: string) => page.evaluate<number>(apiSearch(q, token));

    // First results: a fresh tab each time (the assets cached after the first, as for a returning user).
    const first: number[] = [];
    const firstApi: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      const shown = await page.evaluate<number>(FIRST_CARD);
      const api = await apiTime(page, '');
      // The first load fills the cache: not counted.
      if (i > 0) {
        first.push(shown);
        firstApi.push(api);
      }
      await page.close();
    }

    // Keystrokes: one character at a time into the search box.
    const page = context.pages()[0];
    await page.goto(`${server.url}/`);
    await page.locator('article.card').first().waitFor();
    const box = page.getByLabel('Search the catalog');
    const keys: number[] = [];
    const keysApi: number[] = [];
    let samples = 0;
    for (let w = 0; samples < RUNS * 2; w++) {
      const word = WORDS[w % WORDS.length];
      await box.fill('');
      await page.waitForFunction(`document.querySelector('.results')?.getAttribute('data-results-for') === ''`);
      for (let c = 1; c <= word.length && samples < RUNS * 2; c++) {
        const expected = `?${new URLSearchParams({ q: word.slice(0, c) })}`;
        const waiting = page.evaluate<number>(resultsFor(expected));
        await page.waitForTimeout(20); // the observer in place
        await box.press(word[c - 1]);
        const took = await waiting;
        keys.push(took);
        keysApi.push(await apiTime(page, word.slice(0, c)));
        samples++;
      }
    }

    const row = (what: string, values: number[], base: number[], target: number) => {
      const m = median(values);
      const b = median(base);
      return `| ${what} | ${values.length} | ${fmt(m)} | ${fmt(b)} | ${fmt(m / b, 2)}x | < ${target} ms: ${m < target ? 'met' : 'missed'} |`;
    };
    console.log('');
    console.log(`${OFFERINGS} offerings, load average ${loadAverage()}`);
    console.log('| Measure | Samples | Console median (ms) | API search median (ms) | Ratio | Target |');
    console.log('|---|---:|---:|---:|---:|---|');
    console.log(row('first results (navigation start → first card)', first, firstApi, TARGET_FIRST_MS));
    console.log(row('keystroke (keydown → results for the new text)', keys, keysApi, TARGET_KEY_MS));
    console.log(
      `RESULT ${JSON.stringify({ offerings: OFFERINGS, first, firstApi, keys, keysApi, load: loadAverage() })}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
