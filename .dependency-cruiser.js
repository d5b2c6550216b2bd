/**
 * What may import what, checked by dependency-cruiser in `npm test` (`npm run check:imports`).
 *
 * Between workspaces, the package.json files are the rule: a workspace imports another only by
 * package name and only when its package.json declares it (run-time code: `dependencies`;
 * tests and scripts: `devDependencies` too), never by a relative path; no import cycle, so no
 * cycle between workspaces either; every package imported is declared by the nearest
 * package.json. Inside the provider, imports go one way: protocol <- framework <- client <-
 * resources and data-sources (see DESIGN.md).
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const readJson = (file) => JSON.parse(readFileSync(join(__dirname, file), 'utf8'));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (dirs) => `^(${dirs.map(escapeRegExp).join('|')})/`;

/** Each workspace: its folder, its package name and the workspace packages it declares. */
const workspaces = readJson('package.json').workspaces.map((dir) => {
  const manifest = readJson(`${dir}/package.json`);
  return {
    dir,
    name: manifest.name,
    dependencies: Object.keys(manifest.dependencies ?? {}),
    devDependencies: Object.keys(manifest.devDependencies ?? {}),
  };
});
const dirsOf = (names) => workspaces.filter((w) => names.includes(w.name)).map((w) => w.dir);

/** Code that runs in a user's process (as opposed to tests, scripts and benchmarks). */
const RUN_TIME = '^(api|agent|server|provider|cli|examples/agent)/src/|^constructs/(src|codegen)/';

const betweenWorkspaces = workspaces.flatMap((workspace) => {
  const from = `^${escape(workspace.dir)}/`;
  const declared = [workspace.name, ...workspace.dependencies, ...workspace.devDependencies];
  const undeclared = workspaces.filter((w) => !declared.includes(w.name)).map((w) => w.dir);
  const devOnly = dirsOf(workspace.devDependencies.filter((name) => !workspace.dependencies.includes(name)));
  return [
    {
      name: 'no-relative-import-across-workspaces',
      comment: `${workspace.dir}/ imports another workspace by its package name, not by a path into its folder`,
      severity: 'error',
      from: { path: from },
      to: { dependencyTypes: ['local'], pathNot: from },
    },
    ...(undeclared.length
      ? [
          {
            name: 'no-undeclared-workspace',
            comment: `${workspace.name} declares none of these in its package.json`,
            severity: 'error',
            from: { path: from },
            to: { path: anyOf(undeclared), dependencyTypesNot: ['local'] },
          },
        ]
      : []),
    ...(devOnly.length
      ? [
          {
            name: 'no-dev-workspace-at-run-time',
            comment: `${workspace.name} has these as devDependencies only: its run-time code may not import them`,
            severity: 'error',
            from: { path: from, pathNot: [`^${escape(workspace.dir)}/(test|scripts)/`] },
            to: { path: anyOf(devOnly), dependencyTypesNot: ['local', 'type-only'] },
          },
        ]
      : []),
  ];
});

const providerLayers = [
  {
    name: 'provider-protocol-knows-nothing-above-it',
    comment: 'protocol (go-plugin, tfplugin6, cty) imports only itself: not the framework, not Mercato',
    severity: 'error',
    from: { path: '^provider/src/protocol/' },
    to: { path: '^provider/src/', pathNot: '^provider/src/protocol/' },
  },
  {
    name: 'provider-framework-knows-no-mercato',
    comment: 'framework imports only itself and protocol: no resource, client or other workspace',
    severity: 'error',
    from: { path: '^provider/src/framework/' },
    to: {
      path: `^provider/src/(?!framework/|protocol/)|${anyOf(workspaces.map((w) => w.dir).filter((dir) => dir !== 'provider'))}`,
    },
  },
  {
    name: 'provider-mercato-code-uses-the-framework',
    comment: 'resources, data-sources and client reach the protocol only through the framework',
    severity: 'error',
    from: { path: '^provider/src/(resources|data-sources|client)/' },
    to: { path: '^provider/src/protocol/' },
  },
  {
    name: 'provider-client-below-resources',
    comment: 'client is what resources and data sources call; it calls neither',
    severity: 'error',
    from: { path: '^provider/src/client/' },
    to: { path: '^provider/src/(resources|data-sources)/' },
  },
];

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'no import cycle, inside a workspace or between workspaces',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-undeclared-package',
      comment: "a package imported is declared in the nearest package.json (the importing workspace's)",
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-unresolvable-import',
      comment: 'every import resolves (a package that is not installed, a file that is not there)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-dev-package-at-run-time',
      comment: "run-time code imports only its workspace's dependencies (and peers), not its devDependencies",
      severity: 'error',
      // schema-worker-source.js is the worker when the server runs from its sources (tests): it loads tsx.
      from: { path: RUN_TIME, pathNot: 'schema-worker-source\\.js$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only', 'npm-peer'] },
    },
    ...betweenWorkspaces,
    ...providerLayers,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Build output, and the bindings generated from the provider's schema.
    exclude: {
      path: `${anyOf(workspaces.map((w) => w.dir))}(lib|dist)/|/fixtures/|^constructs/src/generated/|^constructs/\\.build`,
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Workspace packages by the condition that names their TypeScript sources (see jest.config.js).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['mercato-source', 'require', 'node', 'default'],
      mainFields: ['main', 'types'],
    },
  },
};
