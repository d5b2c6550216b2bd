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

/** Packages loaded only by the commands that need them: HTTP requests (and a proxy for them), YAML output, packing a module (tar). */
const LAZY_PACKAGES = ['axios', 'https-proxy-agent', 'yaml', 'tar'];
/**
 * Workspaces the CLI runs as they are (their own build): `serve` (and the demo site agent it
 * starts as a process of its own), `provider install`, `drift`, `constructs generate`.
 */
const WORKSPACES = ['@mercato/server', '@mercato/example-agent', '@mercato/terraform-provider', '@mercato/cdktf'];

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
      if (!source.includes(eager))
        throw new Error(`${args.path}: no \`${eager}\` to make lazy; check scripts/build.js against this commander`);
      return {
        contents: source.replace(
          eager,
          "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
        ),
        loader: 'js',
      };
    });
  },
};

/**
 * What the CLI's axios leaves out, and why that is safe: loading them was half of `mercato get`
 * (bench/README.md). Each is replaced by a stub that throws if it is ever used, and the build
 * fails if axios no longer reads as expected here (the files and the lines checked below).
 * - form-data (with mime-db and a dozen small packages): only multipart bodies use it; @mercato/api
 *   sends JSON text only (its client serializes every body itself).
 * - follow-redirects: @mercato/api's client sets `maxRedirects: 0`, and then axios's http adapter
 *   takes node:http/https itself (the line checked below) and never calls follow-redirects.
 * - the fetch and XMLHttpRequest adapters: in Node axios takes its http adapter; the fetch one
 *   probes the global `Request` when it loads, which makes Node 20 load undici (~35 ms).
 * - utils.js's look at the global `FormData` when it loads (undici again), which only speeds up
 *   `isFormData`: without it a FormData is still told by its `[object FormData]` tag.
 * Proxies (proxy-from-env, https-proxy-agent) stay.
 */
const AXIOS_LIB = path.join(path.dirname(require.resolve('axios/package.json', { paths: [cliDir] })), 'lib');
const AXIOS_STUBS = {
  'form-data':
    "module.exports = class FormData { constructor() { throw new Error('form-data is left out of the axios of the mercato CLI (cli/scripts/build.js): the Mercato API takes JSON only'); } };",
  'follow-redirects':
    "const request = () => { throw new Error('follow-redirects is left out of the axios of the mercato CLI (cli/scripts/build.js): @mercato/api sets maxRedirects 0'); }; module.exports = { http: { request }, https: { request } };",
  'adapters/fetch.js': 'export const getFetch = () => false; export default false;',
  'adapters/xhr.js': 'export default false;',
};
/** axios's http adapter takes node:http/https itself when maxRedirects is 0: follow-redirects is never called then. */
const NATIVE_TRANSPORT = /\} else if \(maxRedirects === 0\) \{\s*transport = isHttpsRequest \? https : http;/;
const EAGER_FORM_DATA = "const FormDataCtor = typeof G.FormData !== 'undefined' ? G.FormData : undefined;";

const axiosWithoutUnusedParts = {
  name: 'axios-without-unused-parts',
  setup(build) {
    const stubbed = new Set();
    const stub = (name) => {
      stubbed.add(name);
      return { contents: AXIOS_STUBS[name], loader: 'js', resolveDir: AXIOS_LIB };
    };
    build.onResolve({ filter: /^(form-data|follow-redirects)$/ }, (args) => ({
      path: args.path,
      namespace: 'axios-stub',
    }));
    build.onLoad({ filter: /.*/, namespace: 'axios-stub' }, (args) => stub(args.path));
    build.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]adapters[\\/](fetch|xhr|http)\.js$/ }, async (args) => {
      const name = `adapters/${path.basename(args.path)}`;
      if (name !== 'adapters/http.js') return stub(name);
      const source = await require('node:fs/promises').readFile(args.path, 'utf8');
      if (!NATIVE_TRANSPORT.test(source))
        throw new Error(
          `${args.path}: no native transport for maxRedirects 0; check scripts/build.js against this axios before leaving follow-redirects out`,
        );
      return undefined;
    });
    build.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]utils\.js$/ }, async (args) => {
      const source = await require('node:fs/promises').readFile(args.path, 'utf8');
      if (!source.includes(EAGER_FORM_DATA))
        throw new Error(
          `${args.path}: no \`${EAGER_FORM_DATA}\` to leave out; check scripts/build.js against this axios`,
        );
      stubbed.add('utils.js');
      return { contents: source.replace(EAGER_FORM_DATA, 'const FormDataCtor = undefined;'), loader: 'js' };
    });
    build.onEnd((result) => {
      const missing = [...Object.keys(AXIOS_STUBS), 'utils.js'].filter((name) => !stubbed.has(name));
      if (result.errors.length === 0 && missing.length > 0)
        throw new Error(`axios no longer loads ${missing.join(', ')}: check scripts/build.js against this axios`);
    });
  },
};

