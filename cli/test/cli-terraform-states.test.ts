/**
 * `mercato get terraform-states`, `describe terraform-state PROJECT/NAME` and `terraform-state
 * restore` as people of each role run them, against the real server, on states written as
 * Terraform's http backend writes them.
 */
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type Actor, type World } from '@mercato/test-support/world';
import { runMercato } from './support/run-cli';

const LINEAGE = '0b5e0c2a-0000-4000-8000-00000000cafe';

function stateFile(serial: number, size: number): string {
  const document = {
    version: 4,
    terraform_version: '1.11.4',
    serial,
    lineage: LINEAGE,
    outputs: {
      endpoint: { value: `db-${size}.internal`, type: 'string' },
      password: { value: 'pw-that-stays-secret', type: 'string', sensitive: true },
    },
    resources: [],
    check_results: null,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

describe('mercato and Terraform states (sqlite)', () => {
  let server: TestServer;
  let w: World;
  let as: (actor: Actor, args: string[]) => ReturnType<typeof runMercato>;
  let project: string;
  let path: string;
  /** A request as Terraform's http backend sends it. */
  const backend = (actor: Actor, method: string, body?: string) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      body,
      headers: { authorization: `Basic ${Buffer.from(`tf:${actor.token}`).toString('base64')}` },
    });

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { enabled: false } });
    w = await makeWorld(new Api(server.url, server.adminToken), 'clis');
    as = (actor, args) => runMercato(args, server.url, actor.token);
    project = w.consumer.project.name;
    path = `/projects/${w.consumer.project.id}/terraform-states/network`;
    for (const serial of [1, 2])
      expect((await backend(w.consumer.manager, 'POST', stateFile(serial, serial))).status).toBe(200);
    const lock = JSON.stringify({
      ID: 'run-42',
      Operation: 'OperationTypeApply',
      Who: 'ci@runner',
      Created: '2026-01-01T00:00:00Z',
    });
    expect((await backend(w.consumer.manager, 'LOCK', lock)).status).toBe(200);
  });
  afterAll(() => server.close());

  test('get lists the states of a project: serial, lineage, who wrote and who holds the lock', async () => {
    const listed = await as(w.consumer.member, ['get', 'terraform-states', '--project', project]);
    expect([listed.code, listed.stderr]).toEqual([0, '']);
    const [header, row, ...rest] = listed.stdout.trimEnd().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['NAME', 'PROJECT', 'SERIAL', 'LINEAGE', 'UPDATED', 'BY', 'LOCKED BY']);
    expect(row.split(/\s{2,}/)).toEqual([
      'network',
      project,
      '2',
      LINEAGE,
      expect.stringMatching(/^\d+s$/),
      'clis-consumer-manager',
      'clis-consumer-manager (ci@runner)',
    ]);
    expect(rest).toEqual([]);
    const names = await as(w.consumer.member, ['get', 'tfstates', '--project', project, '-o', 'name']);
    expect(names.stdout).toBe(`terraform-state/${w.consumer.project.id}/network\n`);
    const stranger = await as(w.other.owner, ['get', 'terraform-states']);
    expect(stranger.stdout).toBe('No terraform-states found.\n');
  });

  test('describe shows the state, its outputs with sensitive ones masked, and its versions', async () => {
    const described = await as(w.consumer.member, ['describe', 'terraform-state', `${project}/network`]);
    expect([described.code, described.stderr]).toEqual([0, '']);
    expect(described.stdout).toContain('name: network');
    expect(described.stdout).toContain('id: run-42');
    expect(described.stdout).toMatch(
      /Outputs:\n\s+OUTPUT\s+TYPE\s+SENSITIVE\s+VALUE\n\s+endpoint\s+string\s+no\s+db-2\.internal\n\s+password\s+string\s+yes\s+\*{8}\n/,
    );
    expect(described.stdout).not.toContain('pw-that-stays-secret');
    expect(described.stdout).toMatch(/Versions:\n\s+VERSION\s+SERIAL\s+LINEAGE\s+WRITTEN BY/);
    expect(described.stdout).toMatch(/\n\s+2 \(current\)\s+2\s+0b5e0c2a-\S+\s+clis-consumer-manager\s/);
    // as `get -o name` prints it
    const byName = await as(w.consumer.member, [
      'describe',
      `terraform-state/${w.consumer.project.id}/network`,
      '-o',
      'json',
    ]);
    expect(JSON.parse(byName.stdout)).toMatchObject({ name: 'network', serial: 2, version: 2 });
    const missing = await as(w.consumer.member, ['describe', 'terraform-state', `${project}/nothing`]);
    expect(missing.stderr).toBe(
      `error: project ${w.consumer.project.id} has no Terraform state "nothing"; it has: network\n`,
    );
  });

  test('restore: refused while a run holds the lock and to a member, then version 1 becomes current', async () => {
    const locked = await as(w.consumer.manager, ['terraform-state', 'restore', `${project}/network`, '--version', '1']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('is locked by Mercato user clis-consumer-manager, lock ID run-42');
    const member = await as(w.consumer.member, ['terraform-state', 'restore', `${project}/network`, '--version', '1']);
    expect(member.code).toBe(1);
    expect(member.stderr).toContain("only the project's managers");
    const bad = await as(w.consumer.manager, ['terraform-state', 'restore', `${project}/network`, '--version', 'one']);
    expect(bad.stderr).toMatch(/^error: --version "one" is not a version number/);

    const restored = await as(w.consumer.manager, [
      'terraform-state',
      'restore',
      `${project}/network`,
      '--version',
      '1',
      '--lock-id',
      'run-42',
    ]);
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(restored.stdout).toBe(
      `terraform-state/${w.consumer.project.id}/network restored: version 3 (serial 3) is now current, a copy of version 1\n`,
    );
    const read = JSON.parse(await (await backend(w.consumer.manager, 'GET')).text());
    expect(read).toMatchObject({ serial: 3, outputs: { endpoint: { value: 'db-1.internal' } } });
  });
});
