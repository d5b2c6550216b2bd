/**
 * The `postgresql` provisioning plugin (issue 10) against a real PostgreSQL 15 cluster that asks
 * for passwords (scram-sha-256), as a non-superuser admin role with CREATEDB and CREATEROLE: orders
 * through the real server over HTTP make, change, pause and drop real databases and roles, and
 * consumers connect with what the resource gives them. `pull` is called directly: the scheduler
 * that calls it is another change.
 */
import { Client } from 'pg';
import { Api } from '@mercato/test-support/api-client';
import { startPostgres, type PostgresCluster } from '@mercato/test-support/postgres';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import { postgresqlPlugin } from '../src/provisioning/plugins/postgresql';
import type { PluginResource, ProvisioningJob } from '../src/provisioning/plugin';
import { seedDemoCatalog } from '../src/demo/seed';

/** The superuser's password of the target cluster, and the admin role's (characters a URL must encode). */
const SUPERUSER_PASSWORD = 'sup3r-Secret-of-the-cluster';
const ADMIN_PASSWORD = 'adm1n:S3cret/with@odd#chars';
const ADMIN_ROLE = 'mercato_admin';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { connection_limit: { type: 'integer', minimum: -1, maximum: 1000 } },
};

let cluster: PostgresCluster;
let port: number;
let adminUrl: string;

