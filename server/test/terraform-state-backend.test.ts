import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type Actor, type World } from '@mercato/test-support/world';

/**
 * The real Terraform CLI (/usr/local/bin/terraform) with `backend "http"` pointed at a project's
 * state on the real server, on both databases: a fresh HOME, an empty CLI configuration, no
 * network but 127.0.0.1. Terraform's builtin `terraform_data` resources need no provider download.
 */

const TERRAFORM = '/usr/local/bin/terraform';

interface Run {
  code: number;
  output: string;
}

/** A working directory of its own, with a fresh HOME and the environment Terraform runs with. */
class Workdir {
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly dir: string,
    root: string,
    credentials: Record<string, string> = {},
  ) {
    mkdirSync(dir, { recursive: true });
    const home = join(dir, 'home');
    mkdirSync(home);
    const cliConfig = join(root, 'empty.tfrc');
    writeFileSync(cliConfig, '');
    this.env = {
      PATH: process.env.PATH,
      HOME: home,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      // a closed port: nothing leaves the machine
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '127.0.0.1',
      ...credentials,
    };
  }

  write(files: Record<string, string>): this {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(this.dir, name), text);
    return this;
  }

  terraform(args: string[]): Promise<Run> {
    return new Promise((resolve) =>
      execFile(TERRAFORM, [...args, '-no-color'], { cwd: this.dir, env: this.env }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
      ),
    );
  }

  /** Starts a command and tells when it printed `text` (e.g. that a resource is being created). */
  start(args: string[], text: string): { printed: Promise<void>; done: Promise<Run> } {
    const child = spawn(TERRAFORM, [...args, '-no-color'], { cwd: this.dir, env: this.env });
    let output = '';
    let seen: () => void = () => undefined;
    const printed = new Promise<void>((resolve) => (seen = resolve));
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) seen();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, output })));
    return { printed, done };
  }

  async ok(args: string[]): Promise<string> {
    const run = await this.terraform(args);
    if (run.code !== 0) throw new Error(`terraform ${args.join(' ')} failed (${run.code}):\n${run.output}`);
    return run.output;
  }
}

/** Terraform wraps its messages: compare with runs of white space made one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The backend block: the address with LOCK and UNLOCK on it; credentials in the block or from TF_HTTP_*. */
function backendBlock(address: string, password?: string): string {
  return `terraform {
  backend "http" {
    address        = "${address}"
    lock_address   = "${address}"
    unlock_address = "${address}"
    lock_method    = "LOCK"
    unlock_method  = "UNLOCK"
${password ? `    username       = "terraform"\n    password       = "${password}"\n` : ''}  }
}
`;
}

/** Resources whose creation takes `seconds` (a local-exec sleep), so that two applies overlap. */
function slowResources(names: string[], seconds: number): string {
  return names
    .map(
      (name) => `
resource "terraform_data" "${name}" {
  input = "${name}"
  provisioner "local-exec" {
    command = "sleep ${seconds}"
  }
}
`,
    )
    .join('');
}

const OUTPUTS = `
variable "size" {
  type    = number
  default = 1
}

resource "terraform_data" "db" {
  input = var.size
}

output "endpoint" {
  value = "db-\${terraform_data.db.output}.internal"
}

output "password" {
  value     = "hunter2-\${terraform_data.db.output}"
  sensitive = true
}
`;

