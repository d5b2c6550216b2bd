import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core, for the console's end-to-end tests (.ci/run installs
 * the `chromium` package when it is missing; Playwright's own browser download does not work here).
 */
export const CHROMIUM = process.env.MERCATO_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The machine's flags: no sandbox (tests run as root), no GPU, and none of Chromium's background
 * connections, which this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Where the tests write screenshots: test-artifacts/ at the repository's root (gitignored). */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Saves a full-page PNG as test-artifacts/<folder>/<name>.png and answers its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile (its own --user-data-dir, removed on close) and one page. */
export async function launchBrowser(
  options: { folder?: string; width?: number; height?: number } = {},
): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const folder = path.join(ARTIFACTS, options.folder ?? 'console');
  return {
    context,
    page,
    async screenshot(name) {
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = path.join(path.dirname(require.resolve('axe-core/package.json')), 'axe.min.js');

/**
 * axe-core's check of the page as it is now: the violations of serious or critical impact (the
 * WCAG 2 A and AA rules and axe's best practices), each with the selectors of what it found.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate('typeof window.axe !== "undefined"');
  if (!injected) await page.addScriptTag({ content: fs.readFileSync(AXE_SOURCE, 'utf8') });
  const result = (await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
