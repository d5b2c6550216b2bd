/**
 * Generates @mercato/api from the server: the OpenAPI document (`openapi.json`, what
 * `/api/v1/openapi.json` serves), the TypeScript types openapi-typescript makes of it
 * (src/generated/openapi.ts) and the closed sets of values it names, as runtime values
 * (src/generated/constants.ts). All three are committed; `--check` writes nothing and fails
 * when they differ from what the server produces now (test/generated.test.ts runs it).
 *
 *   npm run generate -w api [-- --check]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp, openDatabase } from '@mercato/server';
import { constantsModule } from './constants';

export const API_DIR = join(__dirname, '..');

/** The server's OpenAPI document, from a server on an empty, throwaway SQLite database. */
export async function serverDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mercato-openapi-'));
  const app = await buildApp({ database: await openDatabase({ dataDir }), worker: { enabled: false } });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The generated files of the package (path relative to api/ -> content) for a document. */
export async function generatedFiles(document: OpenAPI3): Promise<Record<string, string>> {
  const types = astToString(await openapiTS(structuredClone(document), { silent: true }));
  return {
    'openapi.json': `${JSON.stringify(document, null, 2)}\n`,
    'src/generated/openapi.ts': types,
    'src/generated/constants.ts': constantsModule(document),
  };
}

/** The generated files that differ from what is committed, as `api/<path>`. */
export function staleFiles(files: Record<string, string>): string[] {
  const current = (path: string) =>
    existsSync(join(API_DIR, path)) ? readFileSync(join(API_DIR, path), 'utf8') : undefined;
  return Object.entries(files)
    .filter(([path, content]) => current(path) !== content)
    .map(([path]) => `api/${path}`);
}

async function main(check: boolean): Promise<void> {
  const files = await generatedFiles(await serverDocument());
  if (check) {
    const stale = staleFiles(files);
    if (stale.length)
      throw new Error(
        `${stale.join(', ')} differ from what the server produces now: run \`npm run generate -w api\` and commit the result`,
      );
    return;
  }
  for (const [path, content] of Object.entries(files)) writeFileSync(join(API_DIR, path), content);
  console.log(`wrote ${Object.keys(files).join(', ')} (api/)`);
}

if (require.main === module) {
  main(process.argv.includes('--check')).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
