/**
 * The package as others get it: the jsii assembly and the sources jsii-pacmak makes of it for
 * Python, Java, Go and .NET; and the `npm pack` tarball of a checkout that was never built,
 * installed from the npm registry into a fresh TypeScript project with the newest `constructs`
 * 10.x, where an app compiles and synthesizes. Nothing here needs a warm npm cache.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import semver from 'semver';
import { CONSTRUCTS, ensureBuilt, REPO } from './support/build';

let work: string;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd,
        env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

beforeAll(async () => {
  await ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'mercato-package-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the .jsii assembly describes the hand-written constructs, their enums and the bindings', () => {
  const assembly = JSON.parse(readFileSync(join(CONSTRUCTS, '.jsii'), 'utf8'));
  expect(assembly.name).toBe('@mercato/cdktf');
  for (const fqn of [
    'Offering',
    'Project',
    'OrderedResource',
    'PublishedVersion',
    'PublishedPlan',
    'OfferingProps',
    'Platform',
    'OfferingStatus',
    'BillingType',
    'PlanUnit',
    'VersionStatus',
    'mercatoOffering.Offering',
    'resource.Resource',
    'provider.MercatoProvider',
    'dataMercatoOffering.DataMercatoOffering',
  ]) {
    expect(assembly.types).toHaveProperty([`@mercato/cdktf.${fqn}`]);
  }
  expect(assembly.types['@mercato/cdktf.Platform'].members.map((m: { name: string }) => m.name)).toEqual([
    'AWS',
    'AZURE',
    'GCP',
    'ON_PREMISES',
    'OTHER',
  ]);
  expect(assembly.types['@mercato/cdktf.Offering'].methods.map((m: { name: string }) => m.name).sort()).toEqual([
    'addComponent',
    'addPlan',
    'addVersion',
    'fromOfferingId',
    'fromSlug',
    'lookupSlug',
    'plan',
    'planId',
    'version',
  ]);
  const props = assembly.types['@mercato/cdktf.OfferingProps'];
  expect(props.datatype).toBe(true);
  expect(props.properties.find((p: { name: string }) => p.name === 'type').docs.default).toBe('OfferingType.MANUAL');
});

test('jsii-pacmak --code-only makes Python, Java, Go and .NET sources', async () => {
  const out = join(work, 'pacmak');
  await run(
    join(REPO, 'node_modules/.bin/jsii-pacmak'),
    ['--code-only', '--targets', 'python', 'java', 'go', 'dotnet', '--outdir', out],
    CONSTRUCTS,
  );
  expect(readFileSync(join(out, 'python/src/mercato_cdktf/__init__.py'), 'utf8')).toMatch(
    /^class Offering\(\s*_constructs_\w+\.Construct,/m,
  );
  expect(existsSync(join(out, 'python/src/mercato_cdktf/mercato_offering/__init__.py'))).toBe(true);
  expect(readFileSync(join(out, 'java/src/main/java/example/mercato/cdktf/Offering.java'), 'utf8')).toContain(
    'public class Offering extends software.constructs.Construct',
  );
  expect(readFileSync(join(out, 'go/mercatocdktf/Offering.go'), 'utf8')).toContain('func NewOffering(');
  expect(readFileSync(join(out, 'dotnet/Mercato.Cdktf/Mercato/Cdktf/Offering.cs'), 'utf8')).toContain(
    'public class Offering : Constructs.Construct, Mercato.Cdktf.IOffering',
  );
});

/**
 * The workspace as a fresh clone has it (sources, no build output) under `root`, beside what its
 * build needs of the repository: node_modules, and the provider (the bindings' schema).
 */
function freshCheckout(root: string): string {
  const BUILD_OUTPUT = new Set(['lib', 'dist', '.jsii', 'tsconfig.json', '.build-lock', 'test']);
  const copy = join(root, 'constructs');
  cpSync(CONSTRUCTS, copy, {
    recursive: true,
    filter: (source) => !BUILD_OUTPUT.has(relative(CONSTRUCTS, source).split(sep)[0]) && !source.endsWith('.tgz'),
  });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(REPO, 'provider'), join(root, 'provider'));
  return copy;
}

/** `npm pack` into `destination`: the tarball's path and what npm and the prepack script printed. */
async function pack(workspace: string, destination: string): Promise<{ tarball: string; output: string }> {
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination);
  const output = await run('npm', ['pack', '--pack-destination', destination], workspace);
  return {
    tarball: join(
      destination,
      readdirSync(destination).find((f) => f.endsWith('.tgz'))!,
    ),
    output,
  };
}

