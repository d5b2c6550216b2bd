/**
 * `mercato constructs generate` against a real server with the demo catalog, then the compiler:
 * a good typed config compiles, and each kind of mistake in one (a wrong field, a wrong type, a
 * value outside an enum, a missing required field, an unknown plan, a wrong nested field) is a
 * TypeScript error on its line. A generated construct then synthesizes its camelCase config with
 * the schema's snake_case names, nested objects and arrays included.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { Api } from '@mercato/test-support/api-client';
import { MERCATO_BIN } from '@mercato/test-support/server-process';
import { camelSchema, loadSupport, propertyNames, toSchemaNamesForTest } from './support/codegen';
import { ensureBuilt, REPO } from './support/build';
import { seedDemoCatalog } from '@mercato/server';
import { readStacks, synthApp } from './support/synth';

let server: TestServer;

/** An offering whose schema has `diskSizeGb` (required) beside `disk_size_gb`: one camelCase name for two properties. */
async function publishClashingKeys(api: Api): Promise<void> {
  const organization = await api.expect(201, api.post('/organizations', { name: 'Clashing keys publisher' }));
  const category = (await api.expect(200, api.get('/categories?title=Compute'))).items[0];
  const offering = await api.expect(
    201,
    api.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: 'Clashing keys',
      slug: 'clashing-keys',
      type: 'allocation',
      status: 'active',
      auto_approve: true,
    }),
  );
  const schema = {
    type: 'object',
    additionalProperties: false,
    required: ['diskSizeGb'],
    properties: {
      diskSizeGb: { type: 'integer' },
      disk_size_gb: { type: 'integer' },
      disk: { type: 'object', properties: { size_gb: { type: 'integer' }, sizeGb: { type: 'integer' } } },
    },
  };
  await api.expect(
    201,
    api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0', options_schema: schema }),
  );
  await api.expect(201, api.post('/plans', { offering_id: offering.id, name: 'small', unit: 'month' }));
}
let dir: string;
let cli: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mercato-typed-'));
  await loadSupport();
  const [started] = await Promise.all([startTestServer('sqlite'), ensureBuilt()]);
  server = started;
  await seedDemoCatalog(server.app, server.adminToken);
  await publishClashingKeys(new Api(server.url, server.adminToken));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    MERCATO_ENDPOINT: server.url,
    MERCATO_TOKEN: server.adminToken,
  };
  cli = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        MERCATO_BIN,
        'constructs',
        'generate',
        '--out',
        join(dir, 'offerings'),
        '--offering',
        'virtual-machine',
        '--offering',
        'redis',
        '--offering',
        'openshift-hosted-cluster',
        '--offering',
        'clashing-keys',
      ],
      { env, cwd: dir },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
});

