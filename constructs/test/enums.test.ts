/**
 * The library's enums (jsii needs them written out, with their docs) hold exactly the values of
 * the API's closed sets, which @mercato/api generates from the server's OpenAPI document. When
 * this fails, the server's schemas changed: update src/enums.ts to match.
 */
import { OFFERING_BILLING_TYPES, OFFERING_PLATFORMS, OFFERING_STATUSES, OFFERING_VERSION_STATUSES, PLAN_UNITS } from '@mercato/api';
import { BillingType, OfferingStatus, PlanUnit, Platform, VersionStatus } from '../src/enums';

test.each([
  ['Platform', Platform, OFFERING_PLATFORMS],
  ['OfferingStatus', OfferingStatus, OFFERING_STATUSES],
  ['BillingType', BillingType, OFFERING_BILLING_TYPES],
  ['PlanUnit', PlanUnit, PLAN_UNITS],
  ['VersionStatus', VersionStatus, OFFERING_VERSION_STATUSES],
])('%s has the values the API takes, in its order', (_name, enumeration, values) => {
  expect(Object.values(enumeration)).toEqual([...values]);
});
