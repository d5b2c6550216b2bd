import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type Actor, type World } from '@mercato/test-support/world';

/**
 * The Terraform state backend and its API on both databases, spoken as Terraform's http backend
 * speaks it (internal/backend/remote-state/http/client.go): Basic credentials with a Mercato token
 * as password, the state file as the raw body, LOCK and UNLOCK with Terraform's LockInfo, `?ID=`
 * on writes while locked. The real Terraform CLI runs against it in terraform-state-backend.test.ts.
 */

interface Reply {
  status: number;
  text: string;
  headers: Headers;
  json(): any;
}

/** A request as Terraform's backend makes it. */
async function call(
  server: TestServer,
  token: string,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    body,
    headers: {
      authorization: `Basic ${Buffer.from(`terraform:${token}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
  });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers, json: () => JSON.parse(text) };
}

interface StateSpec {
  serial: number;
  lineage?: string;
  outputs?: Record<string, { value: unknown; type: unknown; sensitive?: boolean }>;
  resources?: unknown[];
}

const LINEAGE = '5b6c1c3e-0000-4000-8000-000000000001';

/** A state file as Terraform writes it (two-space indent, a trailing newline). */
function stateFile(spec: StateSpec): string {
  const document = {
    version: 4,
    terraform_version: '1.11.4',
    serial: spec.serial,
    lineage: spec.lineage ?? LINEAGE,
    outputs: spec.outputs ?? {},
    resources: spec.resources ?? [],
    check_results: null,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const RESOURCE = {
  mode: 'managed',
  type: 'terraform_data',
  name: 'db',
  provider: 'provider["terraform.io/builtin/terraform"]',
  instances: [
    {
      schema_version: 0,
      attributes: { id: 'x', input: { value: { password: 'hunter2' }, type: ['object', { password: 'string' }] } },
      sensitive_attributes: [
        [
          { type: 'get_attr', value: 'input' },
          { type: 'get_attr', value: 'password' },
        ],
      ],
    },
  ],
};

function lockInfo(id: string, who = 'ci@runner-1') {
  return JSON.stringify({
    ID: id,
    Operation: 'OperationTypeApply',
    Info: '',
    Who: who,
    Version: '1.11.4',
    Created: '2026-01-01T00:00:00Z',
    Path: '',
  });
}

/**
 * A POST announced with `Expect: 100-continue` (as curl sends a large body): the body, or only its
 * announced length, goes once the server answers 100 Continue; the final status.
 */
function announcedPost(url: string, token: string, body: string | number): Promise<number> {
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(length),
        expect: '100-continue',
      },
    });
    req.on('continue', () => (typeof body === 'string' ? req.end(body) : req.destroy(new Error('asked for the body'))));
    req.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      if (typeof body !== 'string') req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

const md5 = (text: string) => createHash('md5').update(text).digest('base64');

