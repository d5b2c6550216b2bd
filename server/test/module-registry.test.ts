/**
 * The module registry's API (/api/v1/modules) on both databases, over HTTP against the real
 * server: publishing reads the module (inputs, outputs, providers, README, examples), stores the
 * archive and records the event in one transaction; broken or unsafe archives and folders
 * Terraform would not load are refused naming the file and line, with nothing written; search;
 * yank, deprecate, visibility; who may publish and who may read a private module.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, makeWorld, type World } from '@mercato/test-support/world';
import { moduleArchive, tarGz } from './support/module-archives';

const MAIN_TF = `terraform {
  required_version = ">= 1.5"
  required_providers {
    null = { source = "hashicorp/null", version = "~> 3.0" }
  }
}

variable "name" {
  type        = string
  description = "What to call it"
  validation {
    condition     = length(var.name) > 2
    error_message = "The name takes at least 3 characters."
  }
}

variable "replicas" {
  type      = number
  default   = 2
  nullable  = false
}

variable "password" {
  type      = string
  default   = "changeme-7731"
  sensitive = true
}

output "greeting" {
  value       = "hello \${var.name}"
  description = "A greeting"
}

output "secret" {
  value     = var.password
  sensitive = true
}
`;

const NETWORK = {
  'main.tf': MAIN_TF,
  'README.md': '# Network\n\nA network with subnets, for tests.\n\nMore text.\n',
  'examples/basic/main.tf': 'module "network" {\n  source = "../.."\n  name = "abc"\n}\n',
  'modules/subnet/main.tf': 'variable "cidr" {}\n',
};

describe.each(DATABASE_KINDS)('module registry API (%s)', (kind) => {
  let server: TestServer;
  let admin: Api;
  let world: World;
  /** The provider organization's slug: the namespace its owners and service managers publish to. */
  let namespace: string;

  /** POST an archive, as `mercato module publish` does: the answer's status and body. */
  async function publish(
    token: string,
    path: string,
    archive: Buffer,
    query: Record<string, string>,
    contentType = 'application/gzip',
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${server.url}/api/v1/modules/${path}/versions?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: archive,
    });
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
    world = await makeWorld(admin, `mr${kind}`);
    namespace = (await admin.expect(200, admin.get(`/organizations/${world.provider.id}`))).slug;
  });
  afterAll(() => server.close());

  test('a service manager publishes a version: what the module declares is read, the archive kept, the event recorded', async () => {
    const archive = moduleArchive(NETWORK);
    const published = await publish(world.serviceManager.token, `${namespace}/network/aws`, archive, {
      version: '1.0.0',
    });
    expect(published.status).toBe(201);
    const version = published.body;
    expect(version).toMatchObject({
      version: '1.0.0',
      sha256: createHash('sha256').update(archive).digest('hex'),
      size: archive.length,
      published_by: world.serviceManager.id,
      yanked: false,
      deprecated: false,
      module: {
        namespace,
        name: 'network',
        system: 'aws',
        path: `${namespace}/network/aws`,
        visibility: 'public',
        latest_version: '1.0.0',
        description: 'A network with subnets, for tests.',
      },
    });
    // A sensitive input's default is not shown back, as Terraform shows no sensitive value.
    expect(JSON.stringify(version)).not.toContain('changeme-7731');
    expect(version.metadata.inputs).toEqual([
      {
        name: 'name',
        type: 'string',
        description: 'What to call it',
        required: true,
        sensitive: false,
        nullable: true,
        validations: [{ condition: 'length(var.name) > 2', error_message: 'The name takes at least 3 characters.' }],
      },
      {
        name: 'password',
        type: 'string',
        description: '',
        required: false,
        sensitive: true,
        nullable: true,
        validations: [],
      },
      {
        name: 'replicas',
        type: 'number',
        description: '',
        required: false,
        default: 2,
        sensitive: false,
        nullable: false,
        validations: [],
      },
    ]);
    expect(version.metadata.outputs).toEqual([
      { name: 'greeting', description: 'A greeting', sensitive: false },
      { name: 'secret', description: '', sensitive: true },
    ]);
    expect(version.metadata.required_providers).toEqual([
      { name: 'null', source: 'hashicorp/null', version: '~> 3.0' },
    ]);
    expect(version.metadata).toMatchObject({
      required_version: '>= 1.5',
      readme: NETWORK['README.md'],
      examples: ['basic'],
      submodules: ['subnet'],
      files: ['main.tf'],
    });

    const module = await admin.expect(200, admin.get(`/modules/${namespace}/network/aws`));
    expect(module.versions.map((v: any) => v.version)).toEqual(['1.0.0']);
    expect(module.latest).toMatchObject({ version: '1.0.0', inputs: version.metadata.inputs });
    const events = await admin.expect(200, admin.get(`/events?action=module_version.published`));
    const event = events.items.find((e: any) => e.changes.module === `${namespace}/network/aws`);
    expect(event).toMatchObject({
      actor_id: world.serviceManager.id,
      object_type: 'module_version',
      organization_id: world.provider.id,
      changes: { version: '1.0.0', sha256: version.sha256, visibility: 'public' },
    });
  });

  test('versions are semantic and published once; the latest is the highest', async () => {
    const path = `${namespace}/versions/aws`;
    const archive = moduleArchive({ 'main.tf': 'variable "x" {}\n' });
    for (const v of ['1.2.0', '1.10.0', '2.0.0-rc.1'])
      expect((await publish(world.providerOwner.token, path, archive, { version: v })).status).toBe(201);
    const again = await publish(world.providerOwner.token, path, archive, { version: '1.2.0' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('already has version 1.2.0');
    for (const bad of ['v1.0.0', '1.0', '1.0.0+build.1']) {
      const refused = await publish(world.providerOwner.token, path, archive, { version: bad });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ field: 'version', message: expect.stringContaining(bad) }]);
    }
    const module = await admin.expect(200, admin.get(`/modules/${path}`));
    expect(module.versions.map((v: any) => v.version)).toEqual(['2.0.0-rc.1', '1.10.0', '1.2.0']);
    expect(module.latest_version).toBe('1.10.0');
  });

  test('a folder Terraform would not load is refused naming the file and line, and nothing is written', async () => {
    const path = `${namespace}/invalid/aws`;
    const cases: [Record<string, string>, string, string][] = [
      [
        { 'main.tf': 'variable "a" {}\n', 'other.tf': '# again\nvariable "a" {\n  type = string\n}\n' },
        'other.tf:2',
        'Duplicate variable declaration: a variable named "a" was already declared at main.tf:1',
      ],
      [{ 'main.tf': 'variable "a" {\n  type =\n}\n' }, 'main.tf:2,9', 'Invalid expression'],
      [{ 'main.tf': 'variable "a" {\n  default = 1\n  typo = 2\n}\n' }, 'main.tf:3', 'Unsupported argument'],
      [{ 'main.tf': 'resource "x" "y" {\n}\nfoo {\n}\n' }, 'main.tf:3', 'Unsupported block type'],
      [
        { 'stack.tf.json': '{\n  "variable": {\n    "a": {"type": "string",}\n  }\n}\n' },
        'stack.tf.json:3,28',
        'Invalid JSON syntax',
      ],
      [{ 'README.md': '# nothing else\n' }, 'the archive', 'No configuration files'],
    ];
    for (const [files, field, message] of cases) {
      const refused = await publish(world.serviceManager.token, path, moduleArchive(files), { version: '1.0.0' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
      expect(refused.body.detail).toContain(`${field}: ${message}`);
    }
    expect((await admin.get(`/modules/${path}`)).status).toBe(404);
    expect((await admin.expect(200, admin.get(`/modules?q=invalid&namespace=${namespace}`))).items).toEqual([]);
  });

  test('a broken or unsafe archive is refused clearly', async () => {
    const path = `${namespace}/unsafe/aws`;
    const good = moduleArchive({ 'main.tf': 'variable "a" {}\n' });
    const cases: [Buffer, string][] = [
      [good.subarray(0, good.length - 20), 'the archive is truncated'],
      [Buffer.from('PK\u0003\u0004 a zip file, not a tarball'), 'is not gzip-compressed'],
      [gzipSync(Buffer.from('just some text, no tar headers at all')), 'not a valid tar archive'],
      [
        tarGz([
          { name: 'main.tf', body: 'variable "a" {}\n' },
          { name: '../escape.tf', body: '' },
        ]),
        '../escape.tf: has a ".." segment',
      ],
      [tarGz([{ name: '/etc/cron.d/x', body: '' }]), '/etc/cron.d/x: is an absolute path'],
      [
        tarGz([
          { name: 'main.tf', body: '' },
          { name: 'passwd', type: 'symlink', linkname: '../../etc/passwd' },
        ]),
        'passwd: is a link to ../../etc/passwd, outside the archive',
      ],
      [
        tarGz([
          { name: 'main.tf', body: '' },
          { name: 'h', type: 'hardlink', linkname: 'main.tf' },
        ]),
        'h: is a hard link',
      ],
      // 51 MiB of zeros in 50 kB: refused before it is unpacked.
      [
        tarGz([
          { name: 'main.tf', body: '' },
          { name: 'zeros.bin', body: '\0'.repeat(51 * 1024 * 1024) },
        ]),
        'the archive unpacks to more than 52428800 bytes',
      ],
    ];
    for (const [archive, message] of cases) {
      const refused = await publish(world.serviceManager.token, path, archive, { version: '1.0.0' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ field: 'archive', message: expect.stringContaining(message) }]);
    }
    // a body of another type: the answer says which types the route takes
    const zip = await publish(world.serviceManager.token, path, good, { version: '1.0.0' }, 'application/zip');
    expect(zip.status).toBe(415);
    expect(zip.body.detail).toBe(
      'Content-Type application/zip is not accepted here; send application/gzip or application/x-gzip or application/octet-stream',
    );
    const inside = tarGz([
      { name: 'main.tf', body: 'output "x" { value = 1 }\n' },
      { name: 'vars.tf', type: 'symlink', linkname: 'shared/vars.tf' },
      { name: 'shared/vars.tf', body: 'variable "linked" {}\n' },
    ]);
    const linked = await publish(world.serviceManager.token, path, inside, { version: '1.0.0' });
    expect(linked.status).toBe(201);
    expect(linked.body.metadata.inputs.map((i: any) => i.name)).toEqual(['linked']);

    const tooLarge = await publish(world.serviceManager.token, path, Buffer.alloc(11 * 1024 * 1024, 1), {
      version: '2.0.0',
    });
    expect(tooLarge.status).toBe(413);
    const empty = await publish(world.serviceManager.token, path, Buffer.alloc(0), { version: '2.0.0' });
    expect(empty.status).toBe(400);
    const json = await publish(
      world.serviceManager.token,
      path,
      Buffer.from('{}'),
      { version: '2.0.0' },
      'application/json',
    );
    expect(json.status).toBe(400);
  });

  test('a synthesized CDKTF stack (Terraform JSON syntax) is a module: its variables and outputs are read, "//" metadata ignored', async () => {
    const stack = {
      '//': { metadata: { backend: 'local', stackName: 'web', version: '0.21.0' }, outputs: { web: { url: 'url' } } },
      terraform: {
        backend: { local: { path: 'terraform.web.tfstate' } },
        required_providers: { null: { source: 'hashicorp/null', version: '3.2.4' } },
      },
      provider: { null: [{}] },
      variable: {
        size: { type: 'number', default: 3, description: 'How many', sensitive: false },
        tags: { type: 'map(string)', '//': { metadata: { path: 'web/tags' } } },
      },
      resource: {
        null_resource: { one: { '//': { metadata: { path: 'web/one' } }, triggers: { size: '${var.size}' } } },
      },
      output: { url: { value: '${null_resource.one.id}', description: 'The URL', sensitive: true } },
    };
    const published = await publish(
      world.serviceManager.token,
      `${namespace}/web/null`,
      moduleArchive({ 'cdk.tf.json': JSON.stringify(stack, null, 2) }),
      { version: '0.1.0' },
    );
    expect(published.status).toBe(201);
    expect(published.body.metadata).toMatchObject({
      inputs: [
        { name: 'size', type: 'number', default: 3, description: 'How many', required: false },
        { name: 'tags', type: 'map(string)', required: true },
      ],
      outputs: [{ name: 'url', description: 'The URL', sensitive: true }],
      required_providers: [{ name: 'null', source: 'hashicorp/null', version: '3.2.4' }],
      files: ['cdk.tf.json'],
    });
  });

  test('search by keyword, namespace and system, page by page', async () => {
    const archive = moduleArchive({ 'main.tf': 'variable "x" {}\n', 'README.md': 'Stores blobs.\n' });
    for (const [name, system] of [
      ['bucket', 'aws'],
      ['bucket', 'google'],
      ['queue', 'aws'],
    ])
      expect(
        (await publish(world.serviceManager.token, `${namespace}/${name}/${system}`, archive, { version: '1.0.0' }))
          .status,
      ).toBe(201);
    const paths = (body: any) => body.items.map((m: any) => m.path).sort();
    const reader = world.other.owner.api;
    expect(paths(await reader.expect(200, reader.get(`/modules?q=BUCKET`)))).toEqual([
      `${namespace}/bucket/aws`,
      `${namespace}/bucket/google`,
    ]);
    expect(paths(await reader.expect(200, reader.get(`/modules?q=blobs%20aws&namespace=${namespace}`)))).toEqual([
      `${namespace}/bucket/aws`,
      `${namespace}/queue/aws`,
    ]);
    expect(paths(await reader.expect(200, reader.get(`/modules?system=google`)))).toEqual([
      `${namespace}/bucket/google`,
    ]);
    expect(paths(await reader.expect(200, reader.get(`/modules?q=100%25`)))).toEqual([]);
    const first = await reader.expect(200, reader.get(`/modules?namespace=${namespace}&limit=2`));
    expect(first.items).toHaveLength(2);
    const rest = await reader.expect(
      200,
      reader.get(`/modules?namespace=${namespace}&limit=500&cursor=${first.next_cursor}`),
    );
    expect(rest.next_cursor).toBeNull();
    const all = await reader.expect(200, reader.get(`/modules?namespace=${namespace}&limit=500`));
    expect([...first.items, ...rest.items].map((m: any) => m.id)).toEqual(all.items.map((m: any) => m.id));
  });

  test('yank, unyank, deprecate with a message: by the managers, recorded, the latest follows', async () => {
    const path = `${namespace}/lifecycle/aws`;
    const archive = moduleArchive({ 'main.tf': 'variable "x" {}\n' });
    for (const v of ['1.0.0', '1.1.0']) await publish(world.serviceManager.token, path, archive, { version: v });
    const manager = world.serviceManager.api;
    const yanked = await manager.expect(200, manager.post(`/modules/${path}/versions/1.1.0/yank`));
    expect(yanked).toMatchObject({ version: '1.1.0', yanked: true, yanked_by: world.serviceManager.id });
    expect(yanked.module.latest_version).toBe('1.0.0');
    const deprecated = await manager.expect(
      200,
      manager.post(`/modules/${path}/versions/1.0.0/deprecate`, { message: 'Use 2.x: it has subnets.' }),
    );
    expect(deprecated).toMatchObject({ deprecated: true, deprecation_message: 'Use 2.x: it has subnets.' });
    expect((await manager.post(`/modules/${path}/versions/1.0.0/deprecate`, {})).status).toBe(400);
    const module = await admin.expect(200, admin.get(`/modules/${path}`));
    expect(module.versions).toMatchObject([
      { version: '1.1.0', yanked: true, deprecated: false },
      { version: '1.0.0', yanked: false, deprecated: true, deprecation_message: 'Use 2.x: it has subnets.' },
    ]);
    const unyanked = await manager.expect(200, manager.post(`/modules/${path}/versions/1.1.0/unyank`));
    expect(unyanked.module.latest_version).toBe('1.1.0');
    await manager.expect(200, manager.post(`/modules/${path}/versions/1.0.0/undeprecate`));
    const actions = (await admin.expect(200, admin.get(`/events?object_type=module_version&limit=500`))).items
      .filter((e: any) => e.changes.module === path)
      .map((e: any) => `${e.action} ${e.changes.version}`);
    expect(actions).toEqual([
      'module_version.published 1.0.0',
      'module_version.published 1.1.0',
      'module_version.yanked 1.1.0',
      'module_version.deprecated 1.0.0',
      'module_version.unyanked 1.1.0',
      'module_version.undeprecated 1.0.0',
    ]);
    // Another organization's owner reads the public module but may not change it.
    const outsider = world.other.owner.api;
    expect((await outsider.post(`/modules/${path}/versions/1.0.0/yank`)).status).toBe(403);
    expect((await manager.post(`/modules/${path}/versions/9.9.9/yank`)).status).toBe(404);
  });

  test('who may publish, and who may read a private module', async () => {
    // A member of one of the provider organization's projects: it sees the organization but does not publish for it.
    const projectMember = await makeUser(admin, `mr${kind}-provider-project-member`);
    const project = await world.providerOwner.api.expect(
      201,
      world.providerOwner.api.post('/projects', { organization_id: world.provider.id, name: 'registry project' }),
    );
    await world.providerOwner.api.expect(
      201,
      world.providerOwner.api.post(`/projects/${project.id}/members`, { user_id: projectMember.id, role: 'member' }),
    );
    const archive = moduleArchive({ 'main.tf': 'variable "x" {}\n' });
    const path = `${namespace}/secret/aws`;
    const denied = await publish(projectMember.token, path, archive, { version: '1.0.0' });
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('takes an owner or service manager');
    // A project member of another organization does not even see the namespace.
    const stranger = await publish(world.other.member.token, path, archive, { version: '1.0.0' });
    expect(stranger.status).toBe(404);
    expect(stranger.body.errors).toEqual([{ field: 'namespace', message: 'no organization has this slug' }]);
    expect((await publish(world.other.owner.token, `${namespace}/x/aws`, archive, { version: '1.0.0' })).status).toBe(
      404,
    );

    expect(
      (await publish(world.serviceManager.token, path, archive, { version: '1.0.0', visibility: 'private' })).status,
    ).toBe(201);
    for (const reader of [admin, world.providerOwner.api, world.serviceManager.api, projectMember.api]) {
      expect((await reader.get(`/modules/${path}`)).status).toBe(200);
      expect((await reader.expect(200, reader.get(`/modules?q=secret`))).items.map((m: any) => m.path)).toContain(path);
    }
    for (const outsider of [world.other.owner.api, world.other.member.api, world.consumer.manager.api]) {
      expect((await outsider.get(`/modules/${path}`)).status).toBe(404);
      expect((await outsider.get(`/modules/${path}/versions/1.0.0`)).status).toBe(404);
      expect((await outsider.post(`/modules/${path}/versions/1.0.0/yank`)).status).toBe(404);
      expect((await outsider.expect(200, outsider.get(`/modules?q=secret`))).items).toEqual([]);
    }
    // Made public by its managers (only): then everyone reads it.
    expect((await projectMember.api.patch(`/modules/${path}`, { visibility: 'public' })).status).toBe(403);
    const opened = await world.providerOwner.api.expect(
      200,
      world.providerOwner.api.patch(`/modules/${path}`, { visibility: 'public' }),
    );
    expect(opened.visibility).toBe('public');
    expect((await world.other.member.api.get(`/modules/${path}`)).status).toBe(200);
    // A later publish with visibility=private closes it again.
    const closed = await publish(world.serviceManager.token, path, archive, {
      version: '1.1.0',
      visibility: 'private',
    });
    expect(closed.body.module.visibility).toBe('private');
    expect((await world.other.member.api.get(`/modules/${path}`)).status).toBe(404);
  });
});