describe('npm pack of a checkout that was never built', () => {
  let checkout: string;
  let tarball: string;
  let unpacked: string;

  beforeAll(async () => {
    checkout = freshCheckout(join(work, 'checkout'));
    expect(existsSync(join(checkout, 'lib'))).toBe(false);
    tarball = (await pack(checkout, join(work, 'packed'))).tarball;
    unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    await run('tar', ['-xzf', tarball, '-C', unpacked], work);
  });

  test('builds first (prepack): the tarball holds the compiled library and its jsii assembly', () => {
    expect(basename(tarball)).toBe('mercato-cdktf-0.1.0.tgz');
    const files = readdirSync(join(unpacked, 'package'));
    expect(files).toEqual(expect.arrayContaining(['.jsii', 'lib', 'package.json', 'README.md']));
    expect(files).not.toContain('src');
    for (const file of ['lib/index.js', 'lib/index.d.ts', 'lib/ordered-resource.js', 'lib/generated/resource/index.js'])
      expect([file, existsSync(join(unpacked, 'package', file))]).toEqual([file, true]);
  });

  test('packing again reuses the build (its stamp is current)', async () => {
    const stamp = join(checkout, 'lib/.build-stamp');
    const built = statSync(stamp).mtimeMs;
    const again = await pack(checkout, join(work, 'packed-again'));
    expect(again.output).toContain('is built and current');
    expect(statSync(stamp).mtimeMs).toBe(built);
  });

  // The code generator (`@mercato/cdktf/codegen`) runs json-schema-to-typescript, and ships its TypeScript
  // sources, which the importer's tsc compiles: their `import type` of @mercato/api must resolve too.
  test("cdktf and constructs are peer dependencies with the wide ranges prebuilt providers use; the other dependencies are the code generator's, bundled as jsii requires", () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package/package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).toEqual(['@mercato/api', 'json-schema-to-typescript']);
    expect(manifest.bundleDependencies ?? manifest.bundledDependencies).toEqual([
      '@mercato/api',
      'json-schema-to-typescript',
    ]);
    expect(manifest.peerDependencies).toEqual({ cdktf: '^0.21.0', constructs: '^10.4.2' });
    const prebuilt = (
      JSON.parse(readFileSync(require.resolve('@cdktf/provider-null/package.json'), 'utf8')) as {
        peerDependencies: unknown;
      }
    ).peerDependencies;
    expect(manifest.peerDependencies).toEqual(prebuilt);
  });

  test('a fresh TypeScript app installs it from the registry with the newest constructs 10.x, compiles and synthesizes', async () => {
    const project = join(work, 'fresh');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify(
        {
          name: 'fresh-app',
          version: '1.0.0',
          private: true,
          dependencies: { '@mercato/cdktf': `file:${tarball}`, cdktf: '^0.21.0', constructs: '^10' },
        },
        null,
        2,
      ),
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], project);
    const installed = readdirSync(join(project, 'node_modules/@mercato/cdktf'));
    expect(installed).toEqual(expect.arrayContaining(['.jsii', 'lib', 'package.json', 'README.md']));
    // One constructs, the newest 10.x: at least the 10.8 that broke the compile beside a second copy.
    const constructsVersion = JSON.parse(readFileSync(join(project, 'node_modules/constructs/package.json'), 'utf8'))
      .version as string;
    expect(semver.satisfies(constructsVersion, '^10.8.0')).toBe(true);
    expect(copiesOf('constructs', join(project, 'node_modules'))).toEqual([join(project, 'node_modules/constructs')]);

    writeFileSync(
      join(project, 'main.ts'),
      `import { App, TerraformStack } from 'cdktf';
import { BillingType, Offering, OrderedResource, Project, organization, project, provider, resource } from '@mercato/cdktf';

const app = new App();
const stack = new TerraformStack(app, 'fresh');
new provider.MercatoProvider(stack, 'mercato', { endpoint: 'http://127.0.0.1:8080' });
const org = new organization.Organization(stack, 'org', { name: 'Fresh' });
const storage = new Offering(stack, 'storage', {
  organizationId: org.id, categoryId: 'cat-1', name: 'Storage',
  components: [{ type: 'storage', name: 'Storage', billingType: BillingType.LIMIT }],
  versions: [{ version: '1.0.0' }], plans: [{ name: 'small', prices: { storage: 1 } }],
});
const team = new Project(stack, 'team', { organizationId: org.id });
new OrderedResource(stack, 'bucket', { project: team, offering: storage, plan: 'small', attributes: { bucket_name: 'b' } });
new project.Project(stack, 'raw-project', { organizationId: org.id, name: 'raw' });
console.log(resource.Resource.tfResourceType);
app.synth();
`,
    );
    // No skipLibCheck: the library's declarations must compile against the app's own cdktf and constructs.
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true, types: [], outDir: 'out' },
        files: ['main.ts'],
      }),
    );
    await run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [REPO] }), '-p', project], project);
    const stdout = await run(process.execPath, ['out/main.js'], project, { CDKTF_OUTDIR: join(project, 'cdktf.out') });
    expect(stdout.trim()).toBe('mercato_resource');
    const synthesized = JSON.parse(readFileSync(join(project, 'cdktf.out/stacks/fresh/cdk.tf.json'), 'utf8'));
    expect(Object.keys(synthesized.resource).sort()).toEqual([
      'mercato_offering',
      'mercato_offering_version',
      'mercato_organization',
      'mercato_plan',
      'mercato_project',
      'mercato_resource',
    ]);
    expect(Object.keys(synthesized.resource.mercato_project)).toHaveLength(2);
    expect(synthesized.terraform.required_providers.mercato.source).toBe('registry.terraform.io/mercato/mercato');
  });
});

/** Every installed copy of a package under a node_modules folder, nested ones included. */
function copiesOf(name: string, nodeModules: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = join(dir, entry.name);
      if (entry.name === name) found.push(full);
      if (entry.name.startsWith('@')) walk(full);
      else if (existsSync(join(full, 'node_modules'))) walk(join(full, 'node_modules'));
    }
  };
  walk(nodeModules);
  return found.sort();
}
