import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import { assertPeriodOpen } from '../src/billing/billing-periods';
import { INVOICE_CSV_COLUMNS } from '../src/billing/invoice-csv';
import { upsertUsage } from '../src/usage/usage-repository';

/**
 * Invoices over HTTP (billing/invoices-routes.ts) on both databases: order histories placed at
 * chosen instants (only Date is faked: the server stamps `completed_at` with `new Date()` and runs
 * in this process; its worker's timers stay real), then every figure of the pending and final
 * invoices, the close, the CSV export and the provider's earnings asserted exactly.
 *
 * Figures (EUR, plans priced per month; February 2024 has 29 days = 2,505,600 s):
 * plan small: cpu 3 per core, base 31, traffic 0.5 per GB, setup 10; plan large: cpu 6, base 62,
 * traffic 0.4, setup 20. Offering "Billed VM" bills paused time (the default), "Free pause" does not.
 */

const FEB = 29 * 86_400;
const DAY = 86_400;

/** Only Date: the worker, the HTTP client and the database drivers keep real timers. */
const FAKE_DATE_ONLY: Parameters<typeof jest.useFakeTimers>[0] = {
  doNotFake: [
    'nextTick',
    'setImmediate',
    'clearImmediate',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'queueMicrotask',
    'hrtime',
    'performance',
  ],
};

