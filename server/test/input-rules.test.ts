import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, waitForOrder, type Actor } from '@mercato/test-support/world';

/**
 * What the API accepts as input, the same on SQLite and PostgreSQL: text without U+0000 or
 * unpaired surrogates, numbers a double keeps exactly, JSON nested at most 32 levels within a
 * field and 64 in a whole body. Everything else is a 4xx problem naming the field, never a 500
 * and never a value stored differently from what was sent.
 */

const NUMBER_RULE =
  'the number cannot be kept exactly: a number must be an integer within ±9007199254740991 or a decimal of at most 15 significant digits';
const ANY_ID = '01a1fc88-0000-7000-8000-000000000000';

/** `{"a":{"a":...1...}}`, `levels` objects deep. */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe.each(DATABASE_KINDS)('input rules on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let owner: Actor;
  let project: { id: string };
  let offering: { id: string };
  let plan: { id: string };

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 20 } });
    admin = new Api(server.url, server.adminToken);
    owner = await makeUser(admin, 'input-owner');
    const organization = await owner.api.expect(201, owner.api.post('/organizations', { name: 'Input Org' }));
    project = await owner.api.expect(201, owner.api.post('/projects', { organization_id: organization.id, name: 'p' }));
    const category = await admin.expect(201, admin.post('/categories', { title: 'Inputs' }));
    offering = await owner.api.expect(
      201,
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: category.id,
        name: 'Free Form',
        type: 'allocation',
        status: 'active',
        auto_approve: true,
        components: [{ type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' }],
      }),
    );
    await owner.api.expect(
      201,
      owner.api.post('/offering-versions', {
        offering_id: offering.id,
        version: '1.0.0',
        options_schema: { type: 'object' },
      }),
    );
    plan = await owner.api.expect(
      201,
      owner.api.post('/plans', { offering_id: offering.id, name: 'p', prices: { cpu: 1 } }),
    );
  });
  afterAll(() => server.close());

  /** Sends JSON text as written (JSON.stringify could not write a lone surrogate's escape or a big integer). */
  async function sendText(method: string, path: string, text: string | Buffer, api: Api = owner.api) {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: text,
    });
    const body = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: body ? JSON.parse(body) : null,
    };
  }

  const orderText = (fields: string) =>
    `{"type":"create","project_id":"${project.id}","offering_id":"${offering.id}","plan_id":"${plan.id}","name":"r",${fields}}`;

  function expectFields(
    response: { status: number; type: string | null; body: any },
    status: number,
    fields: string[],
  ) {
    expect([response.status, response.type, response.body.errors.map((e: { field: string }) => e.field)]).toEqual([
      status,
      expect.stringContaining('application/problem+json'),
      fields,
    ]);
    return response.body.errors as Array<{ field: string; message: string }>;
  }

  test('U+0000 and unpaired surrogates in any body are refused with 422 naming the field, on every route that takes one', async () => {
    const doc: any = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    let routes = 0;
    for (const [path, operations] of Object.entries(
      doc.paths as Record<string, Record<string, { requestBody?: unknown }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.requestBody) continue;
        const url = path.replace(/^\/api\/v1/, '').replace(/\{[^}]+\}/g, ANY_ID);
        for (const escape of ['\\u0000', '\\ud800', '\\udfff']) {
          const errors = expectFields(await sendText(method.toUpperCase(), url, `{"name":"a${escape}b"}`), 422, [
            'name',
          ]);
          expect(errors[0].message).toMatch(/text may not contain U\+0000 or unpaired UTF-16 surrogates/);
        }
        routes++;
      }
    }
    expect(routes).toBeGreaterThan(20);
    // at any depth, in keys as in values
    const deep = expectFields(
      await sendText('POST', '/orders', orderText('"attributes":{"list":["ok","x\\udc00"],"k\\u0000":1}')),
      422,
      ['attributes.list[1]', 'attributes.k\\u0000'],
    );
    expect(deep[1].message).toMatch(/^the name contains U\+0000/);
    // nothing was written
    expect((await owner.api.expect(200, owner.api.get(`/resources?project_id=${project.id}`))).items).toEqual([]);
  });

  test('a body that is not UTF-8 is refused, not stored with replacement characters', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const response = await sendText('POST', '/organizations', bytes);
    expect([response.status, response.body.detail]).toEqual([
      400,
      'the request body is not valid UTF-8, which JSON text must be',
    ]);
    // CESU-8, a surrogate written as three bytes, is not UTF-8 either
    const cesu = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    expect((await sendText('POST', '/organizations', cesu)).status).toBe(400);
  });

  test('text that is valid Unicode is kept exactly, surrogate pairs included', async () => {
    const name = 'Zürich 😀 \u2028 \\ "q"';
    const created = await owner.api.expect(201, owner.api.post('/organizations', { name }));
    expect(created.name).toBe(name);
    expect((await owner.api.expect(200, owner.api.get(`/organizations/${created.id}`))).name).toBe(name);
    const raw = await sendText('POST', '/organizations', '{"name":"pair \\ud83d\\ude00"}');
    expect([raw.status, raw.body.name]).toEqual([201, 'pair 😀']);
  });

  test('U+0000 in a query string or a path parameter is a 400 naming it, on every route', async () => {
    const doc: any = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    let checked = 0;
    for (const [path, operations] of Object.entries(
      doc.paths as Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in !== 'query' && parameter.in !== 'path') continue;
          const url =
            parameter.in === 'path'
              ? path.replace(`{${parameter.name}}`, 'a%00b').replace(/\{[^}]+\}/g, ANY_ID)
              : `${path.replace(/\{[^}]+\}/g, ANY_ID)}?${parameter.name}=a%00b`;
          const response = await fetch(`${server.url}${url}`, {
            method: method.toUpperCase(),
            headers: {
              authorization: `Bearer ${owner.token}`,
              ...(method === 'get' || method === 'delete' ? {} : { 'content-type': 'application/json' }),
            },
            body: method === 'get' || method === 'delete' ? undefined : '{}',
          });
          const body: any = await response.json();
          const field = `${parameter.in === 'path' ? 'params' : 'querystring'}.${parameter.name}`;
          expect([method, url, response.status, body.errors?.[0]?.field]).toEqual([method, url, 400, field]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    // bytes that are not UTF-8, percent-encoded, are not taken as the literal text "%ED%A0%80"
    for (const query of ['name=%ED%A0%80', 'name=%FF', 'name=a%E0%A4']) {
      const response = await owner.api.get(`/projects?${query}`);
      expect([query, response.status, response.body.errors]).toEqual([
        query,
        400,
        [{ field: 'querystring', message: 'is not percent-encoded UTF-8' }],
      ]);
    }
    expect((await owner.api.get('/projects?name=100%25%20sure')).status).toBe(200);
  });

  test('numbers a double does not keep exactly are refused with 422 naming the field and the limit', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['POST', '/orders', orderText('"limits":{"cpu":9007199254740993}'), 'limits.cpu'],
      ['POST', '/orders', orderText('"attributes":{"big":1e20}'), 'attributes.big'],
      [
        'POST',
        '/orders',
        orderText('"attributes":{"pools":[{"n":1},{"n":0.10000000000000000001}]}'),
        'attributes.pools[1].n',
      ],
      ['POST', '/plans', `{"offering_id":"${offering.id}","name":"x","prices":{"cpu":9007199254740992}}`, 'prices.cpu'],
      [
        'POST',
        '/offering-versions',
        `{"offering_id":"${offering.id}","version":"9.0.0","options_schema":{"type":"object","properties":{"n":{"maximum":1e300}}}}`,
        'options_schema.properties.n.maximum',
      ],
    ];
    for (const [method, path, text, field] of cases) {
      const errors = expectFields(await sendText(method, path, text), 422, [field]);
      expect(errors[0].message).toBe(NUMBER_RULE);
    }
    // what a double keeps is accepted and read back as sent
    const kept = {
      a: 1e3,
      b: 0.1,
      c: 1e-7,
      d: 123456789.123,
      e: 9007199254740991,
      f: -9007199254740991,
      g: 0.30000000000000004,
    };
    const order = await sendText(
      'POST',
      '/orders',
      orderText(
        `"attributes":{"a":1e3,"b":0.1,"c":1e-7,"d":123456789.123,"e":9007199254740991,"f":-9007199254740991,"g":0.30000000000000004},"limits":{"cpu":9007199254740991}`,
      ),
    );
    expect(order.status).toBe(201);
    await waitForOrder(owner.api, order.body.id);
    const resource = await owner.api.expect(200, owner.api.get(`/resources/${order.body.resource_id}`));
    expect([resource.attributes, resource.limits]).toEqual([kept, { cpu: 9007199254740991 }]);
  });

  test('a JSON value may nest 32 levels in its field; 33 is a 422 naming where; a body past 64 levels is a 400', async () => {
    const ok = await sendText('POST', '/orders', orderText(`"attributes":${nested(32)}`));
    expect(ok.status).toBe(201);
    await waitForOrder(owner.api, ok.body.id);
    expect(
      (await owner.api.expect(200, owner.api.get(`/resources?project_id=${project.id}`))).items.length,
    ).toBeGreaterThan(0);

    const errors = expectFields(await sendText('POST', '/orders', orderText(`"attributes":${nested(33)}`)), 422, [
      `attributes${'.a'.repeat(32)}`,
    ]);
    expect(errors[0].message).toBe('nests deeper than 32 levels, the most a JSON value in a field may');
    expectFields(
      await sendText(
        'POST',
        '/offerings',
        `{"organization_id":"${ANY_ID}","category_id":"${ANY_ID}","name":"x","type":"manual","plugin_options":${nested(40)}}`,
      ),
      422,
      [`plugin_options${'.a'.repeat(32)}`],
    );
    // 5,000 levels in attributes, 1,000 in a schema, 10,000 in plugin options: 400, before any recursion
    for (const [path, text] of [
      ['/orders', orderText(`"attributes":${nested(5000)}`)],
      [
        '/offering-versions',
        `{"offering_id":"${offering.id}","version":"2.0.0","options_schema":${'{"type":"object","properties":{"x":'.repeat(1000)}{}${'}}'.repeat(1000)}}`,
      ],
      [
        '/offerings',
        `{"organization_id":"${ANY_ID}","category_id":"${ANY_ID}","name":"x","type":"manual","plugin_options":${nested(10000)}}`,
      ],
      ['/organizations', `{"name":"x","description":${'['.repeat(65)}${']'.repeat(65)}}`],
    ]) {
      const response = await sendText('POST', path, text);
      expect([path, response.status, response.type, response.body.detail]).toEqual([
        path,
        400,
        expect.stringContaining('application/problem+json'),
        expect.stringContaining('the request body nests deeper than 64 levels'),
      ]);
    }
    // the limit is in the API's description
    const doc: any = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(
      doc.paths['/api/v1/orders'].post.requestBody.content['application/json'].schema.properties.attributes.description,
    ).toMatch(/nested at most 32 levels deep/);
    expect(doc.info.description).toMatch(/at most 32 levels within its field and a body at most 64/);
  });
});
