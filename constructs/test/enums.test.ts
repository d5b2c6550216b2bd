/**
 * The library's enums (jsii needs them written out, with their docs) hold exactly the values of
 * the API's closed sets, which @mercato/api generates from the server's OpenAPI document. When
 * this fails, the server's schemas changed: update src/enums.ts to match.
 */
import {
  OFFERING_BILLING_TYPES,
  OFFERING_PLATFORMS,
  OFFERING_STATUSES,
  OFFERING_VERSION_STATUSES,
  OFFERING_VISIBILITIES,
  PLAN_UNITS,
} from '@mercato/api';
import { serverWithOpenApi } from '@mercato/test-support/openapi';
import { Api } from '@mercato/test-support/api-client';
import {
  BillingType,
  OfferingStatus,
  OfferingType,
  OfferingVisibility,
  PlanUnit,
  Platform,
  VersionStatus,
} from '../src/enums';

test.each([
  ['Platform', Platform, OFFERING_PLATFORMS],
  ['OfferingStatus', OfferingStatus, OFFERING_STATUSES],
  ['OfferingVisibility', OfferingVisibility, OFFERING_VISIBILITIES],
  ['BillingType', BillingType, OFFERING_BILLING_TYPES],
  ['PlanUnit', PlanUnit, PLAN_UNITS],
  ['VersionStatus', VersionStatus, OFFERING_VERSION_STATUSES],
])('%s has the values the API takes, in its order', (_name, enumeration, values) => {
  expect(Object.values(enumeration)).toEqual([...values]);
});

const served = serverWithOpenApi();

test('the offering types are plugins the server has', async () => {
  // `type` is not an enumeration in the API (the server's plugins decide): each value must be one the server takes.
  const admin = new Api(served.server().url, served.server().adminToken);
  const organization = await admin.expect(201, admin.post('/organizations', { name: 'Enum probe' }));
  const category = await admin.expect(201, admin.post('/categories', { title: 'Enum probe' }));
  const refusesType = async (type: string) => {
    const response = await admin.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: `probe ${type}`,
      type,
    });
    return response.status === 422 && (response.body.errors as { field: string }[]).some((e) => e.field === 'type');
  };
  expect(await refusesType('no-such-plugin')).toBe(true);
  for (const type of Object.values(OfferingType)) expect([type, await refusesType(type)]).toEqual([type, false]);
});
