import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import { currencyOf } from '../src/billing/currencies';
import { money, roundToMinorUnit } from '../src/billing/money';

/**
 * Money (billing/money.ts, currencies.ts), plan currencies and exact prices, and cost estimates:
 * `POST /cost-estimates` and `cost_estimate` on create and update orders, every figure exact.
 */

describe('money: one rounding, half-up, to the minor unit of the currency', () => {
  const round = (amount: string, code: string) => roundToMinorUnit(money(amount), currencyOf(code)!);

  test.each([
    ['10.005', 'EUR', '10.01'],
    ['10.0049999999999999999', 'EUR', '10.00'],
    ['-0.005', 'EUR', '-0.01'],
    ['2.5', 'JPY', '3'],
    ['1234.4999', 'JPY', '1234'],
    ['0.0005', 'BHD', '0.001'],
    ['1.23455', 'CLF', '1.2346'],
    ['7', 'USD', '7.00'],
  ])('%s %s is %s', (amount, code, rounded) => expect(round(amount, code)).toBe(rounded));

  test('minor units come from ISO 4217; codes without one are not currencies', () => {
    expect(currencyOf('EUR')).toEqual({ code: 'EUR', minorUnit: 2 });
    expect(currencyOf('JPY')).toEqual({ code: 'JPY', minorUnit: 0 });
    expect(currencyOf('KWD')).toEqual({ code: 'KWD', minorUnit: 3 });
    expect(currencyOf('XAU')).toBeUndefined();
    expect(currencyOf('eur')).toBeUndefined();
    expect(currencyOf('ABC')).toBeUndefined();
  });
});