/** A connection as the cluster's superuser, for looking behind Mercato's back. */
async function superuser<T>(work: (client: Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new Client({ connectionString: cluster.url.replace(/\/postgres$/, `/${database}`) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const roleRow = (name: string) =>
  superuser(
    async (c) => (await c.query('SELECT rolconnlimit, rolcanlogin FROM pg_roles WHERE rolname = $1', [name])).rows[0],
  );
const databaseRow = (name: string) =>
  superuser(
    async (c) =>
      (await c.query('SELECT datconnlimit, datallowconn FROM pg_database WHERE datname = $1', [name])).rows[0],
  );

interface Outputs {
  host: string;
  port: number;
  database: string;
  username: string;
}

/** A connection as a resource's consumer would open it, from its outputs and secret outputs. */
async function connectAs(outputs: Outputs, password: string, database = outputs.database): Promise<Client> {
  const client = new Client({ host: outputs.host, port: outputs.port, database, user: outputs.username, password });
  client.on('error', () => {});
  await client.connect();
  return client;
}

beforeAll(async () => {
  cluster = await startPostgres({ password: SUPERUSER_PASSWORD });
  port = Number(new URL(cluster.url).port);
  await superuser((c) =>
    c.query(`CREATE ROLE ${ADMIN_ROLE} LOGIN CREATEDB CREATEROLE PASSWORD '${ADMIN_PASSWORD.replace(/'/g, "''")}'`),
  );
  adminUrl = `postgres://${ADMIN_ROLE}:${encodeURIComponent(ADMIN_PASSWORD)}@127.0.0.1:${port}/postgres`;
});
afterAll(() => cluster?.stop());

/** No secret anywhere in a JSON text (an answer, an event list). */
function expectNoSecret(text: string, secrets: string[]) {
  for (const secret of [...secrets, ADMIN_PASSWORD, encodeURIComponent(ADMIN_PASSWORD), SUPERUSER_PASSWORD])
    expect(text).not.toContain(secret);
}

describe.each(DATABASE_KINDS)('postgresql plugin, Mercato on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let offering: { id: string; plan: { id: string } };

  /** A postgresql offering of the world's provider, auto-approved. */
  async function publish(name: string, secretOptions: object, pluginOptions: object = {}) {
    const api = w.serviceManager.api;
    const created = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name,
        type: 'postgresql',
        status: 'active',
        auto_approve: true,
        plugin_options: pluginOptions,
        secret_options: secretOptions,
        components: [{ type: 'storage', name: 'Storage', measured_unit: 'GiB', billing_type: 'usage' }],
      }),
    );
    await api.expect(
      201,
      api.post('/offering-versions', { offering_id: created.id, version: '1.0.0', options_schema: SCHEMA }),
    );
    const plan = await api.expect(
      201,
      api.post('/plans', { offering_id: created.id, name: 'db', unit: 'month', prices: { storage: 0.1 } }),
    );
    return { id: created.id as string, plan };
  }

  /** Places an order as the consumer's owner (approved by the provider when it must be) and waits for its end. */
  async function order(body: object) {
    const api = w.consumer.owner.api;
    const placed = await api.expect(201, api.post('/orders', body));
    if (placed.state === 'pending-provider')
      await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${placed.id}/approve`));
    return waitForOrder(admin, placed.id, undefined, 30000);
  }

  const create = (name: string, attributes: object = {}, on = offering) =>
    order({
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: on.id,
      plan_id: on.plan.id,
      name,
      attributes,
    });

  /** The resource as its consumer reads it, secret outputs included. */
  const resource = (id: string) => w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/resources/${id}`));

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `pg${kind}`);
    offering = await publish(`pg ${kind} PostgreSQL`, { admin_url: adminUrl }, { connection_limit_default: 10 });
  });
  afterAll(() => server.close());

  test('create, connect and query with the outputs, update connection_limit, pause, resume, terminate', async () => {
    const created = await create('Orders DB', { connection_limit: 5 });
    expect(created).toMatchObject({ state: 'done', reason: '' });
    const db = await resource(created.resource_id);
    const { outputs, secret_outputs: secrets } = db;
    expect(db.state).toBe('OK');
    expect(outputs).toEqual({
      host: '127.0.0.1',
      port,
      database: expect.stringMatching(/^orders_db_[0-9a-f]{15}$/),
      username: outputs.database,
    });
    expect(db.backend_id).toBe(outputs.database);
    expect(db.backend_state).toEqual({
      database: outputs.database,
      role: outputs.database,
      connection_limit: 5,
      paused: false,
    });
    expect(secrets.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const name = outputs.database as string;

    const session = await connectAs(outputs, secrets.password);
    await session.query('CREATE TABLE orders (id serial PRIMARY KEY, item text NOT NULL)');
    await session.query("INSERT INTO orders (item) VALUES ('tea'), ('coffee')");
    expect((await session.query('SELECT item FROM orders ORDER BY id')).rows).toEqual([
      { item: 'tea' },
      { item: 'coffee' },
    ]);
    await expect(connectAs(outputs, 'not-the-password')).rejects.toThrow(/password authentication failed/);
    expect(await roleRow(name)).toEqual({ rolconnlimit: 5, rolcanlogin: true });
    expect(await databaseRow(name)).toEqual({ datconnlimit: 5, datallowconn: true });

    const update = await order({ type: 'update', resource_id: db.id, attributes: { connection_limit: 7 } });
    expect(update.state).toBe('done');
    expect(await roleRow(name)).toMatchObject({ rolconnlimit: 7 });
    expect(await databaseRow(name)).toMatchObject({ datconnlimit: 7 });
    expect((await resource(db.id)).backend_state).toMatchObject({ connection_limit: 7 });

    expect((await order({ type: 'pause', resource_id: db.id })).state).toBe('done');
    expect((await resource(db.id)).state).toBe('Paused');
    // The session open when it paused was ended, and no new one is let in.
    await expect(session.query('SELECT 1')).rejects.toThrow();
    await session.end().catch(() => {});
    await expect(connectAs(outputs, secrets.password)).rejects.toThrow(
      /not currently accepting connections|not permitted to log in/,
    );
    expect(await databaseRow(name)).toMatchObject({ datallowconn: false });
    expect((await resource(db.id)).backend_state).toMatchObject({ paused: true, connection_limit: 7 });

    expect((await order({ type: 'resume', resource_id: db.id })).state).toBe('done');
    expect((await resource(db.id)).state).toBe('OK');
    const again = await connectAs(outputs, secrets.password);
    expect((await again.query('SELECT count(*)::int AS n FROM orders')).rows).toEqual([{ n: 2 }]);
    await again.end();

    const restart = await w.consumer.owner.api.expect(
      422,
      w.consumer.owner.api.post('/orders', { type: 'restart', resource_id: db.id }),
    );
    expect(restart.errors[0].field).toBe('type');

    // A session still open when it is terminated does not keep the database alive.
    const lingering = await connectAs(outputs, secrets.password);
    expect((await order({ type: 'terminate', resource_id: db.id })).state).toBe('done');
    await lingering.end().catch(() => {});
    expect(await roleRow(name)).toBeUndefined();
    expect(await databaseRow(name)).toBeUndefined();
    const terminated = await resource(db.id);
    expect(terminated.state).toBe('Terminated');
    expect(terminated.secret_outputs).toEqual({});

    const [orders, resources, events] = await Promise.all([
      admin.expect(200, admin.get(`/orders?project_id=${w.consumer.project.id}&limit=500`)),
      admin.expect(200, admin.get(`/resources?project_id=${w.consumer.project.id}&include_deleted=true`)),
      admin.expect(200, admin.get('/events?limit=500')),
    ]);
    expectNoSecret(JSON.stringify([orders, resources, events, terminated]), [secrets.password]);
  });

  test('names that need quoting make safe names, within 63 bytes, and work', async () => {
    const names = [
      'x"; DROP DATABASE postgres; --',
      "Robert'); DROP ROLE mercato_admin;--",
      '  Spaces and UPPER case  ',
      'Ünïcödé 数据库 Café',
      '42 starts with a digit',
      'y'.repeat(200),
    ];
    const made = [];
    for (const name of names) {
      const created = await create(name);
      expect(created).toMatchObject({ state: 'done', reason: '' });
      made.push(await resource(created.resource_id));
    }
    const databases = made.map((r) => r.outputs.database as string);
    expect(databases.map((d) => d.replace(/_[0-9a-f]{15}$/, ''))).toEqual([
      'x_drop_database_postgres',
      'robert_drop_role_mercato_admin',
      'spaces_and_upper_case',
      'unicode_cafe',
      'db_42_starts_with_a_digit',
      'y'.repeat(63 - 16),
    ]);
    for (const database of databases) expect(database).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
    for (const r of made) {
      const session = await connectAs(r.outputs, r.secret_outputs.password);
      expect((await session.query('SELECT current_database() AS d, current_user AS u')).rows).toEqual([
        { d: r.outputs.database, u: r.outputs.username },
      ]);
      await session.end();
    }
    // Nothing was run as SQL: the admin role and the postgres database are still there.
    expect(await databaseRow('postgres')).toBeDefined();
    expect(await roleRow(ADMIN_ROLE)).toBeDefined();
    for (const r of made) expect((await order({ type: 'terminate', resource_id: r.id })).state).toBe('done');
    for (const database of databases) expect(await databaseRow(database)).toBeUndefined();
  });

  test('two resources of one name get two databases, and neither consumer can enter the other one', async () => {
    const [first, second] = [await create('shared'), await create('shared')];
    const [a, b] = [await resource(first.resource_id), await resource(second.resource_id)];
    expect(a.outputs.database).not.toBe(b.outputs.database);
    expect(a.outputs.database).toMatch(/^shared_/);
    expect(b.outputs.database).toMatch(/^shared_/);
    await expect(connectAs(a.outputs, a.secret_outputs.password, b.outputs.database)).rejects.toThrow(
      /permission denied for database/,
    );
    await expect(connectAs(b.outputs, b.secret_outputs.password, a.outputs.database)).rejects.toThrow(
      /permission denied for database/,
    );
    for (const r of [a, b]) expect((await order({ type: 'terminate', resource_id: r.id })).state).toBe('done');
  });

  test('a server that is down or refuses the admin password: erred, saying why, without the password', async () => {
    const down = await publish(`pg ${kind} down`, {
      admin_url: `postgres://${ADMIN_ROLE}:${encodeURIComponent(ADMIN_PASSWORD)}@127.0.0.1:1/postgres`,
    });
    const wrongPassword = 'wrong-Password-given';
    const refusing = await publish(`pg ${kind} refusing`, {
      admin_url: `postgres://${ADMIN_ROLE}:${wrongPassword}@127.0.0.1:${port}/postgres`,
    });
    const [unreachable, refused] = [await create('down', {}, down), await create('refused', {}, refusing)];
    expect(unreachable.state).toBe('erred');
    expect(unreachable.reason).toBe(
      `could not connect to PostgreSQL at ${ADMIN_ROLE}@127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1`,
    );
    expect(refused.state).toBe('erred');
    expect(refused.reason).toBe(
      `could not connect to PostgreSQL at ${ADMIN_ROLE}@127.0.0.1:${port}: password authentication failed for user "${ADMIN_ROLE}"`,
    );
    expect((await resource(unreachable.resource_id)).state).toBe('Erred');
    const [orders, events] = await Promise.all([
      admin.expect(200, admin.get(`/orders?project_id=${w.consumer.project.id}&limit=500`)),
      admin.expect(200, admin.get('/events?limit=500')),
    ]);
    expectNoSecret(JSON.stringify([orders, events, unreachable, refused]), [wrongPassword]);
  });

  test('pull reports the database, its limit and size; a database dropped behind Mercato is missing', async () => {
    const created = await create('pulled', { connection_limit: 3 });
    const r = await resource(created.resource_id);
    const subject = {
      resource: { ...r, attributes: r.attributes, limits: r.limits } as PluginResource,
      offering: { id: offering.id, slug: 'pg', plugin_options: {}, secret_options: { admin_url: adminUrl } },
    };
    const signal = new AbortController().signal;
    const present = await postgresqlPlugin.pull!(subject, signal);
    expect(present).toMatchObject({
      status: 'present',
      outputs: r.outputs,
      state: { database: r.outputs.database, connection_limit: 3, paused: false },
    });
    const usage = (present as { usage?: Record<string, number> }).usage!;
    expect(usage.storage).toBeGreaterThan(0.001); // an empty database is several MiB
    expect(usage.storage).toBeLessThan(1);

    await superuser((c) => c.query(`ALTER DATABASE ${r.outputs.database} CONNECTION LIMIT 9`));
    expect(await postgresqlPlugin.pull!(subject, signal)).toMatchObject({ state: { connection_limit: 9 } });

    await superuser((c) => c.query(`DROP DATABASE ${r.outputs.database}`));
    expect(await postgresqlPlugin.pull!(subject, signal)).toEqual({
      status: 'missing',
      reason: `database "${r.outputs.database}" no longer exists on ${ADMIN_ROLE}@127.0.0.1:${port}`,
    });
    // Terminating what is half gone drops the rest.
    expect((await order({ type: 'terminate', resource_id: r.id })).state).toBe('done');
    expect(await roleRow(r.outputs.database)).toBeUndefined();

    const unreachable = {
      ...subject,
      offering: { ...subject.offering, secret_options: { admin_url: adminUrl.replace(`:${port}/`, ':1/') } },
    };
    const error = await postgresqlPlugin.pull!(unreachable, signal).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^could not connect to PostgreSQL at mercato_admin@127\.0\.0\.1:1: /);
    expectNoSecret((error as Error).message, []);
  });

  test('offering options are checked when written, naming the field', async () => {
    const api = w.serviceManager.api;
    const base = {
      organization_id: w.provider.id,
      category_id: w.category.id,
      name: `pg ${kind} bad`,
      type: 'postgresql',
    };
    // Without an admin URL it may be written (to be completed later, as the paused demo offering); its orders err.
    await api.expect(201, api.post('/offerings', { ...base, secret_options: {} }));
    const mysql = await api.expect(
      422,
      api.post('/offerings', {
        ...base,
        secret_options: { admin_url: 'mysql://root:hunter2@db/x' },
        plugin_options: { database_prefix: 'Bad-Prefix', connection_limit_default: -5 },
      }),
    );
    expect(mysql.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'plugin_options.connection_limit_default',
      'plugin_options.database_prefix',
      'secret_options.admin_url',
    ]);
    expect(JSON.stringify(mysql)).not.toContain('hunter2');
    const changed = await api.expect(
      422,
      api.patch(`/offerings/${offering.id}`, { secret_options: { admin_url: 'http://x' } }),
    );
    expect(changed.errors[0].field).toBe('secret_options.admin_url');
  });
});

