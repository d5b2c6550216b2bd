import { formatNames } from 'ajv-formats/dist/formats';
import { Api } from '@mercato/test-support/api-client';
import {
  DATABASE_KINDS,
  freshDatabase,
  startTestServer,
  type DatabaseKind,
  type TestServer,
} from '@mercato/test-support/server-harness';
import { spawnServer, type ServerProcess } from '@mercato/test-support/server-process';
import { makeUser, type Actor } from '@mercato/test-support/world';

/**
 * Offering versions' schemas are written by any signed-in user (anyone may found an organization
 * and publish): nothing in one may stall the server for other tenants, reach another tenant's
 * schema, or break the orders placed on it.
 */

const ADMIN_TOKEN = 'mct_schema_safety_admin';

/** An organization of its own with a project and an auto-approved offering, as any user can make. */
async function tenantWithOffering(admin: Api, owner: Actor, name: string) {
  const organization = await owner.api.expect(201, owner.api.post('/organizations', { name }));
  const project = await owner.api.expect(
    201,
    owner.api.post('/projects', { organization_id: organization.id, name: 'p' }),
  );
  const category = await admin.expect(201, admin.post('/categories', { title: `${name} things` }));
  const offering = await owner.api.expect(
    201,
    owner.api.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: `${name} widget`,
      type: 'allocation',
      status: 'active',
      auto_approve: true,
    }),
  );
  const plan = await owner.api.expect(201, owner.api.post('/plans', { offering_id: offering.id, name: 'p' }));
  let versions = 0;
  return {
    offering,
    /** Adds a version with this options schema; answers the raw response. */
    version: (options_schema: unknown) =>
      owner.api.post('/offering-versions', { offering_id: offering.id, version: `1.0.${versions++}`, options_schema }),
    order: (version: string, attributes: unknown) =>
      owner.api.post('/orders', {
        type: 'create',
        project_id: project.id,
        offering_id: offering.id,
        plan_id: plan.id,
        version,
        name: 'r',
        attributes,
      }),
  };
}

/** Milliseconds a call takes, with its answer. */
async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await call();
  return { ms: performance.now() - start, value };
}

