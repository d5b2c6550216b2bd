/**
 * The import rules of .dependency-cruiser.js (run over the whole repository by `npm run
 * check:imports` in `npm test`) catch what they are for: each probe below breaks one rule, is
 * written into the repository for the check, and is removed again.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const REPO = join(__dirname, '..');
const PROBE_DIR = '__import_probe__';

/** Probe files (path -> content) and the rule each must break. */
const PROBES: { files: Record<string, string>; rule: string }[] = [
  {
    rule: 'no-relative-import-across-workspaces',
    files: { 'cli/P/relative.ts': "export { buildApp } from '../../server/src/app';\n" },
  },
  {
    rule: 'no-cycle',
    files: {
      'cli/src/P/cycle-a.ts': "export { b } from './cycle-b';\nexport const a = 1;\n",
      'cli/src/P/cycle-b.ts': "export { a } from './cycle-a';\nexport const b = 2;\n",
    },
  },
  { rule: 'no-undeclared-package', files: { 'cli/src/P/package.ts': "export { default } from 'semver';\n" } },
  // An npm package named like a folder of the repository resolves to the package, not the folder.
  { rule: 'no-undeclared-package', files: { 'api/src/P/constructs.ts': "export { Construct } from 'constructs';\n" } },
  {
    rule: 'no-unresolvable-import',
    files: { 'cli/src/P/missing.ts': "export { x } from 'no-such-package-anywhere';\n" },
  },
  {
    rule: 'no-undeclared-workspace',
    files: { 'api/src/P/workspace.ts': "export { PROVIDER_VERSION } from '@mercato/terraform-provider';\n" },
  },
  {
    rule: 'no-dev-workspace-at-run-time',
    files: { 'api/src/P/server.ts': "export { buildApp } from '@mercato/server';\n" },
  },
  {
    rule: 'no-dev-package-at-run-time',
    files: { 'api/src/P/dev-package.ts': "export { default } from 'openapi-typescript';\n" },
  },
  // The TypeScript sources a package's `types` point to are compiled by whoever imports it: there,
  // `import type` of a devDependency breaks the importer's build as an import would its run.
  {
    rule: 'no-dev-workspace-at-run-time',
    files: {
      'constructs/codegen/P/server-types.ts':
        "import type { buildApp } from '@mercato/server';\nexport type BuildApp = typeof buildApp;\n",
    },
  },
  {
    rule: 'no-dev-package-at-run-time',
    files: {
      'constructs/codegen/P/dev-package-types.ts':
        "import type { SemVer } from 'semver';\nexport type Version = SemVer;\n",
    },
  },
  // A workspace whose package resolves to its build output (@mercato/cdktf: lib/, compiled by jsii).
  { rule: 'no-undeclared-workspace', files: { 'api/src/P/cdktf.ts': "export { Offering } from '@mercato/cdktf';\n" } },
  // The root package's code (bench/, examples/, the root's tests) against the root package.json.
  { rule: 'no-undeclared-package', files: { 'bench/P/package.ts': "export { Command } from 'commander';\n" } },
  { rule: 'no-undeclared-package', files: { 'examples/P/package.ts': "export { parse } from 'yaml';\n" } },
  // A package resolved to run or bundle it is imported too.
  { rule: 'no-undeclared-package', files: { 'bench/P/resolve.ts': "export const yaml = require.resolve('yaml');\n" } },
  { rule: 'no-undeclared-workspace', files: { 'bench/P/workspace.ts': "export { ApiError } from '@mercato/api';\n" } },
  {
    rule: 'no-undeclared-workspace',
    files: { 'examples/P/workspace.ts': "export { ApiError } from '@mercato/api';\n" },
  },
  {
    rule: 'no-relative-import-across-workspaces',
    files: { 'examples/P/relative.ts': "export { Offering } from '../../constructs/src/offering';\n" },
  },
  {
    rule: 'provider-mercato-code-uses-the-framework',
    files: { 'provider/src/resources/P/protocol.ts': "export { UNKNOWN } from '../../protocol';\n" },
  },
  {
    rule: 'provider-protocol-knows-nothing-above-it',
    files: { 'provider/src/protocol/P/framework.ts': "export { defineProvider } from '../../framework';\n" },
  },
  {
    rule: 'provider-framework-knows-no-mercato',
    files: { 'provider/src/framework/P/client.ts': "export { waitForOrder } from '../../client/orders';\n" },
  },
  {
    rule: 'provider-framework-knows-no-mercato',
    files: { 'provider/src/framework/P/api.ts': "export { ApiError } from '@mercato/api';\n" },
  },
  {
    rule: 'provider-client-below-resources',
    files: { 'provider/src/client/P/resources.ts': "export { resource } from '../../resources/resource';\n" },
  },
];

const written = PROBES.flatMap((probe) => Object.keys(probe.files)).map((path) =>
  join(REPO, path.replace('/P/', `/${PROBE_DIR}/`)),
);

beforeAll(() => {
  for (const probe of PROBES) {
    for (const [path, content] of Object.entries(probe.files)) {
      const file = join(REPO, path.replace('/P/', `/${PROBE_DIR}/`));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
});
afterAll(() => {
  for (const file of written) rmSync(dirname(file), { recursive: true, force: true });
});

interface Violation {
  from: string;
  rule: { name: string };
}

test('each probe breaks exactly the rule it is written for, and the rest of the repository none', async () => {
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      'npm',
      ['run', '--silent', 'check:imports', '--', '--output-type', 'json'],
      { cwd: REPO, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (stdout ? resolve(stdout) : reject(error ?? new Error('check:imports printed nothing'))),
    );
  });
  const violations = (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
  const byFile = (file: string) => violations.filter((v) => v.from === file).map((v) => v.rule.name);
  for (const probe of PROBES) {
    const paths = Object.keys(probe.files);
    expect([paths, [...new Set(paths.flatMap((path) => byFile(path.replace('/P/', `/${PROBE_DIR}/`))))]]).toEqual([
      paths,
      [probe.rule],
    ]);
  }
  expect(violations.filter((v) => !v.from.includes(PROBE_DIR))).toEqual([]);
});
