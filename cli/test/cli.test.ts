import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { Api } from '@mercato/test-support/api-client';
import { freePort } from '@mercato/test-support/postgres';
import { makeUser } from '@mercato/test-support/world';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { DEMO_OFFERINGS, seedDemoCatalog } from '@mercato/server';

/**
 * The `mercato` command line as people run it: a child process reading MERCATO_ENDPOINT and
 * MERCATO_TOKEN, against a real server with the demo catalog. Then `mercato serve` itself.
 */

const BIN = path.resolve(__dirname, '../bin/mercato.js');

/** The environment without anything of ours that would change what the child does. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'MERCATO_ENDPOINT',
    'MERCATO_TOKEN',
    'MERCATO_ADMIN_TOKEN',
    'MERCATO_DATA_DIR',
    'MERCATO_SEED_DEMO',
    'DATABASE_URL',
    'PORT',
    'HOST',
  ])
    delete env[name];
  return { ...env, ...extra };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function mercato(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: cleanEnv(env), timeout: 60000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const REPO = path.resolve(__dirname, '../..');

/**
 * `npm run <args>` of the repository as a user runs it from `cwd`, which may be outside the
 * repository (`--prefix`): npm then runs the script in the repository with INIT_CWD = `cwd`.
 * Without the npm variables of the `npm test` running us, so that the inner npm is a plain one.
 */
