#!/usr/bin/env node
/**
 * Builds @mercato/cdktf:
 *
 *   1. the provider's schema, from the provider itself (`--schema`, no Terraform), and the CDKTF
 *      bindings generated from it into src/generated (committed; a test checks they are current);
 *   2. jsii: lib/*.js, lib/*.d.ts and the .jsii assembly; then the flat `offering` and `project`
 *      namespaces for TypeScript (see src/index.ts);
 *   3. the CDK Terrain flavour from the same sources: imports of `cdktf` rewritten to `cdktn`,
 *      bindings generated with @cdktn/provider-generator, compiled with tsc into dist/cdktn (a
 *      package `@mercato/cdktn`);
 *   4. with --pacmak: `jsii-pacmak --code-only` for Python, Java, Go and .NET into dist/<language>.
 *
 * It writes lib/.build-stamp, a hash of everything it read, so tests build only when stale;
 * with --if-stale it does nothing when that stamp is current (npm's `prepack` runs it so: `npm pack`
 * and `npm publish` build a fresh checkout, and reuse the build the tests just made).
 *
 *   node constructs/scripts/build.js [--pacmak] [--skip-generate] [--if-stale]
 */
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { providerSchema } = require('./provider-schema');
const { generateBindings, writeBindings } = require('./generate-bindings');

const root = path.resolve(__dirname, '..');
const repoRoot = path.resolve(root, '..');
const bin = (name) => path.join(repoRoot, 'node_modules/.bin', name);
const JSII_ENV = {
  ...process.env,
  JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
  JSII_SUPPRESS_UPGRADE_PROMPT: '1',
};

/** Hash of the inputs of the build: sources, package.json and the build scripts. */
function sourceHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        hash.update(path.relative(root, full));
        hash.update(fs.readFileSync(full));
      }
    }
  };
  walk(path.join(root, 'src'));
  walk(path.join(root, 'scripts'));
  hash.update(fs.readFileSync(path.join(root, 'package.json')));
  return hash.digest('hex');
}

const STAMP = path.join(root, 'lib/.build-stamp');

function isBuilt() {
  try {
    return (
      fs.readFileSync(STAMP, 'utf8') === sourceHash() &&
      fs.existsSync(path.join(root, '.jsii')) &&
      fs.existsSync(path.join(root, 'dist/cdktn/lib/index.js'))
    );
  } catch {
    return false;
  }
}

/** The flat namespaces jsii cannot have beside the classes of the same name (src/index.ts). */
const FLAT_ALIASES = { offering: 'mercatoOffering', project: 'mercatoProject' };

function addFlatAliases(libDir) {
  const js = path.join(libDir, 'index.js');
  const dts = path.join(libDir, 'index.d.ts');
  const marker = '// Flat namespaces for TypeScript and JavaScript (scripts/build.js)';
  if (!fs.readFileSync(js, 'utf8').includes(marker)) {
    const lines = Object.entries(FLAT_ALIASES).map(
      ([alias, name]) =>
        `Object.defineProperty(exports, ${JSON.stringify(alias)}, { enumerable: true, get: function () { return exports.${name}; } });`,
    );
    fs.appendFileSync(js, `\n${marker}\n${lines.join('\n')}\n`);
  }
  if (!fs.readFileSync(dts, 'utf8').includes(marker)) {
    // `export * as x` declares no local name to re-export: the alias names the module again
    // (each alias is its generated folder's name).
    const lines = Object.keys(FLAT_ALIASES).map((alias) => `export * as ${alias} from './generated/${alias}';`);
    fs.appendFileSync(dts, `\n${marker}\n${lines.join('\n')}\n`);
  }
}

/** Runs a jsii tool; on failure the error carries its diagnostics (not its Node version banner). */
function run(command, args) {
  try {
    execFileSync(command, args, {
      cwd: root,
      env: JSII_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`
      .split('\n')
      .filter((line) => /error|Error/.test(line))
      .join('\n');
    throw new Error(`${path.basename(command)} failed:\n${output || error.message}`, { cause: error });
  }
}

function jsii() {
  run(bin('jsii'), ['--silence-warnings=reserved-word', '--no-fix-peer-dependencies']);
  addFlatAliases(path.join(root, 'lib'));
}

/** The same sources for CDK Terrain: `cdktf` imports become `cdktn`, bindings from @cdktn/provider-generator. */
async function buildCdktn(schema) {
  const out = path.join(root, 'dist/cdktn');
  const src = path.join(out, 'src');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(src, { recursive: true });
  for (const entry of fs.readdirSync(path.join(root, 'src'))) {
    if (!entry.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(root, 'src', entry), 'utf8').replace(/from (['"])cdktf\1/g, "from 'cdktn'");
    fs.writeFileSync(path.join(src, entry), text);
  }
  writeBindings(await generateBindings(schema, 'cdktn'), path.join(src, 'generated'));
  fs.writeFileSync(
    path.join(out, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'es2020',
          lib: ['es2020'],
          module: 'commonjs',
          declaration: true,
          strict: true,
          skipLibCheck: true,
          outDir: 'lib',
          rootDir: 'src',
          types: [],
        },
        include: ['src/**/*.ts'],
      },
      null,
      2,
    ),
  );
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [repoRoot] }), '-p', out], {
    stdio: 'inherit',
  });
  addFlatAliases(path.join(out, 'lib'));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const cdktnVersion = require('cdktn/package.json').version;
  fs.writeFileSync(
    path.join(out, 'package.json'),
    `${JSON.stringify(
      {
        name: '@mercato/cdktn',
        version: pkg.version,
        description: 'CDK Terrain (cdktn) constructs for Mercato: the @mercato/cdktf library built for cdktn',
        license: pkg.license,
        main: 'lib/index.js',
        types: 'lib/index.d.ts',
        // As wide as the library's own: cdktn narrows constructs itself where it must.
        peerDependencies: { cdktn: `^${cdktnVersion}`, constructs: pkg.peerDependencies.constructs },
      },
      null,
      2,
    )}\n`,
  );
}

function pacmak() {
  run(bin('jsii-pacmak'), ['--code-only', '--targets', 'python', 'java', 'go', 'dotnet', '--outdir', 'dist']);
}

async function build({ pacmak: withPacmak = false, skipGenerate = false } = {}) {
  const timings = {};
  const time = async (name, work) => {
    const start = Date.now();
    const result = await work();
    timings[name] = Date.now() - start;
    return result;
  };
  const schema = await time('schema', providerSchema);
  if (!skipGenerate)
    await time('generate', async () =>
      writeBindings(await generateBindings(schema, 'cdktf'), path.join(root, 'src/generated')),
    );
  await time('jsii', jsii);
  await time('cdktn', () => buildCdktn(schema));
  if (withPacmak) await time('pacmak', pacmak);
  fs.writeFileSync(STAMP, sourceHash());
  return timings;
}

module.exports = { build, isBuilt, sourceHash };

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--if-stale') && isBuilt()) {
    console.log('@mercato/cdktf is built and current (lib/.build-stamp)');
    process.exit(0);
  }
  build({ pacmak: args.includes('--pacmak'), skipGenerate: args.includes('--skip-generate') }).then(
    (timings) =>
      console.log(
        `built @mercato/cdktf (${Object.entries(timings)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`)
          .join(', ')})`,
      ),
    (error) => {
      if (error.stderr) process.stderr.write(error.stderr);
      console.error(error.message);
      process.exit(1);
    },
  );
}
