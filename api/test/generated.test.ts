/**
 * The committed OpenAPI document and what is generated from it (types, constants) are what the
 * server produces now. When this fails, the server's routes or schemas changed: run
 * `npm run generate -w api` and commit the result. The generator runs as its own process
 * (`--check`): openapi-typescript loads ES modules that jest's module system cannot.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const API_DIR = join(__dirname, '..');

test('openapi.json, src/generated/openapi.ts and src/generated/constants.ts are what the server produces now', async () => {
  const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'generate', '--', '--check'],
      { cwd: API_DIR, timeout: 120000 },
      (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
      },
    );
  });
  expect(run).toEqual({ code: 0, stderr: '' });
});
