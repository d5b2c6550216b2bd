import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, type Actor } from '@mercato/test-support/world';

/**
 * The API's common contract: problem+json errors naming fields, strict bodies, limits, the
 * OpenAPI document, catalog validation, the audit log and its secret masking, hashed tokens,
 * and cursor pagination of a plain collection.
 */

const COLLECTIONS = [
  'organizations',
  'projects',
  'users',
  'categories',
  'offerings',
  'offering-versions',
  'plans',
  'orders',
  'resources',
  'events',
];
const SECRET = 'sup3r-s3cret-provider-key';
const ROTATED_SECRET = 'r0tated-s3cret-provider-key';

describe.each(DATABASE_KINDS)('API basics on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let owner: Actor;
  let organization: { id: string };
  let category: { id: string };
  let offering: any;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
    owner = await makeUser(admin, 'basics-owner');
    organization = await owner.api.expect(201, owner.api.post('/organizations', { name: 'Basics Provider' }));
    category = await admin.expect(201, admin.post('/categories', { title: 'Basics' }));
    offering = await owner.api.expect(
      201,
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: category.id,
        name: 'Basic Widget',
        slug: 'basic-widget',
        type: 'allocation',
        status: 'active',
        secret_options: { api_key: SECRET },
        components: [{ type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' }],
      }),
    );
  });
  afterAll(() => server.close());

  /** A problem+json answer with the given status and field errors (in any order). */
  async function expectProblem(
    call: Promise<{ status: number; body: any; headers: { get(name: string): string | null } }>,
    status: number,
    fields?: string[],
  ) {
    const response = await call;
    if (response.status !== status)
      throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const { instance, ...rest } = response.body;
    expect(rest).toEqual({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      errors: expect.any(Array),
    });
    if (instance !== undefined) expect(instance).toMatch(/^\//);
    expect(response.body.detail.length).toBeGreaterThan(0);
    for (const error of response.body.errors) expect(Object.keys(error).sort()).toEqual(['field', 'message']);
    if (fields) expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    return response.body;
  }

  test('a validation error is a problem+json naming every offending field', async () => {
    const body = await expectProblem(owner.api.post('/projects', {}), 400, ['organization_id', 'name']);
    expect(body).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      instance: '/api/v1/projects',
    });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'is required' },
        { field: 'organization_id', message: 'is required' },
      ]),
    );
    expect(body.detail).toContain('name: is required');
    const nested = await expectProblem(
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: category.id,
        name: 'x',
        type: 'allocation',
        components: [
          { type: 'cpu', name: 'CPU', billing_type: 'limit' },
          { type: 'Bad Type', name: '', billing_type: 'sometimes' },
        ],
      }),
      400,
    );
    expect(nested.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['components[1].type', 'components[1].name', 'components[1].billing_type']),
    );
    // semantic errors (references, plugin options) are 422 with the same shape
    const semantic = await expectProblem(
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: '00000000-0000-7000-8000-000000000000',
        name: 'x',
        type: 'no-such-plugin',
        plugin_options: { colour: 'red' },
      }),
      422,
      ['category_id', 'type'],
    );
    expect(semantic.title).toBe('Unprocessable Entity');
  });

  test('unknown fields are refused, naming the field, at any depth', async () => {
    const top = await expectProblem(owner.api.post('/organizations', { name: 'typo', descripton: 'oops' }), 400, [
      'descripton',
    ]);
    expect(top.errors).toEqual([{ field: 'descripton', message: 'is not a known field' }]);
    await expectProblem(owner.api.patch(`/organizations/${organization.id}`, { nmae: 'x' }), 400, ['nmae']);
    await expectProblem(
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: category.id,
        name: 'x',
        type: 'allocation',
        components: [{ type: 'cpu', name: 'CPU', billing_type: 'limit', price: 3 }],
      }),
      400,
      ['components[0].price'],
    );
    await expectProblem(owner.api.get('/projects?colour=red'), 400, ['querystring.colour']);
    const orgs = await owner.api.expect(200, owner.api.get('/organizations?name=typo'));
    expect(orgs.items).toEqual([]);
  });

  test('wrong types are refused, not coerced', async () => {
    const cases: [string, object, string][] = [
      ['/organizations', { name: 123 }, 'name'],
      ['/organizations', { name: true }, 'name'],
      ['/organizations', { name: ['a'] }, 'name'],
      ['/organizations', { name: null }, 'name'],
      ['/organizations', { name: 'ok', description: 5 }, 'description'],
      [
        '/offerings',
        {
          organization_id: organization.id,
          category_id: category.id,
          name: 'x',
          type: 'allocation',
          auto_approve: 'true',
        },
        'auto_approve',
      ],
      [
        '/offerings',
        { organization_id: organization.id, category_id: category.id, name: 'x', type: 'allocation', tags: 'a,b' },
        'tags',
      ],
      ['/plans', { offering_id: offering.id, name: 'p', prices: { cpu: 'five' } }, 'prices.cpu'],
      ['/plans', { offering_id: offering.id, name: 'p', archived: 0 }, 'archived'],
    ];
    for (const [url, payload, field] of cases) {
      const body = await expectProblem(owner.api.post(url, payload), 400);
      expect([url, payload, body.errors.map((e: { field: string }) => e.field)]).toEqual([
        url,
        payload,
        expect.arrayContaining([field]),
      ]);
    }
    await expectProblem(owner.api.post('/organizations', [{ name: 'x' }]), 400);
    await expectProblem(owner.api.post('/organizations', 'x'), 400);
    const none = await owner.api.expect(200, owner.api.get('/organizations?name=123'));
    expect(none.items).toEqual([]);
    // query strings are text on the wire: there numbers are read as numbers
    expect((await owner.api.expect(200, owner.api.get('/projects?limit=2'))).items).toEqual(expect.any(Array));
    await expectProblem(owner.api.get('/projects?limit=two'), 400, ['querystring.limit']);
    await expectProblem(owner.api.get('/projects?limit=0'), 400, ['querystring.limit']);
    await expectProblem(owner.api.get('/projects?limit=501'), 400, ['querystring.limit']);
  });

  test('malformed JSON, a non-JSON body and a body over the limit are problems too', async () => {
    const send = (body: string, contentType: string) =>
      fetch(`${server.url}/api/v1/organizations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': contentType },
        body,
      }).then(async (r) => ({ status: r.status, headers: r.headers, body: JSON.parse(await r.text()) }));
    await expectProblem(send('{"name": "x",', 'application/json'), 400);
    const plain = await send('name=x', 'text/plain');
    expect([400, 415]).toContain(plain.status);
    expect(plain.headers.get('content-type')).toContain('application/problem+json');
    const xml = await expectProblem(send('<name>x</name>', 'application/xml'), 415);
    expect(xml.detail).toBe('Content-Type application/xml is not accepted here; send application/json');
    const huge = await expectProblem(
      owner.api.post('/organizations', { name: 'big', description: 'x'.repeat(2 * 1024 * 1024) }),
      413,
    );
    expect(huge.title).toBe('Payload Too Large');
    // just over 1 MiB is too much as well; the limit is not a schema maxLength
    const over = await expectProblem(
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: category.id,
        name: 'x',
        type: 'allocation',
        plugin_options: { blob: 'y'.repeat(1024 * 1024) },
      }),
      413,
    );
    expect(over.status).toBe(413);
    expect((await owner.api.expect(200, owner.api.get('/organizations?name=big'))).items).toEqual([]);
  });

  test('an unknown route or a missing object is a 404 problem', async () => {
    const route = await expectProblem(owner.api.get('/no-such-collection'), 404);
    expect(route.detail).toContain('/api/v1/no-such-collection');
    await expectProblem(owner.api.request('PUT', `/organizations/${organization.id}`, { name: 'x' }), 404);
    await expectProblem(owner.api.post(`/orders/00000000-0000-7000-8000-000000000000/explode`), 404);
    const outside = await fetch(`${server.url}/no/such/page`);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-type')).toContain('application/problem+json');
    for (const collection of COLLECTIONS.filter((c) => c !== 'events')) {
      for (const id of ['00000000-0000-7000-8000-000000000000', 'not-an-id']) {
        const missing = await admin.get(`/${collection}/${id}`);
        expect([collection, id, missing.status]).toEqual([collection, id, 404]);
        expect(missing.headers.get('content-type')).toContain('application/problem+json');
        expect(missing.body.detail).toContain(id);
      }
    }
  });

  test('/healthz answers without a token', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toEqual({ status: 'ok' });
  });

  test('/api/v1/openapi.json is an OpenAPI 3 document listing every collection', async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const doc = JSON.parse(await response.text());
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const paths = Object.keys(doc.paths);
    for (const collection of COLLECTIONS) {
      const list = doc.paths[`/api/v1/${collection}`];
      // events are written by the server only; resources are made and ended through orders
      expect([collection, list && Object.keys(list)]).toEqual([
        collection,
        expect.arrayContaining(['events', 'resources'].includes(collection) ? ['get'] : ['get', 'post']),
      ]);
      expect(list.get.responses['200']).toBeDefined();
      if (collection !== 'events') {
        const item = doc.paths[`/api/v1/${collection}/{id}`];
        expect([collection, item && Object.keys(item)]).toEqual([collection, expect.arrayContaining(['get'])]);
        expect(item.get.parameters.some((p: { name: string; in: string }) => p.name === 'id' && p.in === 'path')).toBe(
          true,
        );
      }
    }
    for (const action of ['approve', 'reject', 'cancel', 'complete', 'fail', 'retry'])
      expect(paths).toContain(`/api/v1/orders/{id}/${action}`);
    // request bodies carry their JSON Schemas, strict about unknown fields
    const createProject = doc.paths['/api/v1/projects'].post.requestBody.content['application/json'].schema;
    expect(createProject).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['organization_id', 'name']),
    });
    expect(doc.paths['/api/v1/offerings'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'q',
        'category_id',
        'platform',
        'version',
        'status',
        'organization_id',
        'tags',
        'sort',
        'limit',
        'cursor',
      ]),
    );
    // hidden routes stay out
    expect(paths).not.toContain('/healthz');
    expect(paths).not.toContain('/api/v1/openapi.json');
    for (const [p, operations] of Object.entries(doc.paths as Record<string, object>)) {
      expect(p).toMatch(/^\/api\/v1\//);
      expect(p).not.toContain(':');
      for (const operation of Object.values(operations))
        expect(Object.keys((operation as { responses: object }).responses ?? {}).length).toBeGreaterThan(0);
    }
  });

  test('an options_schema that is not a valid JSON Schema is refused naming options_schema…', async () => {
    const post = (options_schema: unknown, version = '1.0.0') =>
      owner.api.post('/offering-versions', { offering_id: offering.id, version, options_schema });
    const typo = await expectProblem(post({ type: 'object', properties: { size: { type: 'strnig' } } }), 422);
    expect(typo.errors.length).toBeGreaterThan(0);
    for (const error of typo.errors) expect(error.field).toMatch(/^options_schema\.properties\.size\.type/);
    const notObject = await expectProblem(post({ type: 'array', items: { type: 'string' } }), 422, [
      'options_schema.type',
    ]);
    expect(notObject.errors[0].message).toContain('object');
    const badRequired = await expectProblem(post({ type: 'object', required: 'size' }), 422);
    expect(badRequired.errors[0].field).toMatch(/^options_schema\.required/);
    const badRef = await expectProblem(
      post({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }),
      422,
    );
    expect(badRef.errors[0].field).toMatch(/^options_schema/);
    await expectProblem(post('not a schema'), 400, ['options_schema']);
    // nothing was created; a valid schema is accepted and can be broken by a PATCH neither
    expect((await owner.api.expect(200, owner.api.get(`/offering-versions?offering_id=${offering.id}`))).items).toEqual(
      [],
    );
    const version = await owner.api.expect(201, post({ type: 'object', properties: { size: { type: 'string' } } }));
    const patched = await expectProblem(
      owner.api.patch(`/offering-versions/${version.id}`, {
        options_schema: { type: 'object', properties: { size: { minimum: 'one' } } },
      }),
      422,
    );
    expect(patched.errors[0].field).toMatch(/^options_schema\.properties\.size\.minimum/);
    const kept = await owner.api.expect(200, owner.api.get(`/offering-versions/${version.id}`));
    expect(kept.options_schema).toEqual({ type: 'object', properties: { size: { type: 'string' } } });
    await owner.api.expect(204, owner.api.delete(`/offering-versions/${version.id}`));
  });

  test('a version that is not semver is refused naming version; a duplicate version is 409', async () => {
    for (const version of ['1.0', 'v-one', '1.0.0.0', 'latest', '']) {
      const body = await expectProblem(
        owner.api.post('/offering-versions', { offering_id: offering.id, version }),
        422,
        ['version'],
      );
      expect(body.errors[0].message).toContain('semantic version');
    }
    await expectProblem(
      owner.api.post('/offering-versions', { offering_id: offering.id, version: '2.0.0', replacement_version: 'soon' }),
      422,
      ['replacement_version'],
    );
    const first = await owner.api.expect(
      201,
      owner.api.post('/offering-versions', { offering_id: offering.id, version: '2.0.0' }),
    );
    await expectProblem(owner.api.post('/offering-versions', { offering_id: offering.id, version: '2.0.0' }), 409, [
      'version',
    ]);
    await owner.api.expect(204, owner.api.delete(`/offering-versions/${first.id}`));
  });

  test('a duplicate slug is 409 naming slug, on create and on change', async () => {
    const base = { organization_id: organization.id, category_id: category.id, type: 'allocation' };
    const taken = await expectProblem(
      owner.api.post('/offerings', { ...base, name: 'Another', slug: 'basic-widget' }),
      409,
      ['slug'],
    );
    expect(taken.detail).toContain('basic-widget');
    await expectProblem(owner.api.post('/offerings', { ...base, name: 'Bad slug', slug: 'Not A Slug' }), 400, ['slug']);
    // without a slug, a free one is derived from the name
    const second = await owner.api.expect(201, owner.api.post('/offerings', { ...base, name: 'Basic Widget' }));
    expect(second.slug).toBe('basic-widget-2');
    await expectProblem(owner.api.patch(`/offerings/${second.id}`, { slug: 'basic-widget' }), 409, ['slug']);
    expect((await owner.api.expect(200, owner.api.get(`/offerings/${second.id}`))).slug).toBe('basic-widget-2');
    await owner.api.expect(204, owner.api.delete(`/offerings/${second.id}`));
  });

  test('prices for a component the offering does not have are refused naming prices.<type>', async () => {
    const body = await expectProblem(
      owner.api.post('/plans', { offering_id: offering.id, name: 'gold', prices: { cpu: 1, gpu: 9, ram: 2 } }),
      422,
      ['prices.gpu', 'prices.ram'],
    );
    expect(body.errors[0].message).toContain('cpu');
    await expectProblem(
      owner.api.post('/plans', { offering_id: offering.id, name: 'gold', prices: { cpu: -1 } }),
      400,
      ['prices.cpu'],
    );
    const plan = await owner.api.expect(
      201,
      owner.api.post('/plans', { offering_id: offering.id, name: 'gold', prices: { cpu: 1 } }),
    );
    await expectProblem(owner.api.patch(`/plans/${plan.id}`, { prices: { disk: 1 } }), 422, ['prices.disk']);
    expect((await owner.api.expect(200, owner.api.get(`/plans/${plan.id}`))).prices).toEqual({ cpu: '1' });
    await owner.api.expect(204, owner.api.delete(`/plans/${plan.id}`));
  });

  test('events record who did what and which fields changed, with secrets masked; secrets appear in no response', async () => {
    const patched = await owner.api.expect(
      200,
      owner.api.patch(`/offerings/${offering.id}`, {
        name: 'Basic Widget Pro',
        secret_options: { api_key: ROTATED_SECRET, region_token: ROTATED_SECRET },
      }),
    );
    expect(patched.secret_option_keys).toEqual(['api_key', 'region_token']);
    const events = await owner.api.expect(200, owner.api.get(`/events?object_id=${offering.id}`));
    const created = events.items.find((e: { action: string }) => e.action === 'offering.created');
    const updated = events.items.find((e: { action: string }) => e.action === 'offering.updated');
    expect(created).toMatchObject({
      actor_id: owner.id,
      object_type: 'offering',
      object_id: offering.id,
      provider_organization_id: organization.id,
      created_at: expect.any(String),
    });
    expect(created.changes).toMatchObject({ name: 'Basic Widget', slug: 'basic-widget', secret_options: '********' });
    expect(updated).toMatchObject({ actor_id: owner.id, object_type: 'offering', object_id: offering.id });
    expect(updated.changes).toEqual({
      name: { from: 'Basic Widget', to: 'Basic Widget Pro' },
      secret_options: '********',
    });
    // a change of something else names only that field
    await owner.api.expect(
      200,
      owner.api.patch(`/offerings/${offering.id}`, { description: 'Now with docs', name: 'Basic Widget Pro' }),
    );
    const last = (
      await owner.api.expect(200, owner.api.get(`/events?object_id=${offering.id}&action=offering.updated`))
    ).items.pop();
    expect(last.changes).toEqual({ description: { from: '', to: 'Now with docs' } });
    const organizationEvents = await owner.api.expect(200, owner.api.get(`/events?object_id=${organization.id}`));
    expect(organizationEvents.items[0]).toMatchObject({
      action: 'organization.created',
      actor_id: owner.id,
      organization_id: organization.id,
      changes: { name: 'Basics Provider' },
    });

    // the secret values are nowhere: item, lists, search, slug, events of every kind, the OpenAPI document
    const responses = await Promise.all([
      admin.get(`/offerings/${offering.id}`),
      admin.get(`/offerings/${offering.slug}`),
      admin.get('/offerings'),
      admin.get(`/offerings?slug=${offering.slug}`),
      admin.get('/offerings?q=widget'),
      admin.get('/events?limit=500'),
      owner.api.get('/events?limit=500'),
      owner.api.get(`/offerings/${offering.id}`),
      admin.get(`/plans?offering_id=${offering.id}`),
      admin.get(`/offering-versions?offering_id=${offering.id}`),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(200);
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(ROTATED_SECRET);
    }
    expect(JSON.stringify(patched)).not.toContain(ROTATED_SECRET);
    expect(responses[0].body.secret_option_keys).toEqual(['api_key', 'region_token']);
    // but they are kept, for the provisioning plugin
    const stored = await server.app.db
      .selectFrom('offerings')
      .select('secret_options')
      .where('id', '=', offering.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.secret_options)).toEqual({ api_key: ROTATED_SECRET, region_token: ROTATED_SECRET });
  });

  test('tokens are stored hashed, never as issued', async () => {
    const user = await makeUser(admin, 'hash-check');
    const issued = await admin.expect(201, admin.post(`/users/${user.id}/tokens`, { name: 'ci' }));
    expect(issued.token).toMatch(/^mct_/);
    const rows = await server.app.db.selectFrom('tokens').selectAll().execute();
    const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
    for (const raw of [issued.token, user.token, server.adminToken]) {
      expect(rows.some((r) => r.token_hash === sha256(raw))).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(raw);
    }
    // the listing never shows a value nor a hash
    const listed = await user.api.expect(200, user.api.get(`/users/${user.id}/tokens`));
    expect(listed.items.map((t: { name: string }) => t.name).sort()).toEqual(['ci', 'test']);
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    expect(JSON.stringify(listed)).not.toContain(sha256(issued.token));
    for (const item of listed.items)
      expect(Object.keys(item).sort()).toEqual(['created_at', 'expires_at', 'id', 'name']);
    const events = JSON.stringify(await admin.expect(200, admin.get(`/events?object_id=${user.id}`)));
    expect(events).not.toContain(issued.token);
    if (kind === 'sqlite') {
      // nor is the raw value anywhere in the database files (pages or write-ahead log)
      const files = fs.readdirSync(server.dataDir).filter((f) => f.startsWith('mercato.db'));
      expect(files).toContain('mercato.db');
      const bytes = Buffer.concat(files.map((file) => fs.readFileSync(path.join(server.dataDir, file))));
      for (const raw of [issued.token, user.token, server.adminToken]) expect(bytes.includes(raw)).toBe(false);
      // the scan does see what is stored: the hash is there
      expect(bytes.includes(sha256(issued.token))).toBe(true);
    }
  });

  test('a revoked or expired token gets 401', async () => {
    const user = await makeUser(admin, 'revokee');
    const spare = await user.api.expect(201, user.api.post(`/users/${user.id}/tokens`, { name: 'spare' }));
    const spareApi = admin.as(spare.token);
    await spareApi.expect(200, spareApi.get('/users/me'));
    await user.api.expect(204, user.api.delete(`/users/${user.id}/tokens/${spare.id}`));
    const revoked = await expectProblem(spareApi.get('/users/me'), 401);
    expect(revoked.title).toBe('Unauthorized');
    // revoking one token leaves the others working; revoking twice is 404
    await user.api.expect(200, user.api.get('/users/me'));
    await expectProblem(user.api.delete(`/users/${user.id}/tokens/${spare.id}`), 404);
    const expired = await admin.expect(
      201,
      admin.post(`/users/${user.id}/tokens`, { name: 'old', expires_at: '2020-01-01T00:00:00.000Z' }),
    );
    await expectProblem(admin.as(expired.token).get('/users/me'), 401);
    // an expiry written with a UTC offset is compared as an instant, not as text: an hour ago,
    // written in +05:00, reads later than now as a string
    const offset = (ms: number, hours: number) =>
      `${new Date(ms + hours * 3600e3).toISOString().slice(0, 19)}${hours >= 0 ? '+' : '-'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
    const pastWithOffset = await admin.expect(
      201,
      admin.post(`/users/${user.id}/tokens`, { name: 'past+05', expires_at: offset(Date.now() - 3600e3, 5) }),
    );
    await expectProblem(admin.as(pastWithOffset.token).get('/users/me'), 401);
    const futureWithOffset = await admin.expect(
      201,
      admin.post(`/users/${user.id}/tokens`, { name: 'future-08', expires_at: offset(Date.now() + 3600e3, -8) }),
    );
    await admin.as(futureWithOffset.token).expect(200, admin.as(futureWithOffset.token).get('/users/me'));
    const future = await admin.expect(
      201,
      admin.post(`/users/${user.id}/tokens`, { name: 'new', expires_at: '2999-01-01T00:00:00.000Z' }),
    );
    expect((await admin.as(future.token).expect(200, admin.as(future.token).get('/users/me'))).id).toBe(user.id);
  });

  test('limit and next_cursor page through a plain collection, every item exactly once', async () => {
    const org = await owner.api.expect(201, owner.api.post('/organizations', { name: 'Paged' }));
    const created: string[] = [];
    for (let i = 0; i < 11; i++)
      created.push(
        (await owner.api.expect(201, owner.api.post('/projects', { organization_id: org.id, name: `p${i}` }))).id,
      );
    for (const limit of [1, 3, 4, 11, 50]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: any = await owner.api.expect(
          200,
          owner.api.get(`/projects?organization_id=${org.id}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
        );
        expect(page.items.length).toBeLessThanOrEqual(limit);
        expect(Object.keys(page).sort()).toEqual(['items', 'next_cursor']);
        seen.push(...page.items.map((p: { id: string }) => p.id));
        cursor = page.next_cursor;
        if (++pages > 20) throw new Error('pagination does not end');
      } while (cursor);
      expect([limit, seen]).toEqual([limit, created]);
      expect([limit, pages]).toEqual([limit, Math.ceil(11 / limit)]);
    }
    // a cursor this server never issued is a 400 naming cursor
    await expectProblem(owner.api.get('/projects?cursor=garbage'), 400, ['cursor']);
    // the same on other collections: events and users
    const firstEvents = await admin.expect(200, admin.get('/events?limit=5'));
    const nextEvents = await admin.expect(200, admin.get(`/events?limit=5&cursor=${firstEvents.next_cursor}`));
    expect(
      nextEvents.items
        .map((e: { id: string }) => e.id)
        .filter((id: string) => firstEvents.items.some((f: { id: string }) => f.id === id)),
    ).toEqual([]);
    expect(nextEvents.items[0].id > firstEvents.items[4].id).toBe(true);
  });
});