function npmRun(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const clean = cleanEnv(env);
  for (const name of Object.keys(clean)) if (name.startsWith('npm_') || name === 'INIT_CWD') delete clean[name];
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['--prefix', REPO, 'run', ...args],
      { cwd, env: clean, timeout: 120000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

describe('mercato CLI against a server with the demo catalog (sqlite)', () => {
  let server: TestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { enabled: false } });
    await seedDemoCatalog(server.app, server.adminToken);
    env = { MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken };
  });
  afterAll(() => server.close());

  test('get offerings --category databases lists postgresql and redis in a table, in every format', async () => {
    const [table, json, yaml, byAlias] = await Promise.all([
      mercato(['get', 'offerings', '--category', 'databases'], env),
      mercato(['get', 'offerings', '--category', 'Databases', '-o', 'json'], env),
      mercato(['get', 'offerings', '--category', 'databases', '-o', 'yaml'], env),
      mercato(['get', 'of', '--category', 'DATABASES', '--platform', 'gcp'], env),
    ]);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s{3,}/)).toEqual(['ID', 'SLUG', 'NAME', 'TYPE', 'PLATFORM', 'STATUS', 'LATEST', 'TAGS']);
    expect(lines).toHaveLength(3);
    const slugs = lines
      .slice(1)
      .map((line) => line.split(/\s{3,}/)[1])
      .sort();
    expect(slugs).toEqual(['postgresql', 'redis']);
    expect(table.stdout).not.toContain('virtual-machine');
    const postgresRow = lines.find((l) => l.includes('postgresql'))!.split(/\s{3,}/);
    expect(postgresRow[0]).toMatch(/^[0-9a-f-]{36}$/);
    // Seeded without MERCATO_DEMO_POSTGRES_URL: the PostgreSQL offering has no server, so it is paused.
    expect(postgresRow.slice(3, 7)).toEqual(['postgresql', 'gcp', 'paused', '2.0.0']);

    expect(json).toMatchObject({ code: 0, stderr: '' });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.map((o: { slug: string }) => o.slug).sort()).toEqual(['postgresql', 'redis']);
    expect(parsed[0]).toHaveProperty('versions');

    expect(yaml).toMatchObject({ code: 0, stderr: '' });
    expect(yaml.stdout).toContain('slug: postgresql');
    expect(yaml.stdout).toContain('slug: redis');
    expect(
      YAML.parse(yaml.stdout)
        .map((o: { slug: string }) => o.slug)
        .sort(),
    ).toEqual(['postgresql', 'redis']);

    expect(byAlias.code).toBe(0);
    expect(byAlias.stdout).toContain('postgresql');
    expect(byAlias.stdout).not.toContain('redis');
  });

  test('describe offering virtual-machine shows the offering, its plans and its versions', async () => {
    const [page, json] = await Promise.all([
      mercato(['describe', 'offering', 'virtual-machine'], env),
      mercato(['describe', 'offering', 'virtual-machine', '-o', 'json'], env),
    ]);
    expect(page).toMatchObject({ code: 0, stderr: '' });
    expect(page.stdout).toContain('slug: virtual-machine');
    expect(page.stdout).toContain('name: Virtual Machine');
    const versions = page.stdout.slice(page.stdout.indexOf('Versions:'));
    expect(versions).toMatch(/^Versions:\n\s+VERSION\s+STATUS\s+NOTE\n\s+1\.0\.0\s+available\s+First release/m);
    expect(versions).toMatch(/\n\s+2\.0\.0\s+beta\s+Adds `disk_size_gb`/);
    const plans = page.stdout.slice(page.stdout.indexOf('Plans:'), page.stdout.indexOf('Versions:'));
    for (const plan of ['small', 'medium', 'large'])
      expect(plans).toMatch(new RegExp(`\\n\\s+${plan}\\s+month\\s+EUR\\s+cpu=`));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      slug: 'virtual-machine',
      versions: ['1.0.0', '2.0.0'],
      latest_version: '1.0.0',
    });
  });

  test('errors a person can act on, with exit code 1', async () => {
    const closed = await freePort();
    const [down, badToken, noToken, missing, unknownKind, unknownCategory] = await Promise.all([
      mercato(['get', 'offerings'], {
        MERCATO_ENDPOINT: `http://127.0.0.1:${closed}`,
        MERCATO_TOKEN: server.adminToken,
      }),
      mercato(['get', 'offerings', '--category', 'databases'], { ...env, MERCATO_TOKEN: 'mct_wrong' }),
      mercato(['describe', 'offering', 'virtual-machine'], { MERCATO_ENDPOINT: server.url }),
      mercato(['describe', 'offering', 'no-such-offering'], env),
      mercato(['get', 'gizmos'], env),
      mercato(['get', 'offerings', '--category', 'nonsense'], env),
    ]);
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('');
    expect(down.stderr).toMatch(/cannot reach the Mercato server at http:\/\/127\.0\.0\.1:\d+: connection refused/);
    // Before the error, a line for each retry of the refused connection.
    expect(down.stderr.split('\n').slice(0, 2)).toEqual([
      'retrying GET /api/v1/offerings (attempt 2 of 3): connection refused',
      'retrying GET /api/v1/offerings (attempt 3 of 3): connection refused',
    ]);
    expect(badToken.code).toBe(1);
    expect(badToken.stdout).toBe('');
    expect(badToken.stderr).toContain('MERCATO_TOKEN');
    expect(badToken.stderr).toContain('401');
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('MERCATO_TOKEN');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found \(404\).*no-such-offering/);
    expect(unknownKind.code).toBe(1);
    expect(unknownKind.stderr).toContain('unknown kind "gizmos"');
    expect(unknownCategory.code).toBe(1);
    expect(unknownCategory.stderr).toMatch(/no category "nonsense"; known: .*Databases/);
    // every error is one line on stderr (after the retries' notes), without a stack trace
    for (const run of [down, badToken, noToken, missing, unknownKind, unknownCategory]) {
      expect(
        run.stderr
          .trimEnd()
          .split('\n')
          .filter((line) => !line.startsWith('retrying ')),
      ).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('mercato CLI: filter values, paths and pipes', () => {
  let server: TestServer;
  let env: Record<string, string>;
  let cwd: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { enabled: false } });
    await seedDemoCatalog(server.app, server.adminToken);
    env = { MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken };
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-cli-cwd-'));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  test('a filter value outside a closed set is an error that lists the set', async () => {
    const runs = await Promise.all([
      mercato(['get', 'offerings', '--platform', 'openstack'], env),
      mercato(['get', 'offerings', '--status', 'retired'], env),
      mercato(['get', 'versions', '--status', 'gone'], env),
      mercato(['get', 'orders', '--status', 'finished'], env),
      mercato(['get', 'resources', '--status', 'running'], env),
    ]);
    expect(runs.map((r) => [r.code, r.stdout, r.stderr.trimEnd()])).toEqual([
      [1, '', 'error: unknown --platform "openstack"; one of aws, azure, gcp, on-premises, other'],
      [1, '', 'error: unknown --status "retired"; one of draft, active, paused, archived'],
      [1, '', 'error: unknown --status "gone"; one of available, beta, deprecated'],
      [
        1,
        '',
        'error: unknown --status "finished"; one of pending-consumer, pending-provider, executing, done, erred, canceled, rejected',
      ],
      [
        1,
        '',
        'error: unknown --status "running"; one of Creating, OK, Paused, Updating, Terminating, Terminated, Erred',
      ],
    ]);
  });

  test('a value no object has (version, tags) is an error that lists the values the catalog has', async () => {
    const search = (await (
      await fetch(`${server.url}/api/v1/offerings?limit=1`, {
        headers: { authorization: `Bearer ${server.adminToken}` },
      })
    ).json()) as { facets: { version: { value: string }[] } };
    const facets = search.facets;
    const versions = facets.version
      .map((f: { value: string }) => f.value)
      .sort((a: string, b: string) => a.localeCompare(b, undefined, { numeric: true }));
    expect(versions).toEqual(['1.0.0', '2.0.0', '3.7.0', '4.15.0', '7.2.0']);
    const [version, tags, vmVersion] = await Promise.all([
      mercato(['get', 'offerings', '--version', '9.9.9'], env),
      mercato(['get', 'offerings', '--tags', 'sql,nosuchtag'], env),
      mercato(['get', 'versions', '--offering', 'virtual-machine', '--version', '3.0.0'], env),
    ]);
    expect([version.code, version.stdout, version.stderr.trimEnd()]).toEqual([
      1,
      '',
      `error: unknown --version "9.9.9": no offering has it; known: ${versions.join(', ')}`,
    ]);
    expect([tags.code, tags.stdout]).toEqual([1, '']);
    expect(tags.stderr).toMatch(/^error: unknown --tags "nosuchtag": no offering has it; known: .*\bsql\b/);
    expect([vmVersion.code, vmVersion.stdout, vmVersion.stderr.trimEnd()]).toEqual([
      1,
      '',
      'error: unknown --version "3.0.0": no offering-version has it; known: 1.0.0, 2.0.0',
    ]);
  });

  test('known values match regardless of case; a known value nothing matches is an empty answer', async () => {
    const [azure, betas, erred, combined] = await Promise.all([
      mercato(['get', 'offerings', '--platform', 'AZURE', '-o', 'json'], env),
      mercato(['get', 'versions', '--status', 'Beta', '-o', 'json'], env),
      mercato(['get', 'resources', '--status', 'erred', '-o', 'json'], env),
      mercato(['get', 'offerings', '--platform', 'aws', '--version', '1.0.0'], env),
    ]);
    expect(JSON.parse(azure.stdout).map((o: { slug: string }) => o.slug)).toEqual(['redis']);
    expect(JSON.parse(betas.stdout).map((v: { version: string }) => v.version)).toEqual(['2.0.0']);
    expect([erred.code, erred.stdout.trim()]).toEqual([0, '[]']);
    expect([combined.code, combined.stdout.trim(), combined.stderr]).toEqual([0, 'No offerings found.', '']);
  });

  test('get --include-deleted lists the orders and resources a deleted project keeps', async () => {
    const admin = new Api(server.url, server.adminToken);
    const owner = await makeUser(admin, 'history-owner');
    const organization = await owner.api.expect(201, owner.api.post('/organizations', { name: 'History' }));
    const project = await owner.api.expect(
      201,
      owner.api.post('/projects', { organization_id: organization.id, name: 'short-lived' }),
    );
    const vm = await owner.api.expect(200, owner.api.get('/offerings/virtual-machine'));
    const small = (await owner.api.expect(200, owner.api.get(`/plans?offering_id=${vm.id}&name=small`))).items[0];
    const order = await owner.api.expect(
      201,
      owner.api.post('/orders', {
        type: 'create',
        project_id: project.id,
        offering_id: vm.id,
        plan_id: small.id,
        name: 'vm',
        attributes: { instance_type: 'general-purpose', image: 'debian-12', ssh_public_key: 'ssh-ed25519 AAAA' },
      }),
    );
    await owner.api.expect(200, owner.api.post(`/orders/${order.id}/cancel`, { reason: 'changed my mind' }));
    await owner.api.expect(204, owner.api.delete(`/projects/${project.id}`));

    const ownerEnv = { ...env, MERCATO_TOKEN: owner.token };
    const [orders, history, resources, plans] = await Promise.all([
      mercato(['get', 'orders', '--project', project.id, '-o', 'json'], ownerEnv),
      mercato(['get', 'orders', '--project', project.id, '--include-deleted', '-o', 'json'], ownerEnv),
      mercato(['get', 'resources', '--include-deleted', '-o', 'json'], ownerEnv),
      mercato(['get', 'plans', '--include-deleted'], ownerEnv),
    ]);
    expect(JSON.parse(orders.stdout)).toEqual([]);
    expect(JSON.parse(history.stdout).map((o: { id: string; state: string }) => [o.id, o.state])).toEqual([
      [order.id, 'canceled'],
    ]);
    expect(JSON.parse(resources.stdout).map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([
      [order.resource_id, 'Terminated'],
    ]);
    expect([plans.code, plans.stderr.trimEnd()]).toEqual([
      1,
      'error: --include-deleted lists orders and resources of deleted projects and offerings; plans have none',
    ]);
  });

  test('through `npm run mercato`, paths are relative to where the user runs it', async () => {
    // The README's example, as a user has it before `terraform init`.
    fs.cpSync(path.join(REPO, 'examples/hcl/consumer'), path.join(cwd, 'consumer'), {
      recursive: true,
      filter: (file) => !/\.terraform|tfstate/.test(path.basename(file)),
    });
    fs.mkdirSync(path.join(cwd, 'bin'));
    fs.symlinkSync('/usr/local/bin/terraform', path.join(cwd, 'bin/terraform'));
    const [generate, drift, install] = await Promise.all([
      npmRun(
        [
          '--silent',
          'mercato',
          '--',
          'constructs',
          'generate',
          '--out',
          'gen',
          '--offering',
          'redis',
          '--library',
          './mylib',
        ],
        cwd,
        env,
      ),
      npmRun(['--silent', 'mercato', '--', 'drift', '--dir', 'consumer', '--terraform', 'bin/terraform'], cwd, env),
      npmRun(['--silent', 'provider:install', '--', '--dir', 'plugins'], cwd, env),
    ]);
    expect([generate.code, generate.stderr, generate.stdout.trim()]).toEqual([0, '', 'wrote 5 files into gen']);
    expect(fs.readdirSync(path.join(cwd, 'gen/redis')).sort()).toEqual(['index.ts', 'support.ts', 'v7-2-0.ts']);
    // ./mylib is beside gen/, where the user ran the command: two folders up from gen/redis/.
    expect(fs.readFileSync(path.join(cwd, 'gen/redis/v7-2-0.ts'), 'utf8')).toContain(
      'import { Offering, OrderedResource } from "../../mylib";',
    );
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain(
      `error: ${path.join(cwd, 'consumer')} is not initialized: run \`terraform init\` there first`,
    );
    expect(install.code).toBe(0);
    const executable = install.stdout.split('\n')[1].trim();
    expect(executable.startsWith(path.join(cwd, 'plugins/registry.terraform.io/mercato/mercato/'))).toBe(true);
    expect(fs.existsSync(executable)).toBe(true);
  });

  test("output for pipes: clean through `npm run --silent mercato`; without it, npm's header is named on stderr", async () => {
    const npx = new Promise<Run>((resolve) => {
      execFile(
        'npx',
        ['mercato', 'get', 'offerings', '-o', 'json'],
        { cwd: REPO, env: cleanEnv(env) },
        (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
      );
    });
    const [silent, loud, viaNpx] = await Promise.all([
      npmRun(['--silent', 'mercato', '--', 'get', 'offerings', '-o', 'json'], cwd, env),
      npmRun(['mercato', '--', 'get', 'offerings', '-o', 'json'], cwd, env),
      npx,
    ]);
    for (const clean of [silent, viaNpx]) {
      expect(clean.stderr).toBe('');
      expect(JSON.parse(clean.stdout)).toHaveLength(DEMO_OFFERINGS.length);
    }
    expect(loud.stdout).toMatch(/^\n> mercato@[\d.]+ mercato\n/);
    expect(loud.stderr).toBe(
      'mercato: npm printed a header of its own before this output; for output to read or pipe, run `npm run --silent mercato -- ...` or `npx mercato ...`\n',
    );
  });

  test('a reader that closes the pipe early ends the command quietly', async () => {
    const child = spawn(process.execPath, [BIN, 'get', 'offerings', '-o', 'yaml'], {
      env: cleanEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Nobody reads: the first write of the answer (after its HTTP requests) meets a closed pipe.
    child.stdout!.destroy();
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

/** A `mercato serve` child process with its output collected line by line. */
class Served {
  readonly child: ChildProcess;
  output = '';
  private exited: Promise<number | null>;

  constructor(dir: string, port: number, logLevel = 'warn') {
    this.child = spawn(process.execPath, [BIN, 'serve'], {
      env: cleanEnv({
        PORT: String(port),
        MERCATO_HTTPS_PORT: '0',
        HOST: '127.0.0.1',
        MERCATO_DATA_DIR: dir,
        LOG_LEVEL: logLevel,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk) => (this.output += chunk));
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Resolves once the output matches, or fails with what was printed. */
  async waitFor(pattern: RegExp, timeoutMs = 20000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (this.child.exitCode !== null) throw new Error(`mercato serve exited ${this.child.exitCode}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} from mercato serve:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 10000)));
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.child.kill('SIGKILL');
      throw new Error(`mercato serve did not stop on SIGTERM:\n${this.output}`);
    }
    return result;
  }
}

describe('mercato serve', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-serve-'));
  let running: Served | undefined;
  afterAll(async () => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const api = async (port: number, token: string, url: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: JSON.parse(await response.text()) };
  };

  test('first start seeds the demo catalog and prints the admin token once; a restart does neither', async () => {
    const port = await freePort();
    running = new Served(dir, port);
    await running.waitFor(/Mercato is running/);
    await running.waitFor(/Admin token/);
    const first = running.output;
    expect(first).toContain(`Mercato is running: console and API at http://127.0.0.1:${port}/`);
    expect(first).toContain('Seeded the demo catalog.');
    expect(first).toContain(`SQLite in ${dir}`);
    // the registry's HTTPS listener, and the CA Terraform must trust
    expect(first).toMatch(/Terraform registry and HTTPS API at https:\/\/127\.0\.0\.1:\d+\//);
    expect(first).toContain(`SSL_CERT_FILE=${path.join(dir, 'tls', 'ca.pem')}`);
    const token = first.match(/Admin token \(shown once\): (\S+)/)?.[1];
    expect(token).toMatch(/^mct_/);
    expect(first.split(token!).length - 1).toBe(1);
    const file = path.join(dir, 'admin-token');
    expect(first).toContain(`It is also in ${file}`);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(token);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const vm = await api(port, token!, '/offerings?q=virtual');
    expect(vm.status).toBe(200);
    expect(vm.body.items.map((o: { slug: string }) => o.slug)).toEqual(['virtual-machine']);
    const catalog = await api(port, token!, '/offerings?limit=500');
    const categories = await api(port, token!, '/categories?limit=500');
    expect(catalog.body.total).toBeGreaterThanOrEqual(7);
    const console = await fetch(`http://127.0.0.1:${port}/`);
    expect(console.status).toBe(200);
    expect(console.headers.get('content-type')).toContain('text/html');

    expect(await running.stop()).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    // a second start on the same directory: same token, nothing seeded again, no token printed
    const port2 = await freePort();
    running = new Served(dir, port2);
    await running.waitFor(/Mercato is running/);
    await running.waitFor(/Admin token/);
    const second = running.output;
    expect(second).not.toContain('Seeded the demo catalog.');
    expect(second).not.toContain(token!);
    expect(second).not.toMatch(/mct_/);
    expect(second).toContain(`Admin token: in ${dir}/admin-token`);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(token);
    const again = await api(port2, token!, '/offerings?limit=500');
    expect(again.status).toBe(200);
    expect(again.body.total).toBe(catalog.body.total);
    expect((await api(port2, token!, '/offerings?q=virtual')).body.items).toHaveLength(1);
    expect((await api(port2, token!, '/categories?limit=500')).body.items).toHaveLength(categories.body.items.length);
    const organizations = await api(port2, token!, '/organizations?name=Mercato%20Demo%20Cloud');
    expect(organizations.body.items).toHaveLength(1);
    // the namespace of the provider mercato/mercato in the registry
    expect(organizations.body.items[0].slug).toBe('mercato');
    expect(await running.stop()).toBe(0);
  });

  test("start-up: healthy only once the demo catalog is in; the URL and the token come last, without the seed's request logs", async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-start-'));
    const port = await freePort();
    running = new Served(fresh, port, 'info');
    try {
      // As a load balancer would: the first healthy answer means the whole demo catalog is there.
      let offeringsWhenHealthy: number | undefined;
      const deadline = Date.now() + 30000;
      while (offeringsWhenHealthy === undefined) {
        if (Date.now() > deadline) throw new Error(`never healthy:\n${running.output}`);
        const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (healthy)
          offeringsWhenHealthy = (
            await api(port, fs.readFileSync(path.join(fresh, 'admin-token'), 'utf8').trim(), '/offerings?limit=1')
          ).body.total;
      }
      expect(offeringsWhenHealthy).toBe(DEMO_OFFERINGS.length);

      await running.waitFor(/It is also in/);
      const lines = running.output.trimEnd().split('\n');
      const banner = lines.findIndex((line) => line.startsWith('Mercato is running'));
      const last = lines.findIndex((line) => line.startsWith('It is also in'));
      expect(lines.slice(banner, last + 1)).toEqual([
        `Mercato is running: console and API at http://127.0.0.1:${port}/ (API under http://127.0.0.1:${port}/api/v1, OpenAPI at http://127.0.0.1:${port}/api/v1/openapi.json)`,
        expect.stringMatching(/^Terraform registry and HTTPS API at https:\/\/127\.0\.0\.1:\d+\/ \(modules: /),
        `Its certificate is from a local CA: for Terraform, SSL_CERT_FILE=${path.join(fresh, 'tls', 'ca.pem')}`,
        `Database: SQLite in ${fresh}`,
        expect.stringMatching(/^Admin token \(shown once\): mct_\S+$/),
        `It is also in ${path.join(fresh, 'admin-token')}`,
      ]);
      // Before it: the start-up logs and a blank line, no request of the seed; after it, only the requests made since.
      expect(lines.slice(0, banner).filter((line) => line.includes('"reqId"'))).toEqual([]);
      expect(lines.slice(banner - 2, banner)).toEqual(['', 'Seeded the demo catalog.']);
      expect(lines.slice(last + 1).filter((line) => !line.includes('"reqId"'))).toEqual([]);
    } finally {
      await running.stop();
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