describe.each(DATABASE_KINDS)('Terraform http backend on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let manager: Actor;
  let member: Actor;
  let root: string;
  const address = (name: string, base = server.url) =>
    `${base}/api/v1/projects/${w.consumer.project.id}/terraform-states/${name}`;
  const statePath = (name: string) => `/projects/${w.consumer.project.id}/terraform-states/${name}`;
  const as = (actor: Actor) => ({ TF_HTTP_USERNAME: 'terraform', TF_HTTP_PASSWORD: actor.token });
  let dirs = 0;
  const workdir = (credentials: Record<string, string> = {}) =>
    new Workdir(join(root, `w${++dirs}`), root, credentials);

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false }, https: true });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `tfb-${kind}`);
    manager = w.consumer.manager;
    member = w.consumer.member;
    root = mkdtempSync(join(tmpdir(), 'mercato-tf-state-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('applies twice over HTTPS with the token in the backend block: each write is a version with its writer', async () => {
    // the server's HTTPS listener, its local CA trusted as Terraform trusts one
    const dir = workdir({ SSL_CERT_FILE: server.caFile! }).write({
      'main.tf': backendBlock(address('twice', server.httpsUrl), manager.token) + OUTPUTS,
    });
    expect(server.httpsUrl).toMatch(/^https:/);
    await dir.ok(['init', '-input=false']);
    await dir.ok(['apply', '-auto-approve', '-input=false', '-var', 'size=1']);
    await dir.ok(['apply', '-auto-approve', '-input=false', '-var', 'size=2']);

    const versions = (await manager.api.expect(200, manager.api.get(`${statePath('twice')}/versions`))).items;
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const serials = versions.map((v: { serial: number }) => v.serial);
    expect(serials).toEqual([...serials].sort((a, b) => a - b));
    expect(new Set(versions.map((v: { lineage: string }) => v.lineage)).size).toBe(1);
    for (const v of versions) expect(v.created_by_username).toBe(`tfb-${kind}-consumer-manager`);

    const pulled = JSON.parse(await dir.ok(['state', 'pull']));
    expect(pulled.serial).toBe(serials[serials.length - 1]);
    expect(pulled.outputs.endpoint.value).toBe('db-2.internal');
    const listed = await manager.api.expect(
      200,
      manager.api.get(`/projects/${w.consumer.project.id}/terraform-states?name=twice`),
    );
    expect(listed.items[0]).toMatchObject({ serial: pulled.serial, lock: null, terraform_version: '1.11.4' });
    const events = await admin.expect(200, admin.get(`/events?object_id=${listed.items[0].id}`));
    const actions = events.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'terraform-state.locked')).toHaveLength(
      actions.filter((a: string) => a === 'terraform-state.unlocked').length,
    );
    expect(actions).toContain('terraform-state.written');
  });

  test('two applies race on one state: one fails on the lock naming its holder, one waits; nothing is lost', async () => {
    const credentials = as(manager);
    const first = workdir(credentials).write({
      'main.tf': backendBlock(address('race')) + slowResources(['a', 'b'], 4),
    });
    const second = workdir(credentials).write({
      'main.tf': backendBlock(address('race')) + slowResources(['a', 'b'], 4),
    });
    const waiting = workdir(as(w.consumer.owner)).write({
      'main.tf': backendBlock(address('race')) + slowResources(['a', 'b', 'c'], 1),
    });
    for (const dir of [first, second, waiting]) await dir.ok(['init', '-input=false']);

    const running = first.start(['apply', '-auto-approve', '-input=false'], 'Creating...');
    await running.printed;
    const refused = await second.terraform(['apply', '-auto-approve', '-input=false']);
    expect(refused.code).toBe(1);
    const said = flat(refused.output);
    expect(said).toContain('Error acquiring the state lock');
    expect(said).toMatch(
      new RegExp(
        `HTTP remote state already locked: ID=[0-9a-f-]{36} \\(locked through Mercato by tfb-${kind}-consumer-manager: OperationTypeApply by \\S+@\\S+ since `,
      ),
    );
    // a third run waits for the lock, then sees what the first created and adds its own
    const patient = waiting.terraform(['apply', '-auto-approve', '-input=false', '-lock-timeout=60s']);
    const [done, waited] = [await running.done, await patient];
    expect(done.code).toBe(0);
    expect(flat(done.output)).toContain('Resources: 2 added');
    expect(waited.code).toBe(0);
    expect(flat(waited.output)).toContain('Resources: 1 added, 0 changed, 0 destroyed');

    const final = JSON.parse(await waiting.ok(['state', 'pull']));
    expect(final.resources.map((r: { name: string }) => r.name).sort()).toEqual(['a', 'b', 'c']);
    const versions = (await manager.api.expect(200, manager.api.get(`${statePath('race')}/versions`))).items;
    const serials = versions.map((v: { serial: number }) => v.serial);
    expect(serials).toEqual([...serials].sort((a, b) => a - b));
    expect(new Set(serials).size).toBe(serials.length);
    expect(serials[serials.length - 1]).toBe(final.serial);
    expect(versions[versions.length - 1].created_by).toBe(w.consumer.owner.id);
    const state = (
      await manager.api.expect(200, manager.api.get(`/terraform-states?project_id=${w.consumer.project.id}&name=race`))
    ).items[0];
    expect(state.lock).toBeNull();
  });

  test('a member reads outputs (sensitive ones left out) and cannot take the lock; terraform_remote_state works for them', async () => {
    const writer = workdir(as(manager)).write({ 'main.tf': backendBlock(address('shared')) + OUTPUTS });
    await writer.ok(['init', '-input=false']);
    await writer.ok(['apply', '-auto-approve', '-input=false']);
    expect(JSON.parse(await writer.ok(['output', '-json'])).password.value).toBe('hunter2-1');

    const reader = workdir(as(member)).write({ 'main.tf': backendBlock(address('shared')) + OUTPUTS });
    await reader.ok(['init', '-input=false']);
    const outputs = JSON.parse(await reader.ok(['output', '-json']));
    expect(outputs).toEqual({ endpoint: { sensitive: false, type: 'string', value: 'db-1.internal' } });
    const refused = await reader.terraform(['apply', '-auto-approve', '-input=false']);
    expect(refused.code).toBe(1);
    expect(flat(refused.output)).toContain('Error acquiring the state lock');
    expect(flat(refused.output)).toContain('HTTP remote state endpoint invalid auth');

    const consumer = workdir().write({
      'main.tf': `
data "terraform_remote_state" "db" {
  backend = "http"
  config = {
    address  = "${address('shared')}"
    username = "terraform"
    password = "${member.token}"
  }
}

output "endpoint" {
  value = data.terraform_remote_state.db.outputs.endpoint
}
`,
    });
    await consumer.ok(['init', '-input=false']);
    await consumer.ok(['apply', '-auto-approve', '-input=false']);
    expect(JSON.parse(await consumer.ok(['output', '-json'])).endpoint.value).toBe('db-1.internal');

    const view = await member.api.expect(200, member.api.get(`${statePath('shared')}/versions/1`));
    expect(view.outputs.password).toEqual({ type: 'string', sensitive: true, value: '********' });
    expect(view.outputs.endpoint.value).toBe('db-1.internal');
    expect(JSON.stringify(view)).not.toContain('hunter2');
  });

  test("another organization's user is refused by Terraform from the first read (never an empty state)", async () => {
    const owner = workdir(as(manager)).write({ 'main.tf': backendBlock(address('private')) + OUTPUTS });
    await owner.ok(['init', '-input=false']);
    await owner.ok(['apply', '-auto-approve', '-input=false']);
    // init already reads the state: refused, where a 404 would have read as "no state yet"
    const stranger = workdir(as(w.other.owner)).write({ 'main.tf': backendBlock(address('private')) + OUTPUTS });
    const refused = await stranger.terraform(['init', '-input=false']);
    expect(refused.code).toBe(1);
    expect(flat(refused.output)).toContain('Error refreshing state: HTTP remote state endpoint invalid auth');
    // and so is a state address in a project that does not exist
    const nowhere = workdir(as(w.other.owner)).write({
      'main.tf':
        backendBlock(`${server.url}/api/v1/projects/0190f0f0-0000-7000-8000-000000000000/terraform-states/x`) + OUTPUTS,
    });
    expect(flat((await nowhere.terraform(['init', '-input=false'])).output)).toContain(
      'HTTP remote state endpoint invalid auth',
    );
  });

  test('a stuck lock is named by the next apply and released by terraform force-unlock; a restore is planned from', async () => {
    const dir = workdir(as(manager)).write({ 'main.tf': backendBlock(address('stuck')) + OUTPUTS });
    await dir.ok(['init', '-input=false']);
    await dir.ok(['apply', '-auto-approve', '-input=false', '-var', 'size=1']);
    await dir.ok(['apply', '-auto-approve', '-input=false', '-var', 'size=2']);

    // a run that died holding the lock
    const crashed = await fetch(address('stuck'), {
      method: 'LOCK',
      headers: { authorization: `Bearer ${w.consumer.owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ID: 'dead-run', Operation: 'OperationTypeApply', Who: 'ci@gone', Version: '1.11.4' }),
    });
    expect(crashed.status).toBe(200);
    const blocked = await dir.terraform(['apply', '-auto-approve', '-input=false', '-var', 'size=3']);
    expect(blocked.code).toBe(1);
    expect(flat(blocked.output)).toContain(
      `HTTP remote state already locked: ID=dead-run (locked through Mercato by tfb-${kind}-consumer-owner: OperationTypeApply by ci@gone since`,
    );
    await dir.ok(['force-unlock', '-force', 'dead-run']);

    // back to the first version: Terraform plans the change again and writes on from the restored serial
    const first = (await manager.api.expect(200, manager.api.get(`${statePath('stuck')}/versions`))).items.find(
      (v: { serial: number }) => v.serial > 0,
    );
    const firstOutputs = (
      await manager.api.expect(200, manager.api.get(`${statePath('stuck')}/versions/${first.number}`))
    ).outputs;
    expect(firstOutputs.endpoint.value).toBe('db-1.internal');
    await manager.api.expect(201, manager.api.post(`${statePath('stuck')}/versions/${first.number}/restore`));
    expect(JSON.parse(await dir.ok(['output', '-json'])).endpoint.value).toBe('db-1.internal');
    const plan = await dir.terraform(['plan', '-input=false', '-detailed-exitcode', '-var', 'size=2']);
    expect(plan.code).toBe(2);
    await dir.ok(['apply', '-auto-approve', '-input=false', '-var', 'size=2']);
    expect(JSON.parse(await dir.ok(['output', '-json'])).endpoint.value).toBe('db-2.internal');

    const state = (
      await admin.expect(200, admin.get(`/terraform-states?project_id=${w.consumer.project.id}&name=stuck`))
    ).items[0];
    const actions = (await admin.expect(200, admin.get(`/events?object_id=${state.id}&limit=500`))).items.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['terraform-state.force-unlocked', 'terraform-state.restored']));
  });
});
