/**
 * What may import what, checked by dependency-cruiser in `npm test` (`npm run check:imports`).
 *
 * Between workspaces, the package.json files are the rule: a workspace imports another only by
 * package name and only when its package.json declares it (run-time code: `dependencies`;
 * tests and scripts: `devDependencies` too), never by a relative path; no import cycle, so no
 * cycle between workspaces either; every package imported is declared by the nearest
 * package.json. The code outside every workspace (bench/, examples/, the root's tests and
 * configuration) is the root package's: the root package.json declares what it imports, workspaces
 * included. Inside the provider, imports go one way: protocol <- framework <- client <- resources
 * and data-sources (see DESIGN.md).
 */
const { readFileSync } = require('node:fs');
const { join, posix } = require('node:path');

const readJson = (file) => JSON.parse(readFileSync(join(__dirname, file), 'utf8'));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (dirs) => `^(${dirs.map(escapeRegExp).join('|')})/`;

/**
 * The folders of the TypeScript sources (not declarations) that a manifest's `types`, or a
 * `types` condition of its `exports`, points to: whoever imports the package compiles them, so
 * their type-only imports must resolve in the importer's installation as much as run-time ones.
 */
function typeSourceDirs(dir, manifest) {
  const found = new Set();
  const walk = (value, key) => {
    if (typeof value === 'string') {
      if (key === 'types' && value.endsWith('.ts') && !value.endsWith('.d.ts'))
        found.add(posix.join(dir, posix.dirname(value)));
    } else if (value && typeof value === 'object') {
      for (const [condition, target] of Object.entries(value)) walk(target, condition);
    }
  };
  walk(manifest.types, 'types');
  walk(manifest.exports, 'exports');
  return [...found].filter((d) => ![...found].some((other) => d.startsWith(`${other}/`)));
}

const root = readJson('package.json');
/** Each workspace: its folder, its package name, what it declares and the sources its importers compile. */
const workspaces = root.workspaces.map((dir) => {
  const manifest = readJson(`${dir}/package.json`);
  return {
    dir,
    name: manifest.name,
    dependencies: Object.keys(manifest.dependencies ?? {}),
    devDependencies: Object.keys(manifest.devDependencies ?? {}),
    typeSources: typeSourceDirs(dir, manifest),
  };
});
const dirsOf = (names) => workspaces.filter((w) => names.includes(w.name)).map((w) => w.dir);
const IN_A_WORKSPACE = anyOf(workspaces.map((w) => w.dir));
/** TypeScript sources that importers compile (see typeSourceDirs). */
const TYPE_SOURCES = anyOf(workspaces.flatMap((w) => w.typeSources));

/** Code that runs in a user's process (as opposed to tests, scripts and benchmarks). */
const RUN_TIME = '^(api|agent|server|provider|cli|examples/agent)/src/|^constructs/(src|codegen)/';

const betweenWorkspaces = workspaces.flatMap((workspace) => {
  const from = `^${escapeRegExp(workspace.dir)}/`;
  const declared = [workspace.name, ...workspace.dependencies, ...workspace.devDependencies];
  const undeclared = workspaces.filter((w) => !declared.includes(w.name)).map((w) => w.dir);
  const devOnly = dirsOf(workspace.devDependencies.filter((name) => !workspace.dependencies.includes(name)));
  const devOnlyRule = {
    name: 'no-dev-workspace-at-run-time',
    comment: `${workspace.name} has these as devDependencies only: its run-time code may not import them`,
    severity: 'error',
  };
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
            ...devOnlyRule,
            from: {
              path: from,
              pathNot: [
                `^${escapeRegExp(workspace.dir)}/(test|scripts)/`,
                ...workspace.typeSources.map((d) => anyOf([d])),
              ],
            },
            to: { path: anyOf(devOnly), dependencyTypesNot: ['local', 'type-only'] },
          },
          // Its importers compile these sources: an `import type` there needs the package installed too.
          ...(workspace.typeSources.length
            ? [
                {
                  ...devOnlyRule,
                  from: { path: anyOf(workspace.typeSources) },
                  to: { path: anyOf(devOnly), dependencyTypesNot: ['local'] },
                },
              ]
            : []),
        ]
      : []),
  ];
});

/**
 * The root package's code (bench/, examples/, the root's tests and configuration): it imports a
 * workspace by package name, and only one the root package.json declares. (An npm package it
 * imports is checked against the root package.json by no-undeclared-package, as everywhere.) A
 * workspace imported by name from here resolves through the root's `workspaces`
 * ('aliased-workspace'); by a relative path, it is only 'local'.
 */
const rootDeclared = Object.keys({ ...root.dependencies, ...root.devDependencies });
const rootUndeclared = workspaces.filter((w) => !rootDeclared.includes(w.name)).map((w) => w.dir);
const rootPackage = [
  {
    name: 'no-relative-import-across-workspaces',
    comment: 'the root package imports a workspace by its package name, not by a path into its folder',
    severity: 'error',
    from: { pathNot: IN_A_WORKSPACE },
    to: { path: IN_A_WORKSPACE, dependencyTypes: ['local'], dependencyTypesNot: ['aliased-workspace'] },
  },
  ...(rootUndeclared.length
    ? [
        {
          name: 'no-undeclared-workspace',
          comment: 'the root package.json declares none of these',
          severity: 'error',
          from: { pathNot: IN_A_WORKSPACE },
          to: { path: anyOf(rootUndeclared), dependencyTypes: ['aliased-workspace', 'undetermined'] },
        },
      ]
    : []),
];

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
      from: { path: RUN_TIME, pathNot: ['schema-worker-source\\.js$', TYPE_SOURCES] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only', 'npm-peer'] },
    },
    {
      name: 'no-dev-package-at-run-time',
      comment:
        "sources a package's importers compile (its `types` are TypeScript) import only its dependencies (and peers), `import type` too",
      severity: 'error',
      from: { path: TYPE_SOURCES, pathNot: 'schema-worker-source\\.js$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['npm-peer'] },
    },
    ...betweenWorkspaces,
    ...rootPackage,
    ...providerLayers,
  ],
  options: {
    // Build output is not cruised, but stays in the graph as what an import resolves to: @mercato/cdktf
    // has no TypeScript sources to resolve to (jsii compiles them), so an import of it reaches lib/.
    doNotFollow: { path: ['node_modules', `${IN_A_WORKSPACE}(lib|dist)/`] },
    // The bindings generated from the provider's schema, and test fixtures.
    exclude: { path: '/fixtures/|^constructs/src/generated/|^constructs/\\.build' },
    tsPreCompilationDeps: true,
    // A package resolved to run or bundle it (`require.resolve('tsx/cjs')`) is imported too.
    exoticRequireStrings: ['require.resolve'],
    // No tsConfig: given one without a baseUrl, dependency-cruiser resolves with "./" as the baseUrl,
    // so a bare import named like a root folder resolves to that folder: `constructs` (the npm
    // package) to the constructs workspace. Our tsconfigs have no paths for it to follow anyway.
    // Workspace packages by the condition that names their TypeScript sources (see jest.config.js).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['mercato-source', 'require', 'node', 'default'],
      mainFields: ['main', 'types'],
    },
  },
};
