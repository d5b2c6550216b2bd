/**
 * A typed construct of an offering version whose schema makes properties secret takes them in
 * its config like any other, and orders them as `secret_attributes` (sensitive in Terraform,
 * where a secret in `attributes` fails the plan), nested ones included.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { MERCATO_BIN } from '@mercato/test-support/server-process';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { ensureBuilt, REPO } from './support/build';
import { readStacks, synthApp } from './support/synth';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['database_name', 'admin_password'],
  properties: {
    database_name: { type: 'string' },
    admin_password: { type: 'string', writeOnly: true },
    replication: {
      type: 'object',
      additionalProperties: false,
      properties: { replica_host: { type: 'string' }, password: { type: 'string', format: 'password' } },
    },
  },
};

let server: TestServer;
let dir: string;

/** `mercato constructs generate` for one offering of the server's catalog, into `dir/offerings`. */
function generate(slug: string): Promise<{ code: number; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    MERCATO_ENDPOINT: server.url,
    MERCATO_TOKEN: server.adminToken,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MERCATO_BIN, 'constructs', 'generate', '--out', join(dir, 'offerings'), '--offering', slug],
      { env, cwd: dir },
      (error, _stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
      },
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mercato-typed-secrets-'));
  const [started] = await Promise.all([startTestServer('sqlite', { worker: { enabled: false } }), ensureBuilt()]);
  server = started;
  const admin = new Api(server.url, server.adminToken);
  const organization = await admin.expect(201, admin.post('/organizations', { name: 'Provider' }));
  const category = await admin.expect(201, admin.post('/categories', { title: 'Databases' }));
  const offering = await admin.expect(
    201,
    admin.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: 'Secret DB',
      slug: 'secret-db',
      type: 'allocation',
      status: 'active',
    }),
  );
  await admin.expect(
    201,
    admin.post('/offering-versions', { offering_id: offering.id, version: '1.0.0', options_schema: SCHEMA }),
  );
  await admin.expect(201, admin.post('/plans', { offering_id: offering.id, name: 'small' }));
});
afterAll(async () => {
  await server?.close();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

test('secret properties of the config are synthesized as secret_attributes, the rest as attributes', async () => {
  expect(await generate('secret-db')).toEqual({ code: 0, stderr: '' });
  const app = join(dir, 'app.ts');
  writeFileSync(
    app,
    `import { App, TerraformStack } from 'cdktf';
import { Project, provider } from '@mercato/cdktf';
import { SecretDb } from './offerings';
const app = new App();
const stack = new TerraformStack(app, 'typed');
new provider.MercatoProvider(stack, 'mercato', {});
const project = Project.fromProjectId(stack, 'project', 'prj-1');
new SecretDb(stack, 'db', { project, plan: 'small', config: { databaseName: 'app', adminPassword: 'admin-secret', replication: { replicaHost: 'r1', password: 'replica-secret' } } });
new SecretDb(stack, 'db2', { project, plan: 'small', config: { databaseName: 'other', adminPassword: 'other-secret', replication: { password: 'only-secret' } } });
app.synth();
`,
  );
  const synthesized = await synthApp(app, 'cdktf', { NODE_PATH: join(REPO, 'node_modules') });
  const [db, db2] = Object.values(readStacks(synthesized.outdir).typed.resource.mercato_resource) as Record<
    string,
    any
  >[];
  expect([db.attributes, db.secret_attributes]).toEqual([
    { database_name: 'app', replication: { replica_host: 'r1' } },
    { admin_password: 'admin-secret', replication: { password: 'replica-secret' } },
  ]);
  // An object holding nothing but secrets leaves attributes.
  expect([db2.attributes, db2.secret_attributes]).toEqual([
    { database_name: 'other' },
    { admin_password: 'other-secret', replication: { password: 'only-secret' } },
  ]);
  rmSync(synthesized.project, { recursive: true, force: true });
});
