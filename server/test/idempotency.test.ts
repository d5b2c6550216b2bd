import { Api } from '../../test/support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '../../test/support/server-harness';

describe.each(DATABASE_KINDS)('Idempotency-Key on creates on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = new Api(server.url, server.adminToken);
  });
  afterAll(() => server.close());

  test('a retried create returns the first answer and creates nothing more', async () => {
    const key = { 'idempotency-key': 'org-1' };
    const [a, b] = await Promise.all([admin.post('/organizations', { name: 'Once Inc' }, key), admin.post('/organizations', { name: 'Once Inc' }, key)]);
    const c = await admin.post('/organizations', { name: 'Once Inc' }, key);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    const listed = await admin.expect(200, admin.get('/organizations?name=Once%20Inc'));
    expect(listed.items).toHaveLength(1);
  });

  test('a refused create does not burn the key, and a key is bound to its path', async () => {
    const key = { 'idempotency-key': 'cat-1' };
    const refused = await admin.post('/projects', { organization_id: '01a1fc88-0000-7000-8000-000000000000', name: 'x' }, key);
    expect(refused.status).toBe(422);
    const category = await admin.post('/categories', { title: 'Keyed' }, { 'idempotency-key': 'cat-2' });
    expect(category.status).toBe(201);
    const misuse = await admin.post('/organizations', { name: 'Other' }, { 'idempotency-key': 'cat-2' });
    expect(misuse.status).toBe(409);
    expect(misuse.body.errors[0].field).toBe('Idempotency-Key');
  });

  test('token answers are never stored for replay', async () => {
    const me = await admin.expect(200, admin.get('/users/me'));
    const key = { 'idempotency-key': 'token-1' };
    const first = await admin.expect(201, admin.post(`/users/${me.id}/tokens`, { name: 'a' }, key));
    const stored = await server.app.db.selectFrom('idempotency_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(first.token);
  });
});