describe('the plugin run directly', () => {
  const signal = new AbortController().signal;
  const job = (resourceId: string, name: string): ProvisioningJob => ({
    order: { id: 'o1', type: 'create', attributes: {}, limits: {}, plan_id: 'p', version: '1.0.0', attempts: 1 },
    resource: {
      id: resourceId,
      name,
      backend_id: '',
      attributes: {},
      limits: {},
      outputs: {},
      backend_state: {},
      state: 'Creating',
    },
    offering: { id: 'off', slug: 'pg', plugin_options: {}, secret_options: { admin_url: adminUrl } },
  });

  test('a create run again takes over what the first run made, with a new password', async () => {
    const first = await postgresqlPlugin.provision(job('0190a000-0000-7000-8000-000000000001', 'again'), signal);
    const second = await postgresqlPlugin.provision(job('0190a000-0000-7000-8000-000000000001', 'again'), signal);
    if (first.status !== 'done' || second.status !== 'done') throw new Error(JSON.stringify([first, second]));
    expect(second.backend_id).toBe(first.backend_id);
    const outputs = second.outputs as unknown as Outputs;
    await expect(connectAs(outputs, first.secret_outputs!.password as string)).rejects.toThrow(/password/);
    const session = await connectAs(outputs, second.secret_outputs!.password as string);
    await session.end();
    const terminate = { ...job('0190a000-0000-7000-8000-000000000001', 'again') };
    terminate.order.type = 'terminate';
    expect(await postgresqlPlugin.provision(terminate, signal)).toMatchObject({ status: 'done' });
    // Gone already: terminating again is done too.
    expect(await postgresqlPlugin.provision(terminate, signal)).toMatchObject({ status: 'done' });
    expect(await databaseRow(outputs.database)).toBeUndefined();
  });

  test('a role or database of that name the plugin did not make is left alone', async () => {
    const theirs = job('0190a000-0000-7000-8000-000000000002', 'theirs');
    const first = await postgresqlPlugin.provision(theirs, signal);
    if (first.status !== 'done') throw new Error(JSON.stringify(first));
    const name = first.backend_id!;
    await superuser((c) => c.query(`COMMENT ON ROLE ${name} IS 'someone else'`));
    for (const type of ['create', 'terminate'] as const) {
      const outcome = await postgresqlPlugin.provision({ ...theirs, order: { ...theirs.order, type } }, signal);
      expect(outcome).toEqual({
        status: 'erred',
        reason: `a role named "${name}" exists on ${ADMIN_ROLE}@127.0.0.1:${port} and was not made for this resource; it is left alone`,
      });
    }
    expect(await databaseRow(name)).toBeDefined();
    await superuser(async (c) => {
      await c.query(`DROP DATABASE ${name}`);
      await c.query(`DROP ROLE ${name}`);
    });
  });

  test('an offering without an admin URL, or an attribute of the wrong type: erred naming the field', async () => {
    const bare = job('0190a000-0000-7000-8000-000000000003', 'bare');
    expect(
      await postgresqlPlugin.provision({ ...bare, offering: { ...bare.offering, secret_options: {} } }, signal),
    ).toEqual({ status: 'erred', reason: expect.stringMatching(/^offering pg has no secret_options\.admin_url/) });
    expect(
      await postgresqlPlugin.provision(
        { ...bare, order: { ...bare.order, attributes: { connection_limit: 'many' } } },
        signal,
      ),
    ).toEqual({ status: 'erred', reason: 'attributes.connection_limit must be an integer, -1 (no limit) or more' });
  });
});

