/**
 * The provider's copy of what the API allows (src/api-contract.ts: enumerations, patterns,
 * lengths), compared with the OpenAPI document the real server serves, so the plan-time checks
 * cannot drift from what the server accepts. (The lists are to come from @mercato/api.)
 */
import { serverWithOpenApi } from '@mercato/test-support/openapi';
import {
  BILLING_TYPES,
  COMPONENT_TYPE,
  MINIMUM_PRICE,
  NAME_LENGTH,
  OBJECT_ID,
  OFFERING_STATUSES,
  OFFERING_VISIBILITIES,
  PERIOD,
  PLAN_UNITS,
  PLATFORMS,
  RESOURCE_STATES,
  SLUG,
  VERSION_STATUSES,
} from '../src/api-contract';

const served = serverWithOpenApi();

test('the enumerations are the ones the server accepts and answers, in every operation that has them', () => {
  const api = served.document();
  for (const schema of [
    api.bodyProperty('post', '/offerings', 'platform'),
    api.bodyProperty('patch', '/offerings/{id}', 'platform'),
    api.queryParameter('/offerings', 'platform'),
  ]) {
    expect(schema.enum).toEqual([...PLATFORMS]);
  }
  for (const schema of [
    api.bodyProperty('post', '/offerings', 'status'),
    api.bodyProperty('patch', '/offerings/{id}', 'status'),
    api.queryParameter('/offerings', 'status'),
  ]) {
    expect(schema.enum).toEqual([...OFFERING_STATUSES]);
  }
  for (const method of ['post', 'patch'] as const) {
    const path = method === 'post' ? '/offerings' : '/offerings/{id}';
    expect(api.bodyProperty(method, path, 'visibility').enum).toEqual([...OFFERING_VISIBILITIES]);
  }
  expect(api.bodyProperty('post', '/offerings', 'components').items!.properties!.billing_type.enum).toEqual([
    ...BILLING_TYPES,
  ]);
  expect(api.bodyProperty('post', '/plans', 'unit').enum).toEqual([...PLAN_UNITS]);
  expect(api.bodyProperty('patch', '/plans/{id}', 'unit').enum).toEqual([...PLAN_UNITS]);
  expect(api.bodyProperty('post', '/offering-versions', 'status').enum).toEqual([...VERSION_STATUSES]);
  expect(api.bodyProperty('patch', '/offering-versions/{id}', 'status').enum).toEqual([...VERSION_STATUSES]);
  expect(api.responseProperty('/resources/{id}', 'state').enum).toEqual([...RESOURCE_STATES]);
});

test('the patterns and lengths are the ones the server checks', () => {
  const api = served.document();
  const names = [
    api.bodyProperty('post', '/organizations', 'name'),
    api.bodyProperty('post', '/projects', 'name'),
    api.bodyProperty('post', '/categories', 'title'),
    api.bodyProperty('post', '/offerings', 'name'),
    api.bodyProperty('post', '/offerings', 'components').items!.properties!.name,
    api.bodyProperty('post', '/plans', 'name'),
    api.bodyProperty('post', '/orders', 'name'),
    api.bodyProperty('patch', '/resources/{id}', 'name'),
  ];
  for (const name of names) expect({ min: name.minLength, max: name.maxLength }).toEqual(NAME_LENGTH);
  const slug = api.bodyProperty('post', '/offerings', 'slug');
  expect({ pattern: slug.pattern, maxLength: slug.maxLength }).toEqual(SLUG);
  const componentType = api.bodyProperty('post', '/offerings', 'components').items!.properties!.type;
  expect({ pattern: componentType.pattern, maxLength: componentType.maxLength }).toEqual(COMPONENT_TYPE);
  expect(api.bodyProperty('post', '/plans', 'prices').additionalProperties!.minimum).toBe(MINIMUM_PRICE);
  for (const field of ['allowed_organization_ids', 'allowed_project_ids'])
    for (const [method, path] of [
      ['post', '/offerings'],
      ['patch', '/offerings/{id}'],
    ] as const)
      expect(api.bodyProperty(method, path, field).items!.pattern).toBe(OBJECT_ID.pattern);
  expect(api.queryParameter('/invoices', 'period').pattern).toBe(PERIOD.pattern);
});
