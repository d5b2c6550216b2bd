/**
 * The package as others get it: the jsii assembly and the sources jsii-pacmak makes of it for
 * Python, Java, Go and .NET; and the `npm pack` tarball installed offline into a fresh TypeScript
 * project (cdktf and constructs from the local npm cache), which compiles an app and synthesizes.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSTRUCTS, ensureBuilt, REPO } from './support/build';

let work: string;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`));
      else resolve(stdout);
    });
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
  for (const fqn of ['Offering', 'Project', 'OrderedResource', 'PublishedVersion', 'PublishedPlan', 'OfferingProps', 'Platform', 'OfferingStatus', 'BillingType', 'PlanUnit', 'VersionStatus', 'mercatoOffering.Offering', 'resource.Resource', 'provider.MercatoProvider', 'dataMercatoOffering.DataMercatoOffering']) {
    expect(assembly.types).toHaveProperty([`@mercato/cdktf.${fqn}`]);
  }
  expect(assembly.types['@mercato/cdktf.Platform'].members.map((m: { name: string }) => m.name)).toEqual(['AWS', 'AZURE', 'GCP', 'ON_PREMISES', 'OTHER']);
  expect(assembly.types['@mercato/cdktf.Offering'].methods.map((m: { name: string }) => m.name).sort()).toEqual(['addComponent', 'addPlan', 'addVersion', 'fromOfferingId', 'fromSlug', 'lookupSlug', 'plan', 'planId', 'version']);
  const props = assembly.types['@mercato/cdktf.OfferingProps'];
  expect(props.datatype).toBe(true);
  expect(props.properties.find((p: { name: string }) => p.name === 'type').docs.default).toBe('OfferingType.MANUAL');
});

test('jsii-pacmak --code-only makes Python, Java, Go and .NET sources', async () => {
  const out = join(work, 'pacmak');
  await run(join(REPO, 'node_modules/.bin/jsii-pacmak'), ['--code-only', '--targets', 'python', 'java', 'go', 'dotnet', '--outdir', out], CONSTRUCTS);
  expect(readFileSync(join(out, 'python/src/mercato_cdktf/__init__.py'), 'utf8')).toMatch(/^class Offering\(\s*_constructs_\w+\.Construct,/m);
  expect(existsSync(join(out, 'python/src/mercato_cdktf/mercato_offering/__init__.py'))).toBe(true);
  expect(readFileSync(join(out, 'java/src/main/java/example/mercato/cdktf/Offering.java'), 'utf8')).toContain('public class Offering extends software.constructs.Construct');
  expect(readFileSync(join(out, 'go/mercatocdktf/Offering.go'), 'utf8')).toContain('func NewOffering(');
  expect(readFileSync(join(out, 'dotnet/Mercato.Cdktf/Mercato/Cdktf/Offering.cs'), 'utf8')).toContain('public class Offering : Constructs.Construct, Mercato.Cdktf.IOffering');
});

test('npm pack: a fresh TypeScript project installs the tarball offline and synthesizes with it', async () => {
  await run('npm', ['pack', '--pack-destination', work], CONSTRUCTS);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  expect(tarball).toBe('mercato-cdktf-0.1.0.tgz');

  const project = join(work, 'fresh');
  mkdirSync(project);
  const versions = { cdktf: require('cdktf/package.json').version, constructs: require('constructs/package.json').version };
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'fresh-app', version: '1.0.0', private: true, dependencies: { '@mercato/cdktf': `file:../${tarball}`, ...versions } }, null, 2));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
  const installed = readdirSync(join(project, 'node_modules/@mercato/cdktf'));
  expect(installed).toEqual(expect.arrayContaining(['.jsii', 'lib', 'package.json', 'README.md']));
  expect(installed).not.toContain('src');

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
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true, skipLibCheck: true, types: [], outDir: 'out' }, files: ['main.ts'] }));
  await run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [REPO] }), '-p', project], project);
  const stdout = await run(process.execPath, ['out/main.js'], project, { CDKTF_OUTDIR: join(project, 'cdktf.out') });
  expect(stdout.trim()).toBe('mercato_resource');
  const synthesized = JSON.parse(readFileSync(join(project, 'cdktf.out/stacks/fresh/cdk.tf.json'), 'utf8'));
  expect(Object.keys(synthesized.resource).sort()).toEqual(['mercato_offering', 'mercato_offering_version', 'mercato_organization', 'mercato_plan', 'mercato_project', 'mercato_resource']);
  expect(Object.keys(synthesized.resource.mercato_project)).toHaveLength(2);
  expect(synthesized.terraform.required_providers.mercato.source).toBe('registry.terraform.io/mercato/mercato');
});
