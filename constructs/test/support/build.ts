/**
 * The library's build output (lib/, .jsii, dist/cdktn) for the tests that need it. jest runs test
 * files in parallel workers and there is no global setup for this, so the first test that needs
 * the build runs `scripts/build.js` (without regenerating the committed bindings) under a lock
 * directory; the others wait for it. A build whose stamp matches the sources is reused.
 */
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CONSTRUCTS = resolve(__dirname, '../..');
export const REPO = resolve(CONSTRUCTS, '..');

interface BuildScript {
  build(options: { pacmak?: boolean; skipGenerate?: boolean }): Promise<Record<string, number>>;
  isBuilt(): boolean;
}

const script = async () => (await import(join(CONSTRUCTS, 'scripts/build.js'))) as BuildScript;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the library unless its build is current. */
export async function ensureBuilt(): Promise<void> {
  if ((await script()).isBuilt()) return;
  const lock = join(CONSTRUCTS, '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 5 minutes is left over from a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmdirSync(lock);
      } catch {
        /* gone meanwhile */
      }
      await sleep(250);
    }
  }
  try {
    const { isBuilt, build } = await script();
    if (!isBuilt()) await build({ skipGenerate: true });
  } finally {
    rmdirSync(lock);
  }
}