describe('the demo PostgreSQL offering', () => {
  test('without MERCATO_DEMO_POSTGRES_URL it is paused and says what to set; with it, orders make databases', async () => {
    const [bare, configured] = await Promise.all([startTestServer('sqlite'), startTestServer('sqlite')]);
    try {
      await seedDemoCatalog(bare.app, bare.adminToken);
      await seedDemoCatalog(configured.app, configured.adminToken, { postgresAdminUrl: adminUrl });
      const paused = await new Api(bare.url, bare.adminToken).expect(
        200,
        new Api(bare.url, bare.adminToken).get('/offerings/postgresql'),
      );
      expect(paused).toMatchObject({ type: 'postgresql', status: 'paused' });
      expect(paused.description).toContain('Set MERCATO_DEMO_POSTGRES_URL');

      const api = new Api(configured.url, configured.adminToken);
      const demo = await api.expect(200, api.get('/offerings/postgresql'));
      expect(demo).toMatchObject({ type: 'postgresql', status: 'active' });
      expectNoSecret(JSON.stringify(demo), []);
      const organization = await api.expect(201, api.post('/organizations', { name: 'Demo consumer' }));
      const project = await api.expect(201, api.post('/projects', { organization_id: organization.id, name: 'demo' }));
      const plan = (await api.expect(200, api.get(`/plans?offering_id=${demo.id}`))).items[0];
      const placed = await api.expect(
        201,
        api.post('/orders', {
          type: 'create',
          project_id: project.id,
          offering_id: demo.id,
          plan_id: plan.id,
          name: 'demo-db',
          attributes: { postgres_version: '17', database_name: 'orders' },
        }),
      );
      expect((await waitForOrder(api, placed.id, undefined, 30000)).state).toBe('done');
      const db = await api.expect(200, api.get(`/resources/${placed.resource_id}`));
      expect(db.outputs.database).toMatch(/^orders_[0-9a-f]{15}$/);
      expect(db.backend_state.connection_limit).toBe(20);
      const session = await connectAs(db.outputs, db.secret_outputs.password);
      await session.end();
      const end = await api.expect(201, api.post('/orders', { type: 'terminate', resource_id: db.id }));
      expect((await waitForOrder(api, end.id, undefined, 30000)).state).toBe('done');
      expect(await databaseRow(db.outputs.database)).toBeUndefined();
    } finally {
      await Promise.all([bare.close(), configured.close()]);
    }
  });
});

// Declared last, so it runs after every other test of the file.
describe('afterwards', () => {
  test('every connection the plugin opened is closed', async () => {
    const open = await superuser(
      async (c) =>
        (
          await c.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'mercato-postgresql-plugin'",
          )
        ).rows[0].n,
    );
    expect(open).toBe(0);
  });
});