describe.each(DATABASE_KINDS)('plan currency and cost estimates on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let offering: { id: string };
  let plan: { id: string };

  const components = [
    { type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' },
    { type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' },
    { type: 'traffic', name: 'Traffic', measured_unit: 'GB', billing_type: 'usage' },
    { type: 'setup', name: 'Setup', billing_type: 'one-time' },
  ];

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `ce-${kind}`);
    const sm = w.serviceManager.api;
    offering = await sm.expect(
      201,
      sm.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: `Priced VM ${kind}`,
        type: 'allocation',
        status: 'active',
        auto_approve: true,
        components,
      }),
    );
    await sm.expect(201, sm.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }));
    plan = await sm.expect(
      201,
      sm.post('/plans', {
        offering_id: offering.id,
        name: 'standard',
        prices: { cpu: '7.333', base: 10.005, traffic: '0.01', setup: '99.995' },
      }),
    );
  });
  afterAll(() => server?.close());

  const estimate = (body: object, api = w.consumer.manager.api) => api.post('/cost-estimates', body);

  test('a plan without a currency is in EUR; prices are kept and answered as exact decimal strings', async () => {
    expect(plan).toMatchObject({
      currency: 'EUR',
      prices: { cpu: '7.333', base: '10.005', traffic: '0.01', setup: '99.995' },
    });
    const sm = w.serviceManager.api;
    const precise = await sm.expect(
      201,
      sm.post('/plans', {
        offering_id: offering.id,
        name: 'precise',
        currency: 'USD',
        prices: { cpu: '0.12345678901234567891', base: '12345678901234567890.5', setup: 0 },
      }),
    );
    const read = await sm.expect(200, sm.get(`/plans/${precise.id}`));
    expect(read).toMatchObject({
      currency: 'USD',
      prices: { cpu: '0.12345678901234567891', base: '12345678901234567890.5', setup: '0' },
    });
    const patched = await sm.expect(200, sm.patch(`/plans/${precise.id}`, { currency: 'JPY', prices: { cpu: 1e-7 } }));
    expect(patched).toMatchObject({ currency: 'JPY', prices: { cpu: '0.0000001' } });
    expect((await sm.expect(200, sm.get(`/plans/${precise.id}`))).prices).toEqual({ cpu: '0.0000001' });
  });

  test('prices stored as JSON numbers (before migration 018) are read as the same decimals', async () => {
    const sm = w.serviceManager.api;
    const old = await sm.expect(201, sm.post('/plans', { offering_id: offering.id, name: 'old' }));
    await server.app.db
      .updateTable('plans')
      .set({ prices: '{"cpu":0.05,"base":12}' })
      .where('id', '=', old.id)
      .execute();
    expect((await sm.expect(200, sm.get(`/plans/${old.id}`))).prices).toEqual({ cpu: '0.05', base: '12' });
    const estimate = await w.consumer.manager.api.expect(
      200,
      w.consumer.manager.api.post('/cost-estimates', { offering_id: offering.id, plan_id: old.id, limits: { cpu: 3 } }),
    );
    expect(estimate).toMatchObject({ currency: 'EUR', monthly_total: '12.15' });
  });

  test('an unknown currency, one without a minor unit, and prices that are not decimals are refused naming the field', async () => {
    const sm = w.serviceManager.api;
    const refused = async (body: object, field: string, message: RegExp) => {
      const response = await sm.post('/plans', { offering_id: offering.id, name: 'bad', ...body });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    };
    await refused({ currency: 'ABC' }, 'currency', /not an ISO 4217 currency code/);
    await refused({ currency: 'eur' }, 'currency', /not an ISO 4217 currency code/);
    await refused({ currency: 'XAU' }, 'currency', /XAU has no minor unit/);
    for (const price of [-1, '-1', '1e3', '1,5', '01.5', ' 1', '0.123456789012345678901']) {
      const response = await sm.post('/plans', { offering_id: offering.id, name: 'bad', prices: { cpu: price } });
      expect([price, response.status, response.body.errors]).toEqual([
        price,
        400,
        [
          {
            field: 'prices.cpu',
            message: typeof price === 'number' ? 'must be >= 0' : expect.stringMatching(/^must match pattern/),
          },
        ],
      ]);
    }
    const list = await sm.expect(200, sm.get(`/plans?offering_id=${offering.id}&name=bad`));
    expect(list.items).toEqual([]);
  });

  test('POST /cost-estimates: fixed and limit monthly, usage 0 with a note, one-time apart, each rounded once half-up', async () => {
    const body = await w.consumer.manager.api.expect(
      200,
      estimate({ offering_id: offering.id, plan_id: plan.id, limits: { cpu: 3 } }),
    );
    expect(body).toEqual({
      offering_id: offering.id,
      plan_id: plan.id,
      currency: 'EUR',
      monthly_total: '32.01',
      one_time_total: '100.00',
      components: [
        {
          type: 'cpu',
          name: 'CPU',
          billing_type: 'limit',
          measured_unit: 'cores',
          quantity: '3',
          unit_price: '7.333',
          amount: '22.00',
          charged: 'monthly',
          note: '',
        },
        {
          type: 'base',
          name: 'Base fee',
          billing_type: 'fixed',
          measured_unit: 'month',
          quantity: '1',
          unit_price: '10.005',
          amount: '10.01',
          charged: 'monthly',
          note: '',
        },
        {
          type: 'traffic',
          name: 'Traffic',
          billing_type: 'usage',
          measured_unit: 'GB',
          quantity: '0',
          unit_price: '0.01',
          amount: '0.00',
          charged: 'monthly',
          note: 'billed on reported usage: not estimable in advance, counted as 0',
        },
        {
          type: 'setup',
          name: 'Setup',
          billing_type: 'one-time',
          measured_unit: '',
          quantity: '1',
          unit_price: '99.995',
          amount: '100.00',
          charged: 'one-time',
          note: '',
        },
      ],
    });
  });

  test('estimates in the currency of the plan, by its unit: JPY without decimals, a day plan over 30 days', async () => {
    const sm = w.serviceManager.api;
    const yen = await sm.expect(
      201,
      sm.post('/plans', { offering_id: offering.id, name: 'yen', currency: 'JPY', prices: { cpu: 1234.5, base: 0.5 } }),
    );
    const inYen = await w.consumer.owner.api.expect(
      200,
      estimate({ offering_id: offering.id, plan_id: yen.id, limits: { cpu: 1 } }, w.consumer.owner.api),
    );
    expect(inYen).toMatchObject({ currency: 'JPY', monthly_total: '1236', one_time_total: '0' });
    expect(inYen.components.map((c: { amount: string }) => c.amount)).toEqual(['1235', '1', '0', '0']);
    const daily = await sm.expect(
      201,
      sm.post('/plans', { offering_id: offering.id, name: 'daily', unit: 'day', prices: { base: '1.5', setup: 2 } }),
    );
    const byDay = await w.consumer.manager.api.expect(200, estimate({ offering_id: offering.id, plan_id: daily.id }));
    expect(byDay).toMatchObject({ monthly_total: '45.00', one_time_total: '2.00' });
  });

  test('bad estimate requests name the field', async () => {
    const api = w.consumer.manager.api;
    const problem = async (body: object, status: number, field: string) => {
      const response = await estimate(body);
      expect(response.status).toBe(status);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    };
    await problem({ offering_id: offering.id, plan_id: w.manual.plan.id }, 422, 'plan_id');
    await problem({ offering_id: offering.id, plan_id: plan.id, limits: { base: 1 } }, 422, 'limits.base');
    await problem({ offering_id: offering.id }, 400, 'plan_id');
    expect((await api.post('/cost-estimates', { offering_id: offering.id, plan_id: plan.id, total: 1 })).status).toBe(
      400,
    );
  });

  test('orders carry the estimate of what they lead to, stored with them: create, limit change, plan switch', async () => {
    const api = w.consumer.manager.api;
    const created = await api.expect(
      201,
      api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: plan.id,
        name: `vm-${kind}`,
        limits: { cpu: 3 },
      }),
    );
    expect(created.cost_estimate).toMatchObject({ currency: 'EUR', monthly_total: '32.01', one_time_total: '100.00' });
    const done = await waitForOrder(api, created.id);
    expect(done.state).toBe('done');
    expect(done.cost_estimate.monthly_total).toBe('32.01');

    const more = await api.expect(
      201,
      api.post('/orders', { type: 'update', resource_id: created.resource_id, limits: { cpu: 4 } }),
    );
    // cpu 4 × 7.333 = 29.332 → 29.33; base 10.005 → 10.01
    expect(more.cost_estimate).toMatchObject({ monthly_total: '39.34' });
    await waitForOrder(api, more.id);

    const sm = w.serviceManager.api;
    const cheaper = await sm.expect(
      201,
      sm.post('/plans', { offering_id: offering.id, name: 'cheaper', prices: { cpu: '0.125', base: '0.005' } }),
    );
    const switched = await api.expect(
      201,
      api.post('/orders', { type: 'update', resource_id: created.resource_id, plan_id: cheaper.id }),
    );
    // cpu 4 × 0.125 = 0.5; base 0.005 → 0.01 (half-up)
    expect(switched.cost_estimate).toMatchObject({ monthly_total: '0.51', one_time_total: '0.00' });
    expect((await api.expect(200, api.get(`/orders/${switched.id}`))).cost_estimate.monthly_total).toBe('0.51');
    await waitForOrder(api, switched.id);

    const terminate = await api.expect(
      201,
      api.post('/orders', { type: 'terminate', resource_id: created.resource_id }),
    );
    expect(terminate.cost_estimate).toBeNull();
  });
});
