import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { freePort } from '../../test/support/postgres';
import { startTestServer, type TestServer } from '../../test/support/server-harness';
import { seedDemoCatalog } from '../src/demo/seed';

/**
 * The `mercato` command line as people run it: a child process reading MERCATO_ENDPOINT and
 * MERCATO_TOKEN, against a real server with the demo catalog. Then `mercato serve` itself.
 */

const BIN = path.resolve(__dirname, '../bin/mercato.js');

/** The environment without anything of ours that would change what the child does. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['MERCATO_ENDPOINT', 'MERCATO_TOKEN', 'MERCATO_ADMIN_TOKEN', 'MERCATO_DATA_DIR', 'MERCATO_SEED_DEMO', 'DATABASE_URL', 'PORT', 'HOST']) delete env[name];
  return { ...env, ...extra };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function mercato(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: cleanEnv(env), timeout: 20000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
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
    const slugs = lines.slice(1).map((line) => line.split(/\s{3,}/)[1]).sort();
    expect(slugs).toEqual(['postgresql', 'redis']);
    expect(table.stdout).not.toContain('virtual-machine');
    const postgresRow = lines.find((l) => l.includes('postgresql'))!.split(/\s{3,}/);
    expect(postgresRow[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(postgresRow.slice(4, 7)).toEqual(['gcp', 'active', '2.0.0']);

    expect(json).toMatchObject({ code: 0, stderr: '' });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.map((o: { slug: string }) => o.slug).sort()).toEqual(['postgresql', 'redis']);
    expect(parsed[0]).toHaveProperty('versions');

    expect(yaml).toMatchObject({ code: 0, stderr: '' });
    expect(yaml.stdout).toContain('slug: postgresql');
    expect(yaml.stdout).toContain('slug: redis');
    expect(YAML.parse(yaml.stdout).map((o: { slug: string }) => o.slug).sort()).toEqual(['postgresql', 'redis']);

    expect(byAlias.code).toBe(0);
    expect(byAlias.stdout).toContain('postgresql');
    expect(byAlias.stdout).not.toContain('redis');
  });

  test('describe offering virtual-machine shows the offering, its plans and its versions', async () => {
    const [page, json] = await Promise.all([mercato(['describe', 'offering', 'virtual-machine'], env), mercato(['describe', 'offering', 'virtual-machine', '-o', 'json'], env)]);
    expect(page).toMatchObject({ code: 0, stderr: '' });
    expect(page.stdout).toContain('slug: virtual-machine');
    expect(page.stdout).toContain('name: Virtual Machine');
    const versions = page.stdout.slice(page.stdout.indexOf('Versions:'));
    expect(versions).toMatch(/^Versions:\n\s+VERSION\s+STATUS\s+NOTE\n\s+1\.0\.0\s+available\s+First release/m);
    expect(versions).toMatch(/\n\s+2\.0\.0\s+beta\s+Adds `disk_size_gb`/);
    const plans = page.stdout.slice(page.stdout.indexOf('Plans:'), page.stdout.indexOf('Versions:'));
    for (const plan of ['small', 'medium', 'large']) expect(plans).toMatch(new RegExp(`\\n\\s+${plan}\\s+month\\s+cpu=`));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ slug: 'virtual-machine', versions: ['1.0.0', '2.0.0'], latest_version: '1.0.0' });
  });

  test('errors a person can act on, with exit code 1', async () => {
    const closed = await freePort();
    const [down, badToken, noToken, missing, unknownKind, unknownCategory] = await Promise.all([
      mercato(['get', 'offerings'], { MERCATO_ENDPOINT: `http://127.0.0.1:${closed}`, MERCATO_TOKEN: server.adminToken }),
      mercato(['get', 'offerings', '--category', 'databases'], { ...env, MERCATO_TOKEN: 'mct_wrong' }),
      mercato(['describe', 'offering', 'virtual-machine'], { MERCATO_ENDPOINT: server.url }),
      mercato(['describe', 'offering', 'no-such-offering'], env),
      mercato(['get', 'gizmos'], env),
      mercato(['get', 'offerings', '--category', 'nonsense'], env),
    ]);
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('');
    expect(down.stderr).toMatch(/cannot reach the Mercato server at http:\/\/127\.0\.0\.1:\d+: connection refused/);
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
    // every error is one line on stderr, without a stack trace
    for (const run of [down, badToken, noToken, missing, unknownKind, unknownCategory]) {
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

/** A `mercato serve` child process with its output collected line by line. */
class Served {
  readonly child: ChildProcess;
  output = '';
  private exited: Promise<number | null>;

  constructor(dir: string, port: number) {
    this.child = spawn(process.execPath, [BIN, 'serve'], {
      env: cleanEnv({ PORT: String(port), HOST: '127.0.0.1', MERCATO_DATA_DIR: dir, LOG_LEVEL: 'warn' }),
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
    const response = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, { headers: { authorization: `Bearer ${token}` } });
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
    expect(await running.stop()).toBe(0);
  });
});