describe.each(DATABASE_KINDS)('a costly schema does not stall the server on %s', (kind: DatabaseKind) => {
  // Its own process: a server that blocks its event loop must not also block the test's clock.
  let server: ServerProcess;
  let tenant: Awaited<ReturnType<typeof tenantWithOffering>>;

  beforeAll(async () => {
    const location = await freshDatabase(kind);
    server = await spawnServer({
      MERCATO_DATA_DIR: location.dataDir,
      MERCATO_ADMIN_TOKEN: ADMIN_TOKEN,
      MERCATO_SEED_DEMO: 'false',
      ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}),
    });
    const admin = new Api(server.url, ADMIN_TOKEN);
    tenant = await tenantWithOffering(admin, await makeUser(admin, 'anyone'), 'Mine');
  });
  afterAll(() => server?.stop());

  /** Places the order and, while it runs, asks /healthz; both timed. */
  async function orderBesideHealth(version: string, attributes: unknown) {
    const order = timed(() => tenant.order(version, attributes));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const health = await timed(() => fetch(`${server.url}/healthz`).then((r) => r.status));
    return { order: await order, health };
  }

  test('a backtracking pattern runs in linear time: the order is answered at once, /healthz is not delayed', async () => {
    const version = await tenant.version({ type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } } });
    expect(version.status).toBe(201);
    const { order, health } = await orderBesideHealth(version.body.version, { s: `${'a'.repeat(28)}!` });
    expect(order.value.status).toBe(422);
    expect(order.value.body.errors).toEqual([{ field: 'attributes.s', message: 'must match pattern "^(a+)+$"' }]);
    expect(health.value).toBe(200);
    // backtracking took 4-12 s here for 28 letters; generous bounds
    expect(health.ms).toBeLessThan(1000);
    expect(order.ms).toBeLessThan(3000);
    expect((await tenant.order(version.body.version, { s: 'a'.repeat(10000) })).status).toBe(201);
  });

  test('a check that stays costly with linear patterns is stopped after 2 s with a 422; the server answers meanwhile', async () => {
    // uniqueItems compares every pair of objects: 15,000 of them is minutes of work
    const unique = await tenant.version({ type: 'object', properties: { list: { type: 'array', uniqueItems: true } } });
    const { order, health } = await orderBesideHealth(unique.body.version, {
      list: Array.from({ length: 15000 }, (_, i) => ({ n: i })),
    });
    expect(order.value.status).toBe(422);
    expect(order.value.body.errors).toEqual([
      {
        field: 'attributes',
        message: "is too costly to check against the version's schema: the check did not finish within 2 s",
      },
    ]);
    expect(health.value).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    // the stopped worker is replaced: the next order is checked as usual
    expect((await tenant.order(unique.body.version, { list: [{ n: 1 }, { n: 2 }] })).status).toBe(201);
    expect((await tenant.order(unique.body.version, { list: [{ n: 1 }, { n: 1 }] })).body.errors[0].field).toBe(
      'attributes.list',
    );
  });

  test("one caller's costly checks do not hold up another caller's orders", async () => {
    const admin = new Api(server.url, ADMIN_TOKEN);
    const other = await tenantWithOffering(admin, await makeUser(admin, 'bystander'), 'Theirs');
    const plain = await other.version({ type: 'object' });
    const unique = await tenant.version({ type: 'object', properties: { list: { type: 'array', uniqueItems: true } } });
    // Six checks that each run into the 2 s limit, sent at once: 12 s of work for the workers.
    const list = Array.from({ length: 15000 }, (_, i) => ({ n: i }));
    const answered: string[] = [];
    const flood = Array.from({ length: 6 }, () =>
      tenant.order(unique.body.version, { list }).then((response) => {
        answered.push('flood');
        return response;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const theirs = await other.order(plain.body.version, {});
    answered.push('theirs');
    expect(theirs.status).toBe(201);
    // Queued behind the flood it would come after all six; taking turns, it runs on the worker the
    // flood's caller may not hold, so at most the flood's first check ends before it. Order, not
    // time, so a busy machine cannot make this pass or fail.
    expect(answered.indexOf('theirs')).toBeLessThanOrEqual(1);
    expect((await Promise.all(flood)).map((r) => r.status)).toEqual([422, 422, 422, 422, 422, 422]);
  });

  test('every format checks adversarial texts in linear time', async () => {
    // Long runs of each format's separators and classes, ending in a character that fails the
    // match, so a backtracking engine retries every split. `url` used to take quadratic time here.
    const runs = ['a', '1', ':', '.', '-', '@', '/', '%', 'a.', 'a-', 'a:', '1.', 'http://:', '~0', 'AAAA', '{a'];
    // `password` checks nothing, and marks a secret, which a list's items cannot hold.
    const formats = formatNames.filter((f) => !['int32', 'int64', 'float', 'double', 'password'].includes(f));
    const versions = new Map<string, string>();
    for (const format of formats) {
      const version = await tenant.version({
        type: 'object',
        properties: { texts: { type: 'array', items: { type: 'string', format } } },
      });
      expect([format, version.status]).toEqual([format, 201]);
      versions.set(format, version.body.version);
    }
    for (const prefix of ['', 'http://', 'http://a@']) {
      const texts = runs.map((run) => `${prefix}${run.repeat(Math.ceil(40000 / run.length))}!`);
      for (const format of formats) {
        const { ms, value } = await timed(() => tenant.order(versions.get(format)!, { texts }));
        const messages = new Set((value.body.errors ?? []).map((e: { message: string }) => e.message));
        const answered =
          value.status === 201 ||
          (value.status === 422 && messages.size === 1 && messages.has(`must match format "${format}"`));
        // linear: tens of milliseconds for these 640 kB; `url` took 15 s before
        expect([format, prefix, answered, ms < 3000]).toEqual([format, prefix, true, true]);
      }
    }
  });
});

describe.each(DATABASE_KINDS)("a version's schema stands alone and runs on RE2 on %s", (kind: DatabaseKind) => {
  let server: TestServer;
  let admin: Api;
  let tenant: Awaited<ReturnType<typeof tenantWithOffering>>;
  let other: Awaited<ReturnType<typeof tenantWithOffering>>;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
    tenant = await tenantWithOffering(admin, await makeUser(admin, 'first'), 'First');
    other = await tenantWithOffering(admin, await makeUser(admin, 'second'), 'Second');
  });
  afterAll(() => server.close());

  async function refused(schema: unknown, fields: string[]) {
    const response = await tenant.version(schema);
    expect([response.status, response.body.errors.map((e: { field: string }) => e.field)]).toEqual([422, fields]);
    return response.body.errors[0].message as string;
  }

  test('$id, anchors, outside references and other drafts are refused at creation, naming the keyword', async () => {
    expect(await refused({ $id: 'urn:mine', type: 'object' }, ['options_schema.$id'])).toMatch(/stands alone/);
    await refused({ type: 'object', properties: { a: { $id: 'urn:nested', type: 'string' } } }, [
      'options_schema.properties.a.$id',
    ]);
    await refused({ type: 'object', definitions: { x: { $anchor: 'x' } } }, ['options_schema.definitions.x.$anchor']);
    await refused({ type: 'object', properties: { a: { $ref: 'urn:someone-else' } } }, [
      'options_schema.properties.a.$ref',
    ]);
    await refused({ type: 'object', properties: { a: { $ref: 'http://example.com/schema.json#/definitions/x' } } }, [
      'options_schema.properties.a.$ref',
    ]);
    await refused({ type: 'object', allOf: [{ $ref: '#x' }] }, ['options_schema.allOf[0].$ref']);
    await refused({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }, ['options_schema.$schema']);
    // an unknown keyword holding a schema is walked too: ajv would register its id
    await refused({ type: 'object', x_extension: { $id: 'urn:hidden' } }, ['options_schema.x_extension.$id']);
    // the same on a change
    const version = await tenant.version({ type: 'object' });
    const change = await admin.patch(`/offering-versions/${version.body.id}`, {
      options_schema: { $id: 'urn:later', type: 'object' },
    });
    expect([change.status, change.body.errors]).toEqual([
      422,
      [expect.objectContaining({ field: 'options_schema.$id' })],
    ]);
  });

  test('references inside the document, draft-07 and a property named $id are fine, in two tenants at once', async () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: { size: { type: 'integer', minimum: 1 } },
      properties: {
        disk: { $ref: '#/definitions/size' },
        $id: { type: 'string' },
        kind: { enum: [{ $id: 'urn:just-data' }] },
      },
    };
    for (const t of [tenant, other]) {
      const version = await t.version(schema);
      expect(version.status).toBe(201);
      expect((await t.order(version.body.version, { disk: 2, $id: 'x', kind: { $id: 'urn:just-data' } })).status).toBe(
        201,
      );
      const wrong = await t.order(version.body.version, { disk: 0 });
      expect([wrong.status, wrong.body.errors[0].field]).toEqual([422, 'attributes.disk']);
    }
  });

  test('a version saved with an $id before these rules still takes orders, in both tenants', async () => {
    for (const [index, t] of [tenant, other].entries()) {
      const version = await t.version({ type: 'object', properties: { n: { type: 'integer' } } });
      // written as an older server would have stored it: one id, two different schemas
      const legacy = {
        $id: 'urn:mercato:shared',
        type: 'object',
        properties: { n: { type: 'integer', maximum: 10 + index } },
      };
      await server.app.db
        .updateTable('offering_versions')
        .set({ options_schema: JSON.stringify(legacy) })
        .where('id', '=', version.body.id)
        .execute();
      for (let i = 0; i < 2; i++) expect((await t.order(version.body.version, { n: i })).status).toBe(201);
      expect((await t.order(version.body.version, { n: 'x' })).status).toBe(422);
    }
  });

  test('a pattern RE2 cannot run is refused when the schema is saved, naming the keyword', async () => {
    const message = await refused({ type: 'object', properties: { s: { type: 'string', pattern: '^(?=a)a+$' } } }, [
      'options_schema.properties.s.pattern',
    ]);
    expect(message).toMatch(/linear-time engine \(RE2\).*lookaround/);
    await refused({ type: 'object', properties: { s: { type: 'string', pattern: '^(a)\\1$' } } }, [
      'options_schema.properties.s.pattern',
    ]);
    await refused({ type: 'object', patternProperties: { '^(?!x)': { type: 'string' } } }, [
      'options_schema.patternProperties.^(?!x)',
    ]);
    await refused({ type: 'object', definitions: { deep: { properties: { t: { pattern: '(?<=a)b' } } } } }, [
      'options_schema.definitions.deep.properties.t.pattern',
    ]);
    expect(
      await refused({ type: 'object', properties: { s: { type: 'string', pattern: '[a-z]{1000}'.repeat(3) } } }, [
        'options_schema.properties.s.pattern',
      ]),
    ).toMatch(/too large/);
    // what RE2 runs is kept, and means what it meant
    const version = await tenant.version({
      type: 'object',
      properties: { s: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,61}$' } },
      patternProperties: { '^x_\\d+$': { type: 'integer' } },
    });
    expect(version.status).toBe(201);
    expect((await tenant.order(version.body.version, { s: 'web-1', x_1: 3 })).status).toBe(201);
    const wrong = await tenant.order(version.body.version, { s: 'Web', x_2: 'three' });
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['attributes.s', 'attributes.x_2']);
  });
});