/**
 * What the CLI's axios loads on first use instead of when it loads (~15 ms of `mercato get` on an
 * http:// endpoint, bench/README.md): node:https and node:http2 (with TLS), node:crypto (multipart
 * boundaries only) and https-proxy-agent (with debug; only for an https:// target through a proxy,
 * and bundled apart into lib/node_modules/https-proxy-agent). Each import is replaced by a Proxy that
 * requires the module when a member is read, it is constructed or called. That stands for the
 * module only where axios imports it whole (`import x from 'm'`), which the build checks; axios's
 * calls through it (`https.request(...)`) reach the module's functions with the Proxy as `this`,
 * which Node's https, http2 and crypto functions do not read.
 */
const AXIOS_ON_USE = ['https', 'http2', 'crypto', 'https-proxy-agent'];
const onUse = (name) => `let loaded;
const load = () => (loaded ??= require(${JSON.stringify(name)}));
module.exports = new Proxy(function onUse() {}, {
  get: (_, key) => load()[key],
  construct: (_, args) => new (load())(...args),
  apply: (_, self, args) => load().apply(self, args),
});`;

const axiosLoadsOnUse = {
  name: 'axios-loads-on-use',
  setup(build) {
    const replaced = new Set();
    const filter = new RegExp(`^(${AXIOS_ON_USE.join('|')})$`);
    build.onResolve({ filter }, async (args) => {
      // The Proxy's own require: the module itself, at run time.
      if (args.namespace === 'axios-on-use') return { path: args.path, external: true };
      if (!args.importer.startsWith(AXIOS_LIB)) return undefined;
      const source = await require('node:fs/promises').readFile(args.importer, 'utf8');
      const whole = new RegExp(`^import \\w+ from '${args.path}';$`, 'm');
      if (!whole.test(source))
        throw new Error(
          `${args.importer} imports ${args.path} other than whole; check scripts/build.js against this axios`,
        );
      replaced.add(args.path);
      return { path: args.path, namespace: 'axios-on-use' };
    });
    build.onLoad({ filter: /.*/, namespace: 'axios-on-use' }, (args) => ({ contents: onUse(args.path), loader: 'js' }));
    build.onEnd((result) => {
      const missing = AXIOS_ON_USE.filter((name) => !replaced.has(name));
      if (result.errors.length === 0 && missing.length > 0)
        throw new Error(`axios no longer imports ${missing.join(', ')}: check scripts/build.js against this axios`);
    });
  },
};

/** How each lazy package is bundled: axios from its ES module sources, so that parts can be left out. */
const LAZY_BUILDS = {
  axios: {
    stdin: {
      contents: `module.exports = require(${JSON.stringify(path.join(AXIOS_LIB, 'axios.js'))}).default;`,
      resolveDir: cliDir,
      loader: 'js',
    },
    plugins: [axiosWithoutUnusedParts, axiosLoadsOnUse],
  },
  'https-proxy-agent': { entryPoints: [require.resolve('https-proxy-agent', { paths: [AXIOS_LIB] })] },
  yaml: { entryPoints: [require.resolve('yaml', { paths: [cliDir] })] },
  tar: { entryPoints: [require.resolve('tar', { paths: [cliDir] })] },
};

async function build() {
  const lib = path.join(cliDir, 'lib');
  await esbuild.build({
    ...COMMON,
    // bin/mercato.js runs main.js, after compile-cache.js has set up the cache of compiled code on Node 20.
    entryPoints: ['main', 'compile-cache'].map((name) => path.join(cliDir, `src/${name}.ts`)),
    outdir: lib,
    external: [...LAZY_PACKAGES, ...WORKSPACES],
    sourcemap: true,
    plugins: [lazyChildProcess],
  });
  for (const name of LAZY_PACKAGES) {
    await esbuild.build({ ...COMMON, ...LAZY_BUILDS[name], outfile: path.join(lib, 'node_modules', name, 'index.js') });
  }
}

build().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