afterAll(async () => {
  await server?.close();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = `import { App, TerraformStack } from 'cdktf';
import { Project, provider } from '@mercato/cdktf';
import { ClashingKeys, OpenshiftHostedCluster, Redis, VirtualMachine, VirtualMachineV2_0_0 } from './offerings';
const app = new App();
const stack = new TerraformStack(app, 'typed');
new provider.MercatoProvider(stack, 'mercato', {});
const project = Project.fromProjectId(stack, 'project', 'prj-1');
`;

/** Diagnostics of compiling `file` (with the generated constructs and the built library), as `line: message`. */
function compileErrors(name: string, body: string): string[] {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, HEADER + body);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    skipLibCheck: true,
    types: [],
    baseUrl: dir,
    paths: { '*': [join(REPO, 'node_modules/*')] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line =
      d.file && d.start !== undefined
        ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 - HEADER.split('\n').length + 1
        : 0;
    return `${d.file ? d.file.fileName.replace(`${dir}/`, '') : ''}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

test('the CLI writes a construct per offering version, typed from its schema', () => {
  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  expect(cli.stdout).toMatch(/^wrote \d+ files into offerings$/m);
  const vm = readFileSync(join(dir, 'offerings/virtual-machine/v1-0-0.ts'), 'utf8');
  expect(vm).toContain('export interface VirtualMachineV1_0_0Config {');
  expect(vm).toMatch(/instanceType: "general-purpose" \| "compute-optimized" \| "memory-optimized";/);
  expect(vm).toContain('sshPublicKey: string;');
  expect(readFileSync(join(dir, 'offerings/virtual-machine/v2-0-0.ts'), 'utf8')).toContain('diskSizeGb?: number;');
  expect(readFileSync(join(dir, 'offerings/virtual-machine/support.ts'), 'utf8')).toContain(
    'export type VirtualMachinePlan = "small" | "medium" | "large";',
  );
  // VirtualMachine is the default (available) version 1.0.0; 2.0.0 is beta.
  expect(readFileSync(join(dir, 'offerings/virtual-machine/index.ts'), 'utf8')).toContain(
    'export class VirtualMachine extends VirtualMachineV1_0_0 {}',
  );
});

test('examples/cdktf/offerings is what the CLI generates from the demo catalog', () => {
  const example = join(REPO, 'examples/cdktf/offerings');
  for (const file of [
    'support.ts',
    ...['redis', 'virtual-machine'].flatMap((slug) => readdirSync(join(example, slug)).map((f) => `${slug}/${f}`)),
  ]) {
    expect([file, readFileSync(join(example, file), 'utf8')]).toEqual([
      file,
      readFileSync(join(dir, 'offerings', file), 'utf8'),
    ]);
  }
});

test('a good typed config compiles', () => {
  expect(
    compileErrors(
      'good',
      `new VirtualMachine(stack, 'vm', { project, plan: 'small', config: { instanceType: 'general-purpose', image: 'debian-12', sshPublicKey: 'ssh-ed25519 AAAA' } });
new VirtualMachineV2_0_0(stack, 'vm2', { project, plan: 'large', config: { instanceType: 'memory-optimized', image: 'rhel-9', sshPublicKey: 'ssh-ed25519 AAAA', diskSizeGb: 200 }, limits: { cpu: 16 } });
new Redis(stack, 'cache', { project, plan: 'cache-standard', config: { memoryGb: 4, persistence: 'aof' }, paused: true });
new OpenshiftHostedCluster(stack, 'ocp', { project, plan: 'production', config: { openshiftVersion: '4.15', nodePools: [{ name: 'workers', instanceType: 'general-purpose', replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 6 } }] } });
`,
    ),
  ).toEqual([]);
});

test('a bad typed config does not compile: each mistake is an error on its line', () => {
  const errors = compileErrors(
    'bad',
    `new VirtualMachine(stack, 'a', { project, plan: 'small', config: { instanceType: 'general-purpose', image: 'debian-12', sshPublicKey: 'k', sshKey: 'k' } });
new VirtualMachineV2_0_0(stack, 'b', { project, plan: 'small', config: { instanceType: 'general-purpose', image: 'debian-12', sshPublicKey: 'k', diskSizeGb: '50' } });
new VirtualMachine(stack, 'c', { project, plan: 'small', config: { instanceType: 'huge', image: 'debian-12', sshPublicKey: 'k' } });
new VirtualMachine(stack, 'd', { project, plan: 'small', config: { instanceType: 'general-purpose', image: 'debian-12' } });
new VirtualMachine(stack, 'e', { project, plan: 'tiny', config: { instanceType: 'general-purpose', image: 'debian-12', sshPublicKey: 'k' } });
new OpenshiftHostedCluster(stack, 'f', { project, plan: 'production', config: { openshiftVersion: '4.15', nodePools: [{ name: 'w', instanceType: 'general-purpose', replicas: 3, autoscaling: { min: 2, maxReplicas: 6 } }] } });
new VirtualMachine(stack, 'g', { project, plan: 'small', config: { instance_type: 'general-purpose', image: 'debian-12', sshPublicKey: 'k' } });
`,
  );
  const on = (line: number) => errors.filter((e) => e.startsWith(`bad.ts:${line}: `)).join('\n');
  expect(on(1)).toMatch(/'sshKey' does not exist in type 'VirtualMachineV1_0_0Config'/);
  expect(on(2)).toMatch(/Type 'string' is not assignable to type 'number'/);
  expect(on(3)).toMatch(
    /Type '"huge"' is not assignable to type '"general-purpose" \| "compute-optimized" \| "memory-optimized"'/,
  );
  expect(on(4)).toMatch(/Property 'sshPublicKey' is missing/);
  expect(on(5)).toMatch(/Type '"tiny"' is not assignable to type 'VirtualMachinePlan'/);
  expect(on(6)).toMatch(/'min' does not exist in type/);
  expect(on(7)).toMatch(/'instance_type' does not exist in type 'VirtualMachineV1_0_0Config'/);
  expect(errors).toHaveLength(7);
});

test("a typed construct synthesizes its config with the schema's snake_case names", async () => {
  const app = join(dir, 'app.ts');
  writeFileSync(
    app,
    `${HEADER}new OpenshiftHostedCluster(stack, 'ocp', { project, plan: 'production', name: 'ocp', config: { openshiftVersion: '4.15', nodePools: [{ name: 'w', instanceType: 'general-purpose', replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 6 } }], etcdBackup: { schedule: '0 3 * * *', retentionDays: 14 } } });
app.synth();
`,
  );
  const synthesized = await synthApp(app, 'cdktf', { NODE_PATH: join(REPO, 'node_modules') });
  const resource = Object.values(readStacks(synthesized.outdir).typed.resource.mercato_resource)[0] as Record<
    string,
    any
  >;
  expect(resource.version).toBe('4.15.0');
  expect(resource.attributes).toEqual({
    openshift_version: '4.15',
    node_pools: [
      { name: 'w', instance_type: 'general-purpose', replicas: 3, autoscaling: { min_replicas: 2, max_replicas: 6 } },
    ],
    etcd_backup: { schedule: '0 3 * * *', retention_days: 14 },
  });
  rmSync(synthesized.project, { recursive: true, force: true });
});

test('camelCase props map back to snake_case; keys of free-form maps are left alone', () => {
  const { schema, shape } = camelSchema(
    {
      type: 'object',
      required: ['node_pools'],
      properties: {
        node_pools: { type: 'array', items: { type: 'object', properties: { min_replicas: { type: 'integer' } } } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    'X',
  );
  expect(Object.keys(schema.properties as object)).toEqual(['nodePools', 'labels']);
  expect(schema.required).toEqual(['nodePools']);
  expect(toSchemaNamesForTest({ nodePools: [{ minReplicas: 1 }], labels: { teamName: 'a' } }, shape)).toEqual({
    node_pools: [{ min_replicas: 1 }],
    labels: { teamName: 'a' },
  });
});

test('two properties with one camelCase name keep their schema spelling: both can be set, each maps to its own key', async () => {
  const generated = readFileSync(join(dir, 'offerings/clashing-keys/v1-0-0.ts'), 'utf8');
  expect(generated).toContain('  diskSizeGb: number;');
  expect(generated).toContain('  disk_size_gb?: number;');
  expect(generated).toMatch(/size_gb\?: number;\n\s+sizeGb\?: number;/);
  expect(
    compileErrors(
      'clash-good',
      `new ClashingKeys(stack, 'k', { project, plan: 'small', config: { diskSizeGb: 10, disk_size_gb: 5, disk: { size_gb: 1, sizeGb: 2 } } });\n`,
    ),
  ).toEqual([]);
  const missing = compileErrors(
    'clash-bad',
    `new ClashingKeys(stack, 'k', { project, plan: 'small', config: { disk_size_gb: 5 } });\n`,
  );
  expect(missing).toEqual([expect.stringMatching(/^clash-bad\.ts:1: .*Property 'diskSizeGb' is missing/s)]);

  const app = join(dir, 'clash-app.ts');
  writeFileSync(
    app,
    `${HEADER}new ClashingKeys(stack, 'k', { project, plan: 'small', config: { diskSizeGb: 10, disk_size_gb: 5, disk: { size_gb: 1, sizeGb: 2 } } });\napp.synth();\n`,
  );
  const synthesized = await synthApp(app, 'cdktf', { NODE_PATH: join(REPO, 'node_modules') });
  const resource = Object.values(readStacks(synthesized.outdir).typed.resource.mercato_resource)[0] as Record<
    string,
    any
  >;
  expect(resource.attributes).toEqual({ diskSizeGb: 10, disk_size_gb: 5, disk: { size_gb: 1, sizeGb: 2 } });
  rmSync(synthesized.project, { recursive: true, force: true });
});

test('array sizes and limits typed as a TypeScript user writes them', () => {
  const openshift = readFileSync(join(dir, 'offerings/openshift-hosted-cluster/v4-15-0.ts'), 'utf8');
  expect(openshift).toContain('  nodePools: OpenshiftHostedClusterV4_15_0ConfigNodePoolsItem[];');
  expect(openshift).not.toMatch(/\| \[/);
  // No limit-billed component: no limits to set, rather than a map of `never`.
  const support = readFileSync(join(dir, 'offerings/openshift-hosted-cluster/support.ts'), 'utf8');
  expect(support).not.toMatch(/never|limits/i);
  expect(readFileSync(join(dir, 'offerings/virtual-machine/support.ts'), 'utf8')).toMatch(
    /export type VirtualMachineLimits = \{\n(.*\n)*? {2}readonly cpu\?: number;/,
  );
  const errors = compileErrors(
    'limits',
    `new OpenshiftHostedCluster(stack, 'a', { project, plan: 'production', config: { openshiftVersion: '4.15', nodePools: [{ name: 'w', instanceType: 'general-purpose', replicas: 3 }] }, limits: { worker_vcpu: 4 } });
new VirtualMachine(stack, 'b', { project, plan: 'small', config: { instanceType: 'general-purpose', image: 'debian-12', sshPublicKey: 'k' }, limits: { gpu: 1 } });
`,
  );
  expect(errors).toEqual([
    expect.stringMatching(/^limits\.ts:1: .*'limits' does not exist in type 'OpenshiftHostedClusterV4_15_0Props'/s),
    expect.stringMatching(/^limits\.ts:2: .*'gpu' does not exist in type 'VirtualMachineLimits'/s),
  ]);
});

test('property names: camelCase unless two would be the same, then the schema spelling', () => {
  expect(Object.fromEntries(propertyNames(['diskSizeGb', 'disk_size_gb', 'node_pools', 'network.vlan-id']))).toEqual({
    diskSizeGb: 'diskSizeGb',
    disk_size_gb: 'disk_size_gb',
    node_pools: 'nodePools',
    'network.vlan-id': 'network.vlan-id',
  });
  expect(Object.fromEntries(propertyNames(['a_b', 'aB', 'a__b']))).toEqual({ a_b: 'a_b', aB: 'aB', a__b: 'a_B' });
});
