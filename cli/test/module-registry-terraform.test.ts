/**
 * The module registry as people use it: `mercato module publish` packs a folder and publishes it,
 * then the real Terraform CLI, in a fresh HOME over HTTPS with no network but 127.0.0.1, installs
 * it by its registry address and a version constraint and applies it. A yanked version is not
 * chosen; a private module fails with Terraform's own message without credentials and installs
 * with a `credentials` block (the archive itself fetched without them, through a signed URL); a
 * synthesized CDKTF stack publishes as a module; `get modules` and `describe module` show them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';
import { runMercato } from './support/run-cli';
import { flat, TerraformHome } from './support/terraform-home';

/** A module with no provider to download (terraform_data is built into Terraform) that says which version it is. */
const greeter = (version: string) => ({
  'main.tf': `variable "name" {
  type        = string
  description = "Who to greet"
  validation {
    condition     = length(var.name) > 0
    error_message = "The name must not be empty."
  }
}

resource "terraform_data" "greeting" {
  input = "hello \${var.name} from ${version}"
}

output "greeting" {
  value       = terraform_data.greeting.output
  description = "The greeting"
}
`,
  'README.md': '# Greeter\n\nGreets someone.\n',
  'terraform.tfstate': '{"left": "out of the archive"}',
});

describe('module registry with the real Terraform CLI (sqlite)', () => {
  let server: TestServer & { httpsUrl: string; registryHost: string; caFile: string };
  let world: World;
  let namespace: string;
  let terraform: TerraformHome;
  let scratch: string;
  /** The path and whether it carried an Authorization header, of every request the HTTPS listener got. */
  const requests: { url: string; authorized: boolean }[] = [];

  const mercato = (args: string[], token = world.serviceManager.token) => runMercato(args, server.url, token);

  /** A module folder with these files. */
  function folder(name: string, files: Record<string, string>): string {
    const dir = path.join(scratch, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
    return dir;
  }

  async function publish(dir: string, name: string, version: string, extra: string[] = []) {
    const run = await mercato([
      'module',
      'publish',
      dir,
      '--namespace',
      namespace,
      '--name',
      name,
      '--system',
      'test',
      '--version',
      version,
      ...extra,
    ]);
    if (run.code !== 0) throw new Error(`publish failed: ${run.stderr}`);
    return run.stdout;
  }

  /** A configuration calling the module by its registry address. */
  const consumer = (name: string, constraint: string) => ({
    'main.tf': `module "${name}" {
  source  = "${server.registryHost}/${namespace}/${name}/test"
  version = "${constraint}"
  name    = "world"
}

output "greeting" {
  value = module.${name}.greeting
}
`,
  });

  /** The version of the module Terraform installed (`.terraform/modules/modules.json`). */
  const installedVersion = (dir: string, key: string) =>
    (
      JSON.parse(fs.readFileSync(path.join(dir, '.terraform/modules/modules.json'), 'utf8')) as {
        Modules: { Key: string; Version?: string }[];
      }
    ).Modules.find((m) => m.Key === key)?.Version;

  beforeAll(async () => {
    // The server's request log, to see which requests carried credentials (the header itself is never logged).
    const log = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as { req?: { url: string; authorized: boolean } };
          if (entry.req) requests.push(entry.req);
        }
        done();
      },
    });
    const started = await startTestServer('sqlite', {
      worker: { enabled: false },
      https: true,
      logger: {
        level: 'info',
        stream: log,
        serializers: {
          req: (request: { url: string; headers: Record<string, unknown> }) => ({
            url: request.url,
            authorized: request.headers.authorization !== undefined,
          }),
        },
      },
    });
    server = { ...started, httpsUrl: started.httpsUrl!, registryHost: started.registryHost!, caFile: started.caFile! };
    const admin = new Api(server.url, server.adminToken);
    world = await makeWorld(admin, 'mrtf');
    namespace = (await admin.expect(200, admin.get(`/organizations/${world.provider.id}`))).slug;
    terraform = new TerraformHome(server.caFile);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-modules-'));
  });
  afterAll(async () => {
    terraform?.cleanup();
    fs.rmSync(scratch, { recursive: true, force: true });
    await server?.close();
  });

  test('published with the CLI, installed by registry address and constraint, applied; a yanked version is not chosen', async () => {
    const out = await publish(folder('greeter-1.0.0', greeter('1.0.0')), 'greeter', '1.0.0');
    expect(out).toContain(`published ${namespace}/greeter/test 1.0.0 (public;`);
    expect(out).toContain(`source = "${server.registryHost}/${namespace}/greeter/test"`);
    await publish(folder('greeter-1.1.0', greeter('1.1.0')), 'greeter', '1.1.0');
    await publish(folder('greeter-2.0.0', greeter('2.0.0')), 'greeter', '2.0.0');

    const first = terraform.configuration('first', consumer('greeter', '~> 1.0'));
    const init = await terraform.expectSuccess(first, ['init', '-input=false']);
    expect(init).toContain(`Downloading ${server.registryHost}/${namespace}/greeter/test 1.1.0 for greeter...`);
    expect(installedVersion(first, 'greeter')).toBe('1.1.0');
    expect(fs.existsSync(path.join(first, '.terraform/modules/greeter/terraform.tfstate'))).toBe(false);
    await terraform.expectSuccess(first, ['apply', '-auto-approve', '-input=false']);
    const outputs = JSON.parse(await terraform.expectSuccess(first, ['output', '-json']));
    expect(outputs.greeting.value).toBe('hello world from 1.1.0');

    const yank = await mercato(['module', 'yank', `${namespace}/greeter/test`, '1.1.0']);
    expect(yank.stdout.trim()).toBe(`${namespace}/greeter/test 1.1.0 yanked`);
    const second = terraform.configuration('second', consumer('greeter', '~> 1.0'));
    expect(await terraform.expectSuccess(second, ['init', '-input=false'])).toContain(
      `Downloading ${server.registryHost}/${namespace}/greeter/test 1.0.0 for greeter...`,
    );
    expect(installedVersion(second, 'greeter')).toBe('1.0.0');
    // Pinned to the yanked version: Terraform no longer finds it among the versions.
    const pinned = await terraform.terraform(terraform.configuration('pinned', consumer('greeter', '1.1.0')), [
      'init',
      '-input=false',
    ]);
    expect(pinned.code).not.toBe(0);
    expect(flat(pinned.output)).toContain('Unresolvable module version constraint');
  });

  test('a private module: without credentials Terraform fails with its own message; with a credentials block it installs, the archive fetched without them', async () => {
    await publish(folder('private', greeter('1.0.0')), 'private', '1.0.0', ['--private']);
    const dir = terraform.configuration('private-consumer', consumer('private', '1.0.0'));

    const anonymous = await terraform.terraform(dir, ['init', '-input=false']);
    expect(anonymous.code).toBe(1);
    expect(flat(anonymous.output)).toContain(
      `Failed to retrieve available versions for module "private" (main.tf:1) from ${server.registryHost}: error looking up module versions: 401 Unauthorized.`,
    );

    // Anonymous callers cannot tell a private module from a missing one in a namespace.
    const versions = (module: string) => fetch(`${server.url}/v1/modules/${module}/versions`).then((r) => r.status);
    expect(await versions(`${namespace}/private/test`)).toBe(401);
    expect(await versions(`${namespace}/nothing/test`)).toBe(401);
    expect(await versions(`${namespace}/greeter/test`)).toBe(200);
    expect(await versions('no-such-namespace/private/test')).toBe(404);

    // A member of another organization's project: the module is not there for it.
    terraform.configure(`credentials "${server.registryHost}" {\n  token = "${world.other.member.token}"\n}\n`);
    const stranger = await terraform.terraform(dir, ['init', '-input=false']);
    expect(stranger.code).toBe(1);
    expect(flat(stranger.output)).toContain('Module not found');

    terraform.configure(`credentials "${server.registryHost}" {\n  token = "${world.consumer.owner.token}"\n}\n`);
    expect((await terraform.terraform(dir, ['init', '-input=false'])).code).toBe(1);

    terraform.configure(`credentials "${server.registryHost}" {\n  token = "${world.serviceManager.token}"\n}\n`);
    requests.length = 0;
    await terraform.expectSuccess(dir, ['init', '-input=false']);
    await terraform.expectSuccess(dir, ['apply', '-auto-approve', '-input=false']);
    expect(JSON.parse(await terraform.expectSuccess(dir, ['output', '-json'])).greeting.value).toBe(
      'hello world from 1.0.0',
    );
    terraform.configure('');

    // Terraform sent its token to the registry protocol, and none with the archive's URL (signed instead).
    const download = requests.find((r) => r.url.includes(`/${namespace}/private/test/1.0.0/download`));
    const archive = requests.find((r) => r.url.startsWith('/v1/modules/archives/'));
    expect(download?.authorized).toBe(true);
    expect(archive).toMatchObject({ authorized: false });
    expect(archive!.url).toMatch(/\.tar\.gz\?expires=\d+&signature=[\w-]+$/);
    // The signed URL is no Mercato token and works only as signed (the same routes answer on the HTTP port).
    const signed = await fetch(`${server.url}${archive!.url}`);
    expect(signed.status).toBe(200);
    expect(Buffer.from(await signed.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const tampered = await fetch(`${server.url}${archive!.url.replace(/signature=.{4}/, 'signature=AAAA')}`);
    expect(tampered.status).toBe(403);
    const extended = await fetch(
      `${server.url}${archive!.url.replace(/expires=(\d+)/, (_, e) => `expires=${Number(e) + 3600}`)}`,
    );
    expect(extended.status).toBe(403);

    const admin = new Api(server.url, server.adminToken);
    const events = await admin.expect(200, admin.get('/events?action=module_version.downloaded'));
    expect(events.items).toContainEqual(
      expect.objectContaining({
        actor_id: world.serviceManager.id,
        changes: { module: `${namespace}/private/test`, version: '1.0.0' },
      }),
    );
  });

  test('a folder that is not a valid module is refused by the CLI naming the file and line', async () => {
    const dir = folder('invalid', {
      'main.tf': 'variable "region" {}\n',
      'variables.tf': '\n\nvariable "region" {\n  type = string\n}\n',
    });
    const run = await mercato([
      'module',
      'publish',
      dir,
      '--namespace',
      namespace,
      '--name',
      'x',
      '--system',
      'test',
      '--version',
      '1.0.0',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: Unprocessable Entity (422): variables.tf:3: Duplicate variable declaration: a variable named "region" was already declared at main.tf:1; variable names must be unique within a module\n',
    );
    const missing = await mercato([
      'module',
      'publish',
      path.join(scratch, 'nowhere'),
      '--namespace',
      namespace,
      '--name',
      'x',
      '--system',
      'test',
      '--version',
      '1.0.0',
    ]);
    expect(missing.stderr).toBe(`error: ${path.join(scratch, 'nowhere')}: no such folder\n`);
    // an address Terraform would not parse: the option is named, before anything is packed
    const upper = await mercato([
      'module',
      'publish',
      dir,
      '--namespace',
      namespace,
      '--name',
      'x',
      '--system',
      'AWS',
      '--version',
      '1.0.0',
    ]);
    expect(upper.stderr).toBe('error: --system "AWS": must be 1 to 64 lowercase letters and digits, e.g. aws\n');
  });

  test('a synthesized CDKTF stack publishes as a module: its variables and outputs read, installed and applied by Terraform', async () => {
    const { App, TerraformOutput, TerraformStack, TerraformVariable } = await import('cdktf');
    const outdir = path.join(scratch, 'cdktf.out');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'web');
    const name = new TerraformVariable(stack, 'name', { type: 'string', description: 'Who to greet' });
    new TerraformVariable(stack, 'replicas', { type: 'number', default: 2 });
    new TerraformOutput(stack, 'greeting', {
      value: `hello ${name.stringValue} from cdktf`,
      description: 'The greeting',
    });
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'web');
    expect(fs.readdirSync(stackDir)).toContain('cdk.tf.json');

    await publish(stackDir, 'cdktfweb', '0.1.0');
    const describe = await mercato(['describe', 'module', `${namespace}/cdktfweb/test`]);
    expect(describe.code).toBe(0);
    expect(describe.stdout).toMatch(
      /Inputs of 0\.1\.0:\n\s+NAME\s+TYPE\s+REQUIRED\s+DEFAULT\s+SENSITIVE\s+DESCRIPTION\s+VALIDATIONS\n\s+name\s+string\s+yes\s+<none>\s+no\s+Who to greet\s+<none>\n\s+replicas\s+number\s+no\s+2\s+no/,
    );
    expect(describe.stdout).toMatch(
      /Outputs of 0\.1\.0:\n\s+NAME\s+SENSITIVE\s+DESCRIPTION\n\s+greeting\s+no\s+The greeting/,
    );

    const dir = terraform.configuration('cdktf-consumer', consumer('cdktfweb', '0.1.0'));
    await terraform.expectSuccess(dir, ['init', '-input=false']);
    await terraform.expectSuccess(dir, ['apply', '-auto-approve', '-input=false']);
    expect(JSON.parse(await terraform.expectSuccess(dir, ['output', '-json'])).greeting.value).toBe(
      'hello world from cdktf',
    );
  });

  test('get modules and describe module', async () => {
    const table = await mercato(['get', 'modules', '--search', 'greeter']);
    expect(table.stdout.split('\n')[0]).toMatch(/^MODULE\s+LATEST\s+VISIBILITY\s+UPDATED$/);
    expect(table.stdout).toMatch(new RegExp(`${namespace}/greeter/test\\s+2\\.0\\.0\\s+public`));
    const names = await mercato(['get', 'modules', '-o', 'name', '--organization', world.provider.id]);
    expect(names.stdout).toContain(`module/${namespace}/greeter/test\n`);
    expect(names.stdout).toContain(`module/${namespace}/private/test\n`);
    const stranger = await mercato(['get', 'modules', '-o', 'name'], world.other.member.token);
    expect(stranger.stdout).not.toContain('private');
    const json = JSON.parse((await mercato(['get', 'modules', '-o', 'json', '--search', 'greeter'])).stdout);
    expect(json.map((m: { path: string }) => m.path)).toEqual([`${namespace}/greeter/test`]);

    const page = await mercato(['describe', `module/${namespace}/greeter/test`]);
    expect(page.stdout).toContain(`path: ${namespace}/greeter/test`);
    expect(page.stdout).toMatch(
      /Versions:\n\s+VERSION\s+PUBLISHED\s+YANKED\s+DEPRECATION\n\s+2\.0\.0 .*\n\s+1\.1\.0\s+\S+\s+yes/,
    );
    const deprecate = await mercato([
      'module',
      'deprecate',
      `${namespace}/greeter/test`,
      '1.0.0',
      '--message',
      'Use 2.x',
    ]);
    expect(deprecate.stdout.trim()).toBe(`${namespace}/greeter/test 1.0.0 deprecated`);
    expect((await mercato(['describe', 'module', `${namespace}/greeter/test`])).stdout).toMatch(
      /1\.0\.0\s+\S+\s+no\s+Use 2\.x/,
    );
    // the inputs with their validations' messages
    expect(page.stdout).toMatch(
      /Inputs of 2\.0\.0:\n\s+NAME .*VALIDATIONS\n\s+name\s+string\s+yes .*The name must not be empty\./,
    );
    const yaml = await mercato(['describe', 'module', `${namespace}/greeter/test`, '-o', 'yaml']);
    expect(yaml.stdout).toContain('readme: |');
  });
});
