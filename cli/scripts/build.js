#!/usr/bin/env node
/**
 * Builds the `mercato` command line into lib/: one bundle of the CLI's own code with commander and
 * @mercato/api (lib/main.js, which bin/mercato.js runs), and each package only some commands need
 * bundled apart into lib/node_modules/<name>/index.js, where Node's resolution finds it from the
 * bundle: `mercato --help` neither reads nor parses axios or yaml, `get -o table` no yaml. One
 * file starts faster than the ~180 modules the command would otherwise load one by one
 * (bench/cli.ts measures it). The server, the provider and the code generator stay packages of
 * their own, loaded by the commands that run them.
 *
 *   node cli/scripts/build.js        (npm run build -w cli; npm install runs it)
 */
const path = require('node:path');
const esbuild = require('esbuild');

const cliDir = path.resolve(__dirname, '..');

/** Packages loaded only by the commands that need them: HTTP requests, YAML output. */
const LAZY_PACKAGES = ['axios', 'yaml'];
/** Workspaces the CLI runs as they are (their own build): `serve`, `provider install`, `drift`, `constructs generate`. */
const WORKSPACES = ['@mercato/server', '@mercato/terraform-provider', '@mercato/cdktf'];

const COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Smaller source parses faster; identifiers stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // @mercato/api from its TypeScript sources: the CLI never depends on api/ having been built first.
  conditions: ['mercato-source'],
};

/**
 * commander requires node:child_process when it loads, for subcommands that are executables of
 * their own, which mercato has none of; loading it is a tenth of `mercato --help`. Its one use
 * is made to load it then. The build fails if commander no longer reads as this expects.
 */
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = await require('node:fs/promises').readFile(args.path, 'utf8');
      if (!source.includes(eager)) throw new Error(`${args.path}: no \`${eager}\` to make lazy; check scripts/build.js against this commander`);
      return { contents: source.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
    });
  },
};

async function build() {
  const lib = path.join(cliDir, 'lib');
  await esbuild.build({ ...COMMON, entryPoints: [path.join(cliDir, 'src/main.ts')], outfile: path.join(lib, 'main.js'), external: [...LAZY_PACKAGES, ...WORKSPACES], sourcemap: true, plugins: [lazyChildProcess] });
  for (const name of LAZY_PACKAGES) {
    await esbuild.build({ ...COMMON, entryPoints: [require.resolve(name, { paths: [cliDir] })], outfile: path.join(lib, 'node_modules', name, 'index.js') });
  }
}

build().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
