/**
 * The construct library's enums (src/enums.ts, which jsii needs as TypeScript enums) hold the
 * values the API accepts: each compared with the OpenAPI document the real server serves.
 */
import { serverWithOpenApi } from '../../test/support/openapi';
import { Api } from '../../test/support/api-client';
import { BillingType, OfferingStatus, OfferingType, Platform, PlanUnit, VersionStatus } from '../src/enums';

const served = serverWithOpenApi();

test('each enum holds exactly the values of the API', () => {
  const api = served.document();
  expect(Object.values(Platform)).toEqual(api.bodyProperty('post', '/offerings', 'platform').enum);
  expect(Object.values(OfferingStatus)).toEqual(api.bodyProperty('post', '/offerings', 'status').enum);
  expect(Object.values(BillingType)).toEqual(api.bodyProperty('post', '/offerings', 'components').items!.properties!.billing_type.enum);
  expect(Object.values(PlanUnit)).toEqual(api.bodyProperty('post', '/plans', 'unit').enum);
  expect(Object.values(VersionStatus)).toEqual(api.bodyProperty('post', '/offering-versions', 'status').enum);
});

test('the offering types are plugins the server has', async () => {
  // `type` is not an enumeration in the API (the server's plugins decide): each value must be one the server takes.
  const admin = new Api(served.server().url, served.server().adminToken);
  const organization = await admin.expect(201, admin.post('/organizations', { name: 'Enum probe' }));
  const category = await admin.expect(201, admin.post('/categories', { title: 'Enum probe' }));
  const refusesType = async (type: string) => {
    const response = await admin.post('/offerings', { organization_id: organization.id, category_id: category.id, name: `probe ${type}`, type });
    return response.status === 422 && (response.body.errors as { field: string }[]).some((e) => e.field === 'type');
  };
  expect(await refusesType('no-such-plugin')).toBe(true);
  for (const type of Object.values(OfferingType)) expect([type, await refusesType(type)]).toEqual([type, false]);
});