describe.each(DATABASE_KINDS)('Terraform states on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let manager: Actor;
  let member: Actor;
  let stranger: Actor;
  let projectId: string;
  let names = 0;
  /** A fresh state address in the consumer project. */
  const fresh = () => `/projects/${projectId}/terraform-states/state-${++names}`;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `tfs-${kind}`);
    manager = w.consumer.manager;
    member = w.consumer.member;
    stranger = w.other.owner;
    projectId = w.consumer.project.id;
  });
  afterAll(() => server.close());

  test('Terraform protocol: none yet is 404, a lock is held by one run, writes need its ID, reads are byte-exact', async () => {
    const path = fresh();
    expect((await call(server, manager.token, 'GET', path)).status).toBe(404);

    expect((await call(server, manager.token, 'LOCK', path, lockInfo('lock-a'))).status).toBe(200);
    // the same lock again (a retried request) is still this run's
    expect((await call(server, manager.token, 'LOCK', path, lockInfo('lock-a'))).status).toBe(200);
    const second = await call(server, w.consumer.owner.token, 'LOCK', path, lockInfo('lock-b', 'dev@laptop'));
    expect(second.status).toBe(423);
    // Terraform unmarshals the holder's LockInfo from the body and prints it
    // Terraform 1.11 prints only the ID of that body: it names who holds the lock
    expect(second.json()).toMatchObject({
      ID: `lock-a (locked through Mercato by tfs-${kind}-consumer-manager: OperationTypeApply by ci@runner-1 since 2026-01-01T00:00:00Z)`,
      Who: 'ci@runner-1',
      Operation: 'OperationTypeApply',
      Created: '2026-01-01T00:00:00Z',
      Info: `locked through Mercato by tfs-${kind}-consumer-manager`,
    });

    const file = stateFile({ serial: 1, resources: [RESOURCE] });
    const unlockedWrite = await call(server, manager.token, 'POST', path, file);
    expect(unlockedWrite.status).toBe(423);
    expect(unlockedWrite.json().detail).toContain(`tfs-${kind}-consumer-manager`);
    expect((await call(server, manager.token, 'POST', `${path}?ID=lock-b`, file)).status).toBe(423);
    const written = await call(server, manager.token, 'POST', `${path}?ID=lock-a`, file);
    expect(written.status).toBe(200);
    expect(written.json()).toMatchObject({ number: 1, serial: 1, lineage: LINEAGE, size: Buffer.byteLength(file) });

    // another run's unlock does not release this run's lock
    expect((await call(server, manager.token, 'UNLOCK', path, lockInfo('lock-b'))).status).toBe(409);
    expect((await call(server, manager.token, 'UNLOCK', path, lockInfo('lock-a'))).status).toBe(200);
    expect((await call(server, manager.token, 'UNLOCK', path, lockInfo('lock-a'))).status).toBe(200);
    // a write claiming a lock no longer held is refused: another run may have written since
    const stale = await call(server, manager.token, 'POST', `${path}?ID=lock-a`, stateFile({ serial: 2 }));
    expect(stale.status).toBe(409);
    expect(stale.json().errors[0].field).toBe('ID');

    const read = await call(server, manager.token, 'GET', path);
    expect(read.status).toBe(200);
    expect(read.text).toBe(file);
    expect(read.headers.get('content-md5')).toBe(md5(file));
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('serials: an older state of the same lineage is refused, a retried write adds nothing, bad files name the field', async () => {
    const path = fresh();
    expect((await call(server, manager.token, 'POST', path, stateFile({ serial: 5 }))).status).toBe(200);
    const older = await call(server, manager.token, 'POST', path, stateFile({ serial: 4 }));
    expect(older.status).toBe(409);
    expect(older.json().errors[0]).toMatchObject({ field: 'serial' });
    expect(older.json().detail).toContain('serial 4 is lower than the current serial 5');
    const again = await call(server, manager.token, 'POST', path, stateFile({ serial: 5 }));
    expect(again.json().number).toBe(1);
    // another lineage is another state (terraform state push -force of a new one)
    const other = await call(server, manager.token, 'POST', path, stateFile({ serial: 1, lineage: 'other-lineage' }));
    expect(other.json()).toMatchObject({ number: 2, serial: 1, lineage: 'other-lineage' });

    const v3 = await call(server, manager.token, 'POST', path, JSON.stringify({ version: 3, serial: 1, lineage: 'x' }));
    expect(v3.status).toBe(422);
    expect(v3.json().errors).toEqual([expect.objectContaining({ field: 'version' })]);
    const noLineage = await call(server, manager.token, 'POST', path, JSON.stringify({ version: 4, serial: -1 }));
    expect(noLineage.json().errors.map((e: { field: string }) => e.field)).toEqual(['lineage', 'serial']);
    const notJson = await call(server, manager.token, 'POST', path, '{"version": 4,');
    expect(notJson.status).toBe(400);
    expect(notJson.json().detail).toMatch(/^the state file is not JSON/);
    expect((await call(server, manager.token, 'POST', path, '')).status).toBe(400);
    const versions = await manager.api.expect(200, manager.api.get(`${path}/versions`));
    expect(versions.items.map((v: { number: number }) => v.number)).toEqual([1, 2]);
  });

  test('every version is kept with who wrote it; lists show serial, lineage and the lock', async () => {
    const name = `kept-${kind}`;
    const path = `/projects/${projectId}/terraform-states/${name}`;
    for (const serial of [1, 2, 3])
      expect((await call(server, manager.token, 'POST', path, stateFile({ serial }))).status).toBe(200);
    await call(server, w.consumer.owner.token, 'POST', path, stateFile({ serial: 4 }));
    expect((await call(server, manager.token, 'LOCK', path, lockInfo('held'))).status).toBe(200);

    const versions = await member.api.expect(200, member.api.get(`${path}/versions`));
    expect(versions.items).toHaveLength(4);
    expect(versions.items[0]).toMatchObject({ number: 1, serial: 1, lineage: LINEAGE, restored_from: null });
    expect(versions.items[3]).toMatchObject({
      number: 4,
      serial: 4,
      created_by: w.consumer.owner.id,
      created_by_username: `tfs-${kind}-consumer-owner`,
    });
    expect(versions.items[3].sha256).toBe(
      createHash('sha256')
        .update(stateFile({ serial: 4 }))
        .digest('hex'),
    );
    expect(versions.items[3]).not.toHaveProperty('content');

    const listed = await member.api.expect(200, member.api.get(`/projects/${projectId}/terraform-states?name=${name}`));
    expect(listed.items).toEqual([
      expect.objectContaining({
        name,
        version: 4,
        serial: 4,
        lineage: LINEAGE,
        updated_by_username: `tfs-${kind}-consumer-owner`,
        lock: expect.objectContaining({
          id: 'held',
          who: 'ci@runner-1',
          locked_by: manager.id,
          locked_by_username: `tfs-${kind}-consumer-manager`,
        }),
      }),
    ]);
    const all = await member.api.expect(200, member.api.get(`/terraform-states?project_id=${projectId}&name=${name}`));
    expect(all.items).toEqual(listed.items);
    const byId = await member.api.expect(200, member.api.get(`/terraform-states/${listed.items[0].id}`));
    expect(byId).toEqual(listed.items[0]);
    expect((await call(server, manager.token, 'UNLOCK', path, lockInfo('held'))).status).toBe(200);
  });

  test('a member reads outputs only, sensitive ones left out or masked, and may not write, lock or restore', async () => {
    const path = fresh();
    const big = '12345678901234567890';
    // an integer no double holds, as Terraform writes it: its text must survive every view
    const file = stateFile({
      serial: 1,
      resources: [RESOURCE],
      outputs: {
        endpoint: { value: 'db.internal:5432', type: 'string' },
        password: { value: 'hunter2', type: 'string', sensitive: true },
        big: { value: 0, type: 'number' },
      },
    }).replace('"value": 0', `"value": ${big}`);
    expect((await call(server, manager.token, 'POST', path, file)).status).toBe(200);

    const raw = await call(server, manager.token, 'GET', path);
    expect(raw.text).toBe(file);
    const view = await call(server, member.token, 'GET', path);
    expect(view.status).toBe(200);
    expect(view.text).not.toContain('hunter2');
    expect(view.text).toContain(`"value": ${big}`);
    expect(view.headers.get('content-md5')).toBeNull();
    const seen = JSON.parse(view.text);
    expect(seen).toMatchObject({ version: 4, serial: 1, lineage: LINEAGE, resources: [] });
    expect(Object.keys(seen.outputs).sort()).toEqual(['big', 'endpoint']);
    const oldView = await call(server, member.token, 'GET', `${path}/versions/1/state`);
    expect(oldView.text).toBe(view.text);
    expect((await call(server, manager.token, 'GET', `${path}/versions/1/state`)).text).toBe(file);

    const detail = await member.api.expect(200, member.api.get(`${path}/versions/1`));
    expect(detail.outputs).toEqual({
      endpoint: { type: 'string', sensitive: false, value: 'db.internal:5432' },
      password: { type: 'string', sensitive: true, value: '********' },
      big: { type: 'number', sensitive: false, value: big },
    });
    expect(detail.resources).toEqual([
      {
        address: 'terraform_data.db',
        mode: 'managed',
        type: 'terraform_data',
        name: 'db',
        provider: 'provider["terraform.io/builtin/terraform"]',
        instances: 1,
      },
    ]);
    expect(JSON.stringify(detail)).not.toContain('hunter2');
    expect(detail.current).toBe(true);

    expect((await call(server, member.token, 'POST', path, stateFile({ serial: 2 }))).status).toBe(403);
    expect((await call(server, member.token, 'LOCK', path, lockInfo('m'))).status).toBe(403);
    expect((await call(server, member.token, 'UNLOCK', path)).status).toBe(403);
    expect((await call(server, member.token, 'DELETE', path)).status).toBe(403);
    expect((await member.api.post(`${path}/versions/1/restore`)).status).toBe(403);
  });

  test("another organization's user gets 403 from the backend (never 404: Terraform would take it for no state) and 404 from the API", async () => {
    const path = fresh();
    expect((await call(server, manager.token, 'POST', path, stateFile({ serial: 1 }))).status).toBe(200);
    for (const method of ['GET', 'POST', 'LOCK', 'UNLOCK', 'DELETE']) {
      const body = method === 'POST' ? stateFile({ serial: 9 }) : method === 'LOCK' ? lockInfo('x') : undefined;
      const refused = await call(server, stranger.token, method, path, body);
      expect([method, refused.status]).toEqual([method, 403]);
    }
    // a project that does not exist is answered alike: the answer tells nothing of the project
    const missing = await call(
      server,
      stranger.token,
      'GET',
      '/projects/0190f0f0-0000-7000-8000-000000000000/terraform-states/x',
    );
    expect(missing.status).toBe(403);
    expect((await stranger.api.get(`${path}/versions`)).status).toBe(404);
    expect((await stranger.api.get(`${path}/versions/1`)).status).toBe(404);
    expect((await stranger.api.get(`/projects/${projectId}/terraform-states`)).status).toBe(404);
    const listed = await stranger.api.expect(200, stranger.api.get(`/terraform-states?project_id=${projectId}`));
    expect(listed.items).toEqual([]);
    const all = await stranger.api.expect(200, stranger.api.get('/terraform-states'));
    expect(all.items.filter((s: { project_id: string }) => s.project_id === projectId)).toEqual([]);
    // still as it was
    expect(JSON.parse((await call(server, manager.token, 'GET', path)).text).serial).toBe(1);
  });

  test('restore makes an old version current with a serial past all, refused while a run holds the lock', async () => {
    const path = fresh();
    const first = stateFile({ serial: 1, outputs: { n: { value: 1, type: 'number' } } });
    await call(server, manager.token, 'POST', path, first);
    await call(
      server,
      manager.token,
      'POST',
      path,
      stateFile({ serial: 2, outputs: { n: { value: 2, type: 'number' } } }),
    );
    await call(server, manager.token, 'POST', path, stateFile({ serial: 3 }));

    expect((await call(server, manager.token, 'LOCK', path, lockInfo('run-1'))).status).toBe(200);
    const refused = await manager.api.post(`${path}/versions/1/restore`);
    expect(refused.status).toBe(423);
    expect(refused.body.detail).toContain('lock ID run-1');
    expect(refused.body.detail).toContain('(?lock_id= of the API, --lock-id of mercato terraform-state restore)');
    const underLock = await manager.api.post(`${path}/versions/1/restore?lock_id=run-1`);
    expect(underLock.status).toBe(201);
    expect(underLock.body).toMatchObject({ number: 4, serial: 4, restored_from: 1, lineage: LINEAGE });
    expect((await call(server, manager.token, 'UNLOCK', path, lockInfo('run-1'))).status).toBe(200);

    const restored = await manager.api.expect(201, manager.api.post(`${path}/versions/2/restore`));
    expect(restored).toMatchObject({ number: 5, serial: 5, restored_from: 2 });
    const current = JSON.parse((await call(server, manager.token, 'GET', path)).text);
    expect(current).toMatchObject({ serial: 5, lineage: LINEAGE, outputs: { n: { value: 2 } } });
    // Terraform's next write goes on from the restored serial
    expect((await call(server, manager.token, 'POST', path, stateFile({ serial: 6 }))).status).toBe(200);
    expect((await manager.api.post(`${path}/versions/99/restore`)).status).toBe(404);
    // the first version is as it was written
    expect((await call(server, manager.token, 'GET', `${path}/versions/1/state`)).text).toBe(first);
  });

  test('a restore changes only the serial of the file, wherever it is and whatever the resources hold', async () => {
    const path = fresh();
    // members in another order than Terraform writes them, strings that look like JSON, a nested
    // "serial", an integer no double holds: everything but the top-level serial stays as it was
    const tricky = `{"resources":[{"mode":"managed","type":"t","name":"x","instances":[{"attributes":{"serial":999,"text":"{\\"serial\\": 1, \\"a\\": [\\"}\\"]","big":123456789012345678901234567890}}]}],
 "outputs" : {"o": {"value": "]},{", "type": "string"}},
 "serial"   :  4 ,"lineage":"${LINEAGE}","version":4,"terraform_version":"1.11.4"}`;
    expect(() => JSON.parse(tricky)).not.toThrow();
    await call(server, manager.token, 'POST', path, tricky);
    await call(server, manager.token, 'POST', path, stateFile({ serial: 5 }));
    await manager.api.expect(201, manager.api.post(`${path}/versions/1/restore`));
    const restored = (await call(server, manager.token, 'GET', path)).text;
    expect(restored).toBe(tricky.replace('"serial"   :  4 ,', '"serial"   :  6 ,'));
    const detail = await manager.api.expect(200, manager.api.get(`${path}/versions/3`));
    expect(detail.outputs).toEqual({ o: { type: 'string', sensitive: false, value: ']},{' } });
    // a key repeated in the outputs reads as JSON.parse reads it: the last one
    const repeated = stateFile({ serial: 7 }).replace(
      '"outputs": {}',
      '"outputs": {"o": {"value": "first", "type": "string"}, "o": {"value": "last", "type": "string"}}',
    );
    expect((await call(server, manager.token, 'POST', path, repeated)).status).toBe(200);
    expect(JSON.parse((await call(server, member.token, 'GET', path)).text).outputs).toEqual({
      o: { value: 'last', type: 'string' },
    });
    expect(detail.resources[0]).toMatchObject({ address: 't.x', instances: 1 });
  });

  test('force-unlock (an UNLOCK without body, as `terraform force-unlock` sends) releases any lock', async () => {
    const path = fresh();
    expect((await call(server, manager.token, 'LOCK', path, lockInfo('stuck'))).status).toBe(200);
    expect((await call(server, w.consumer.owner.token, 'UNLOCK', path)).status).toBe(200);
    expect((await call(server, manager.token, 'LOCK', path, lockInfo('next'))).status).toBe(200);
    expect((await call(server, manager.token, 'UNLOCK', path, lockInfo('next'))).status).toBe(200);
    const state = (
      await admin.expect(200, admin.get(`/terraform-states?project_id=${projectId}&include_deleted=true`))
    ).items.find((s: { name: string }) => path.endsWith(`/${s.name}`));
    const events = await admin.expect(200, admin.get(`/events?object_id=${state.id}`));
    expect(events.items.map((e: { action: string }) => e.action)).toEqual([
      'terraform-state.locked',
      'terraform-state.force-unlocked',
      'terraform-state.locked',
      'terraform-state.unlocked',
    ]);
    expect(events.items[1]).toMatchObject({
      actor_id: w.consumer.owner.id,
      project_id: projectId,
      changes: { lock_id: 'stuck', who: 'ci@runner-1', locked_by: manager.id },
    });
  });

  test('delete keeps the versions; a restore brings the state back; every change is an audit event without content', async () => {
    const name = `deleted-${kind}`;
    const path = `/projects/${projectId}/terraform-states/${name}`;
    const secret = stateFile({ serial: 1, outputs: { p: { value: 'hunter2', type: 'string', sensitive: true } } });
    await call(server, manager.token, 'POST', path, secret);
    expect((await call(server, manager.token, 'DELETE', path)).status).toBe(200);
    expect((await call(server, manager.token, 'GET', path)).status).toBe(404);
    expect((await call(server, manager.token, 'DELETE', path)).status).toBe(404);
    const hidden = await manager.api.expect(
      200,
      manager.api.get(`/projects/${projectId}/terraform-states?name=${name}`),
    );
    expect(hidden.items).toEqual([]);
    const shown = await manager.api.expect(
      200,
      manager.api.get(`/projects/${projectId}/terraform-states?name=${name}&include_deleted=true`),
    );
    expect(shown.items[0]).toMatchObject({ name, version: null, deleted_at: expect.any(String) });
    expect((await manager.api.get(`${path}/versions`)).body.items).toHaveLength(1);

    await manager.api.expect(201, manager.api.post(`${path}/versions/1/restore`));
    expect(JSON.parse((await call(server, manager.token, 'GET', path)).text).serial).toBe(2);
    const events = await admin.expect(200, admin.get(`/events?object_id=${shown.items[0].id}`));
    expect(events.items.map((e: { action: string }) => e.action)).toEqual([
      'terraform-state.written',
      'terraform-state.deleted',
      'terraform-state.restored',
    ]);
    expect(events.items[0].changes).toMatchObject({ name, version: 1, serial: 1, lineage: LINEAGE });
    expect(JSON.stringify(events.items)).not.toContain('hunter2');
  });

  test('one lock among racing LOCKs, and racing writes each kept under its own number', async () => {
    const path = fresh();
    const locks = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(server, manager.token, 'LOCK', path, lockInfo(`race-${i}`))),
    );
    expect(locks.filter((r) => r.status === 200)).toHaveLength(1);
    expect(locks.filter((r) => r.status === 423)).toHaveLength(11);
    const holder = locks.findIndex((r) => r.status === 200);
    for (const loser of locks.filter((r) => r.status === 423))
      expect(loser.json().ID).toMatch(new RegExp(`^race-${holder} \\(locked through Mercato`));
    await call(server, manager.token, 'UNLOCK', path);

    const writes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(server, manager.token, 'POST', path, stateFile({ serial: 1, lineage: `l-${i}` })),
      ),
    );
    expect(writes.map((r) => r.status)).toEqual(writes.map(() => 200));
    const numbers = writes.map((r) => r.json().number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  test('a state of several megabytes is stored and read back byte for byte, also announced with Expect: 100-continue', async () => {
    const path = fresh();
    const resources = Array.from({ length: 6000 }, (_, i) => ({
      ...RESOURCE,
      name: `r${i}`,
      instances: [{ schema_version: 0, attributes: { id: `${i}`, blob: 'x'.repeat(800) }, sensitive_attributes: [] }],
    }));
    const file = stateFile({ serial: 1, resources });
    expect(Buffer.byteLength(file)).toBeGreaterThan(5 * 1024 * 1024);
    // curl announces a large body so, and sends it only once the server agrees
    expect(await announcedPost(`${server.url}/api/v1${path}`, manager.token, file)).toBe(200);
    const read = await call(server, manager.token, 'GET', path);
    expect(read.text.length).toBe(file.length);
    expect(read.text === file).toBe(true);
    // past the limit: refused before the body is sent
    const status = await announcedPost(`${server.url}/api/v1${path}`, manager.token, 65 * 1024 * 1024);
    expect(status).toBe(413);
    // the rest of the API keeps its own limit
    const big = await manager.api.post('/organizations', { name: 'x', description: 'y'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
  });

  test('credentials: Basic with a token as password or Bearer; a bad token is 401', async () => {
    const path = fresh();
    expect((await call(server, 'not-a-token', 'GET', path)).status).toBe(401);
    const bearer = await fetch(`${server.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect(bearer.status).toBe(404);
    const noPassword = await fetch(`${server.url}/api/v1${path}`, {
      headers: { authorization: `Basic ${Buffer.from(`${manager.token}:`).toString('base64')}` },
    });
    expect(noPassword.status).toBe(401);
    expect((await manager.api.get(`/projects/${projectId}/terraform-states/bad%20name/versions`)).status).toBe(400);
  });
});