const COMPONENTS = [
  { type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' },
  { type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' },
  { type: 'traffic', name: 'Traffic', measured_unit: 'GB', billing_type: 'usage' },
  { type: 'setup', name: 'Setup', measured_unit: '', billing_type: 'one-time' },
];

describe.each(DATABASE_KINDS)('invoices on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  type Priced = { id: string; name: string; small: { id: string }; large: { id: string } };
  let billed: Priced;
  let freePause: Priced;
  const resources: Record<string, string> = {};

  const publish = async (name: string, billPaused?: boolean): Promise<Priced> => {
    const sm = w.serviceManager.api;
    const offering = await sm.expect(
      201,
      sm.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name,
        type: 'allocation',
        status: 'active',
        auto_approve: true,
        components: COMPONENTS,
        ...(billPaused === undefined ? {} : { bill_paused: billPaused }),
      }),
    );
    await sm.expect(201, sm.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }));
    const plan = (planName: string, prices: object) =>
      sm.expect(201, sm.post('/plans', { offering_id: offering.id, name: planName, unit: 'month', prices }));
    const small = await plan('small', { cpu: 3, base: 31, traffic: '0.5', setup: 10 });
    const large = await plan('large', { cpu: 6, base: 62, traffic: '0.4', setup: 20 });
    return { id: offering.id, name, small, large };
  };

  /** Places an order at `instant` (faked Date) as the project's manager and waits until it is done. */
  const orderAt = async (instant: string, api: Api, body: object) => {
    jest.setSystemTime(new Date(instant));
    const order = await api.expect(201, api.post('/orders', body));
    const done = await waitForOrder(admin, order.id, undefined, 20_000);
    expect([done.state, done.completed_at]).toEqual(['done', new Date(instant).toISOString()]);
    return order;
  };

  const createAt = async (instant: string, tenant: World['consumer'], offering: Priced, name: string, cpu: number) => {
    const order = await orderAt(instant, tenant.manager.api, {
      type: 'create',
      project_id: tenant.project.id,
      offering_id: offering.id,
      plan_id: offering.small.id,
      name,
      limits: { cpu },
    });
    resources[name] = order.resource_id;
  };

  const changeAt = (instant: string, name: string, body: object, tenant = w.consumer) =>
    orderAt(instant, tenant.manager.api, { resource_id: resources[name], ...body });

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 20 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `inv-${kind}`);
    billed = await publish('Billed VM');
    freePause = await publish('Free pause, "B"', false);
    jest.useFakeTimers(FAKE_DATE_ONLY);
    // alpha: across the January/February boundary, terminated mid-February.
    await createAt('2024-01-16T00:00:00Z', w.consumer, billed, 'alpha, "first"', 2);
    await changeAt('2024-02-15T00:00:00Z', 'alpha, "first"', { type: 'terminate' });
    // beta: a limit change on the 11th, a plan switch on the 21st; usage reported.
    await createAt('2024-02-01T00:00:00Z', w.consumer, billed, 'beta', 1);
    await changeAt('2024-02-11T00:00:00Z', 'beta', { type: 'update', limits: { cpu: 4 } });
    await changeAt('2024-02-21T00:00:00Z', 'beta', { type: 'update', plan_id: billed.large.id });
    // gamma and delta: paused from the 8th to the 15th; only gamma's offering bills paused time.
    for (const [name, offering] of [
      ['gamma', billed],
      ['delta', freePause],
    ] as const) {
      await createAt('2024-02-01T00:00:00Z', w.consumer, offering, name, 1);
      await changeAt('2024-02-08T00:00:00Z', name, { type: 'pause' });
      await changeAt('2024-02-15T00:00:00Z', name, { type: 'resume' });
    }
    // The other organization's resource.
    await createAt('2024-02-10T00:00:00Z', w.other, billed, 'epsilon', 1);
    jest.setSystemTime(new Date('2024-03-05T12:00:00Z'));
    const report = (report_id: string, amount: string) =>
      upsertUsage(
        server.app.db,
        { resource_id: resources.beta, component: 'traffic', period: '2024-02', report_id, amount },
        w.serviceManager.id,
        new Date().toISOString(),
      );
    await report('r1', '100');
    await report('r1', '120'); // the same report id replaces
    await report('r2', '30'); // another id adds: 150 GB
  }, 120_000);
  afterAll(async () => {
    jest.useRealTimers();
    await server?.close();
  });

  type Spec = {
    resource: string;
    offering?: Priced;
    plan?: 'small' | 'large';
    component: 'cpu' | 'base' | 'traffic' | 'setup';
    quantity: string;
    from: string;
    to: string;
    seconds: number;
    amount: string;
    project?: World['consumer']['project'];
  };
  const PRICES = {
    small: { cpu: '3', base: '31', traffic: '0.5', setup: '10' },
    large: { cpu: '6', base: '62', traffic: '0.4', setup: '20' },
  };

  /** The whole item a spec describes: every field of InvoiceItem. */
  const item = (s: Spec) => {
    const offering = s.offering ?? billed;
    const plan = s.plan ?? 'small';
    const component = COMPONENTS.find((c) => c.type === s.component)!;
    const project = s.project ?? w.consumer.project;
    return {
      resource_id: resources[s.resource],
      resource_name: s.resource,
      project_id: project.id,
      project_name: project.name,
      offering_id: offering.id,
      offering_name: offering.name,
      provider_organization_id: w.provider.id,
      plan_id: offering[plan].id,
      plan_name: plan,
      plan_unit: 'month',
      component: component.type,
      component_name: component.name,
      billing_type: component.billing_type,
      measured_unit: component.measured_unit,
      quantity: s.quantity,
      unit_price: PRICES[plan][s.component],
      currency: 'EUR',
      period_start: new Date(s.from).toISOString(),
      period_end: new Date(s.to).toISOString(),
      billed_seconds: s.seconds,
      amount: s.amount,
    };
  };

  const FEB_START = '2024-02-01T00:00:00Z';
  const MAR_START = '2024-03-01T00:00:00Z';
  const day = (n: number) => `2024-02-${String(n).padStart(2, '0')}T00:00:00Z`;

  // January: alpha from the 16th (16 of 31 days): cpu 2 × 3 × 16/31 = 3.0967…, base 31 × 16/31.
  const january = () => [
    item({
      resource: 'alpha, "first"',
      component: 'cpu',
      quantity: '2',
      from: '2024-01-16T00:00:00Z',
      to: FEB_START,
      seconds: 16 * DAY,
      amount: '3.10',
    }),
    item({
      resource: 'alpha, "first"',
      component: 'base',
      quantity: '1',
      from: '2024-01-16T00:00:00Z',
      to: FEB_START,
      seconds: 16 * DAY,
      amount: '16.00',
    }),
    item({
      resource: 'alpha, "first"',
      component: 'setup',
      quantity: '1',
      from: '2024-01-16T00:00:00Z',
      to: '2024-01-16T00:00:00Z',
      seconds: 0,
      amount: '10.00',
    }),
  ];
  // February (29 days, leap year), each amount = quantity × price × days/29, rounded half-up.
  const february = () => [
    // alpha: terminated on the 15th (14 days); no one-time charge outside its creation month.
    item({
      resource: 'alpha, "first"',
      component: 'cpu',
      quantity: '2',
      from: FEB_START,
      to: day(15),
      seconds: 14 * DAY,
      amount: '2.90',
    }), // 84/29
    item({
      resource: 'alpha, "first"',
      component: 'base',
      quantity: '1',
      from: FEB_START,
      to: day(15),
      seconds: 14 * DAY,
      amount: '14.97',
    }), // 434/29
    // beta: cpu 1 for 10 days, cpu 4 on small for 10, cpu 4 on large for 9; base split by the plan switch only.
    item({
      resource: 'beta',
      component: 'cpu',
      quantity: '1',
      from: FEB_START,
      to: day(11),
      seconds: 10 * DAY,
      amount: '1.03',
    }), // 30/29
    item({
      resource: 'beta',
      component: 'cpu',
      quantity: '4',
      from: day(11),
      to: day(21),
      seconds: 10 * DAY,
      amount: '4.14',
    }), // 120/29
    item({
      resource: 'beta',
      plan: 'large',
      component: 'cpu',
      quantity: '4',
      from: day(21),
      to: MAR_START,
      seconds: 9 * DAY,
      amount: '7.45',
    }), // 216/29
    item({
      resource: 'beta',
      component: 'base',
      quantity: '1',
      from: FEB_START,
      to: day(21),
      seconds: 20 * DAY,
      amount: '21.38',
    }), // 620/29
    item({
      resource: 'beta',
      plan: 'large',
      component: 'base',
      quantity: '1',
      from: day(21),
      to: MAR_START,
      seconds: 9 * DAY,
      amount: '19.24',
    }), // 558/29
    // usage: 120 (r1, replaced) + 30 (r2) GB at the price of the plan held last, 0.4
    item({
      resource: 'beta',
      plan: 'large',
      component: 'traffic',
      quantity: '150',
      from: FEB_START,
      to: MAR_START,
      seconds: 0,
      amount: '60.00',
    }),
    item({
      resource: 'beta',
      component: 'setup',
      quantity: '1',
      from: FEB_START,
      to: FEB_START,
      seconds: 0,
      amount: '10.00',
    }),
    // delta: its offering leaves paused time (8th to 15th) free.
    item({
      resource: 'delta',
      offering: freePause,
      component: 'cpu',
      quantity: '1',
      from: FEB_START,
      to: day(8),
      seconds: 7 * DAY,
      amount: '0.72',
    }), // 21/29
    item({
      resource: 'delta',
      offering: freePause,
      component: 'cpu',
      quantity: '1',
      from: day(15),
      to: MAR_START,
      seconds: 15 * DAY,
      amount: '1.55',
    }), // 45/29
    item({
      resource: 'delta',
      offering: freePause,
      component: 'base',
      quantity: '1',
      from: FEB_START,
      to: day(8),
      seconds: 7 * DAY,
      amount: '7.48',
    }), // 217/29
    item({
      resource: 'delta',
      offering: freePause,
      component: 'base',
      quantity: '1',
      from: day(15),
      to: MAR_START,
      seconds: 15 * DAY,
      amount: '16.03',
    }), // 465/29
    item({
      resource: 'delta',
      offering: freePause,
      component: 'setup',
      quantity: '1',
      from: FEB_START,
      to: FEB_START,
      seconds: 0,
      amount: '10.00',
    }),
    // gamma: paused time billed like active time, so the month is one stretch.
    item({
      resource: 'gamma',
      component: 'cpu',
      quantity: '1',
      from: FEB_START,
      to: MAR_START,
      seconds: FEB,
      amount: '3.00',
    }),
    item({
      resource: 'gamma',
      component: 'base',
      quantity: '1',
      from: FEB_START,
      to: MAR_START,
      seconds: FEB,
      amount: '31.00',
    }),
    item({
      resource: 'gamma',
      component: 'setup',
      quantity: '1',
      from: FEB_START,
      to: FEB_START,
      seconds: 0,
      amount: '10.00',
    }),
  ];
  const FEBRUARY_TOTAL = '220.89';

  // The other organization: epsilon from the 10th (20 days: 10th to 29th).
  const otherFebruary = () => {
    const project = w.other.project;
    return [
      item({
        resource: 'epsilon',
        project,
        component: 'cpu',
        quantity: '1',
        from: day(10),
        to: MAR_START,
        seconds: 20 * DAY,
        amount: '2.07',
      }), // 60/29
      item({
        resource: 'epsilon',
        project,
        component: 'base',
        quantity: '1',
        from: day(10),
        to: MAR_START,
        seconds: 20 * DAY,
        amount: '21.38',
      }), // 620/29
      item({
        resource: 'epsilon',
        project,
        component: 'setup',
        quantity: '1',
        from: day(10),
        to: day(10),
        seconds: 0,
        amount: '10.00',
      }),
    ];
  };

  const invoiceOf = async (organizationId: string, period: string, api = w.consumer.owner.api) => {
    const { items } = await api.expect(200, api.get(`/invoices?organization_id=${organizationId}&period=${period}`));
    expect(items).toHaveLength(1);
    return items[0];
  };

  test('offerings carry bill_paused: true by default, as set otherwise', async () => {
    const sm = w.serviceManager.api;
    expect((await sm.expect(200, sm.get(`/offerings/${billed.id}`))).bill_paused).toBe(true);
    expect((await sm.expect(200, sm.get(`/offerings/${freePause.id}`))).bill_paused).toBe(false);
    const patched = await sm.expect(200, sm.patch(`/offerings/${billed.id}`, { bill_paused: false }));
    expect(patched.bill_paused).toBe(false);
    expect((await sm.expect(200, sm.patch(`/offerings/${billed.id}`, { bill_paused: true }))).bill_paused).toBe(true);
    const bad = await sm.patch(`/offerings/${billed.id}`, { bill_paused: 'yes' });
    expect([bad.status, bad.body.errors]).toEqual([400, [{ field: 'bill_paused', message: 'must be boolean' }]]);
  });

  test('pending invoices: every figure of January and of a leap-year February, per organization', async () => {
    const jan = await invoiceOf(w.consumer.organization.id, '2024-01');
    expect(jan).toEqual({
      id: null,
      organization_id: w.consumer.organization.id,
      period: '2024-01',
      state: 'pending',
      totals: [{ currency: 'EUR', amount: '29.10' }],
      items: january(),
      closed_at: null,
    });
    const feb = await invoiceOf(w.consumer.organization.id, '2024-02');
    expect(feb).toEqual({
      id: null,
      organization_id: w.consumer.organization.id,
      period: '2024-02',
      state: 'pending',
      totals: [{ currency: 'EUR', amount: FEBRUARY_TOTAL }],
      items: february(),
      closed_at: null,
    });
    const other = await invoiceOf(w.other.organization.id, '2024-02', w.other.owner.api);
    expect(other).toMatchObject({ state: 'pending', totals: [{ currency: 'EUR', amount: '33.45' }] });
    expect(other.items).toEqual(otherFebruary());
    // No charges: an invoice without items.
    expect(await invoiceOf(w.other.organization.id, '2024-01', w.other.owner.api)).toEqual({
      id: null,
      organization_id: w.other.organization.id,
      period: '2024-01',
      state: 'pending',
      totals: [],
      items: [],
      closed_at: null,
    });
    const one = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.get(`/invoices/${w.consumer.organization.id}/2024-02`),
    );
    expect(one).toEqual(feb);
  });

  test("only an organization's owners and staff see its invoices; other organizations' are not found", async () => {
    const path = `/invoices?organization_id=${w.consumer.organization.id}&period=2024-02`;
    for (const member of [w.consumer.manager, w.consumer.member]) {
      const refused = await member.api.get(path);
      expect(refused.status).toBe(403);
      expect((await member.api.get(`/invoices/${w.consumer.organization.id}/2024-02`)).status).toBe(403);
    }
    for (const stranger of [w.other.owner, w.serviceManager]) {
      const hidden = await stranger.api.get(path);
      expect([hidden.status, hidden.body.detail]).toEqual([
        404,
        `organization ${w.consumer.organization.id} was not found`,
      ]);
      expect((await stranger.api.get(`/invoices/${w.consumer.organization.id}/2024-02?format=csv`)).status).toBe(404);
    }
    const noOrganization = await w.consumer.owner.api.get('/invoices?period=2024-02');
    expect([noOrganization.status, noOrganization.body.errors[0].field]).toEqual([422, 'organization_id']);
    // Staff may see every organization's month: each organization's own items, never mixed.
    const all = await admin.expect(200, admin.get('/invoices?period=2024-02'));
    const byOrganization = Object.fromEntries(
      all.items.map((i: { organization_id: string }) => [i.organization_id, i]),
    );
    expect(byOrganization[w.consumer.organization.id].items).toEqual(february());
    expect(byOrganization[w.other.organization.id].items).toEqual(otherFebruary());
    expect(all.items).toHaveLength(2);
    const bad = await admin.get('/invoices?organization_id=x&period=2024-13');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'querystring.organization_id',
      'querystring.period',
    ]);
  });

  test('CSV export: a header of every item field, one RFC 4180 row per item, parsed back equal to the JSON', async () => {
    const api = w.consumer.owner.api;
    const response = await api.get(`/invoices/${w.consumer.organization.id}/2024-02?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = String(response.body);
    expect(text).toContain('"alpha, ""first"""');
    expect(text).toContain('"Free pause, ""B"""');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(INVOICE_CSV_COLUMNS);
    const json = await api.expect(200, api.get(`/invoices/${w.consumer.organization.id}/2024-02?format=json`));
    const parsed = rows.map((row) =>
      Object.fromEntries(header.map((c, i) => [c, c === 'billed_seconds' ? Number(row[i]) : row[i]])),
    );
    expect(parsed).toEqual(json.items);
    expect(parsed).toEqual(february());
  });

  test('provider earnings: sums per offering over every consumer, no consumer item shown', async () => {
    const earnings = await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.get(`/earnings?organization_id=${w.provider.id}&period=2024-02`),
    );
    // Billed VM: alpha 17.87 + beta 123.24 + gamma 44.00 + epsilon (other organization) 33.45.
    expect(earnings).toEqual({
      items: [
        {
          offering_id: billed.id,
          offering_name: 'Billed VM',
          totals: [{ currency: 'EUR', amount: '218.56' }],
          resources: 4,
        },
        {
          offering_id: freePause.id,
          offering_name: 'Free pause, "B"',
          totals: [{ currency: 'EUR', amount: '35.78' }],
          resources: 1,
        },
      ],
    });
    expect((await w.consumer.owner.api.get(`/earnings?organization_id=${w.provider.id}&period=2024-02`)).status).toBe(
      404,
    );
    const staff = await admin.expect(200, admin.get(`/earnings?organization_id=${w.provider.id}&period=2024-01`));
    expect(staff.items).toEqual([
      {
        offering_id: billed.id,
        offering_name: 'Billed VM',
        totals: [{ currency: 'EUR', amount: '29.10' }],
        resources: 1,
      },
    ]);
  });

  test('closing: staff only, refused before the month ends, then final invoices equal to the pending ones, safe to repeat', async () => {
    const pendingFebruary = await invoiceOf(w.consumer.organization.id, '2024-02');
    const notStaff = await w.consumer.owner.api.post('/invoices/close', { period: '2024-02' });
    expect(notStaff.status).toBe(403);
    const early = await admin.post('/invoices/close', { period: '2024-03' });
    expect([early.status, early.body.errors]).toEqual([
      409,
      [{ field: 'period', message: expect.stringMatching(/2024-03 has not ended yet/) }],
    ]);
    const badPeriod = await admin.post('/invoices/close', { period: '2024-2' });
    expect([badPeriod.status, badPeriod.body.errors[0].field]).toEqual([400, 'period']);

    const first = await admin.post('/invoices/close', { period: '2024-02' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      period: '2024-02',
      closed_at: '2024-03-05T12:00:00.000Z',
      closed_by: expect.any(String),
      invoices: 2,
      totals: [{ currency: 'EUR', amount: '254.34' }], // 220.89 + 33.45
    });
    jest.setSystemTime(new Date('2024-03-06T00:00:00Z'));
    const again = await admin.post('/invoices/close', { period: '2024-02' });
    expect([again.status, again.body]).toEqual([200, first.body]);
    const counts = async () => ({
      invoices: (await server.app.db.selectFrom('invoices').select('id').where('period', '=', '2024-02').execute())
        .length,
      items: (
        await server.app.db
          .selectFrom('invoice_items')
          .innerJoin('invoices', 'invoices.id', 'invoice_items.invoice_id')
          .select('invoice_items.id')
          .where('invoices.period', '=', '2024-02')
          .execute()
      ).length,
    });
    expect(await counts()).toEqual({ invoices: 2, items: february().length + otherFebruary().length });

    const final = await invoiceOf(w.consumer.organization.id, '2024-02');
    expect(final).toEqual({
      ...pendingFebruary,
      id: expect.any(String),
      state: 'final',
      closed_at: '2024-03-05T12:00:00.000Z',
    });
    // A final invoice is what the close wrote: a report slipped past the closed month changes nothing.
    await upsertUsage(
      server.app.db,
      { resource_id: resources.beta, component: 'traffic', period: '2024-02', report_id: 'r3', amount: '1000' },
      null,
      new Date().toISOString(),
    );
    expect(await invoiceOf(w.consumer.organization.id, '2024-02')).toEqual(final);
    const events = await admin.expect(200, admin.get('/events?action=billing.period_closed'));
    expect(events.items.filter((e: { object_id: string }) => e.object_id === '2024-02')).toHaveLength(1);

    // January closed later; the other organization owed nothing then.
    // Two closes at once: one writes, the other answers what it wrote.
    const both = await Promise.all([1, 2].map(() => admin.post('/invoices/close', { period: '2024-01' })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(both[0].body).toEqual(both[1].body);
    expect(both[0].body).toMatchObject({ invoices: 1, totals: [{ currency: 'EUR', amount: '29.10' }] });
    expect(
      (await server.app.db.selectFrom('invoices').select('id').where('period', '=', '2024-01').execute()).length,
    ).toBe(1);
    expect(await invoiceOf(w.other.organization.id, '2024-01', w.other.owner.api)).toEqual({
      id: null,
      organization_id: w.other.organization.id,
      period: '2024-01',
      state: 'final',
      totals: [],
      items: [],
      closed_at: '2024-03-06T00:00:00.000Z',
    });
    // The list: this month's pending invoice, then the final ones, newest first.
    const list = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.get(`/invoices?organization_id=${w.consumer.organization.id}`),
    );
    expect(list.items.map((i: { period: string; state: string }) => [i.period, i.state])).toEqual([
      ['2024-03', 'pending'],
      ['2024-02', 'final'],
      ['2024-01', 'final'],
    ]);
    expect(list.items[1]).toEqual(final);
    expect(list.items[2].items).toEqual(january());
    // Earnings of a closed month come from the final items: the same sums.
    const earnings = await admin.expect(200, admin.get(`/earnings?organization_id=${w.provider.id}&period=2024-02`));
    expect(earnings.items.map((e: { totals: { amount: string }[] }) => e.totals[0].amount)).toEqual([
      '218.56',
      '35.78',
    ]);
  });

  test('usage for a closed month is refused through assertPeriodOpen; an open month takes it', async () => {
    const tryReport = (period: string) =>
      server.app.db.transaction().execute((trx) => assertPeriodOpen(trx, w.consumer.organization.id, period));
    await expect(tryReport('2024-02')).rejects.toMatchObject({
      status: 409,
      errors: [{ field: 'period', message: expect.stringMatching(/2024-02 was closed/) }],
    });
    await expect(tryReport('2024-03')).resolves.toBeUndefined();
  });
});

/** RFC 4180 records: fields quoted with doubled quotes may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const pair = text.slice(i, i + 2);
    if (quoted && pair === '""') {
      field += '"';
      i += 2;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && pair === '\r\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
    i++;
  }
  expect([quoted, field, record]).toEqual([false, '', []]); // the last record ended with CRLF: nothing after it
  return records;
}
