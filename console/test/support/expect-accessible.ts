import { accessibilityViolations, type TestBrowser } from '@mercato/test-support/browser';

/**
 * Keeps a screenshot of the page as `name` (test-artifacts/, not git) and expects axe to find no
 * serious or critical violation on it; a failure names the page with the violations.
 */
export async function expectAccessible(browser: TestBrowser, name: string): Promise<void> {
  await browser.screenshot(name);
  expect({ page: name, violations: await accessibilityViolations(browser.page) }).toEqual({
    page: name,
    violations: [],
  });
}
