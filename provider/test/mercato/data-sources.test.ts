/**
 * The data sources mercato_offering, mercato_offerings, mercato_project, mercato_organization and
 * mercato_category (mercato_resource: resource-pause.test.ts) through the real Terraform CLI, compared with the server's objects.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { errors, expectNoChanges } from '../support/terraform';
import { makeWorld, type World } from '@mercato/test-support/world';

let h: MercatoHarness;
let w: World;
let awsQuota: string;

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'ds');
  const api = w.serviceManager.api;
  // Same keyword, other platform: the platform filter must leave it out.
  const body = {
    organization_id: w.provider.id,
    category_id: w.category.id,
    name: 'Quota on AWS',
    type: 'allocation',
    status: 'active',
    platform: 'aws',
  };
  awsQuota = (await api.expect(201, api.post('/offerings', body))).id;
  await api.expect(201, api.post('/plans', { offering_id: w.allocation.id, name: 'large', prices: { cpu: 4 } }));
});
afterAll(() => h?.close());

test('data sources return the server’s objects', async () => {
  const ws = h.workspace(
    'data',
    `provider "mercato" {}

data "mercato_offering" "quota" {
  slug = "${w.allocation.slug}"
}

data "mercato_offering" "by_id" {
  id = "${w.manual.id}"
}

data "mercato_offerings" "quota_on_premises" {
  keyword  = "quota"
  platform = "on-premises"
}

data "mercato_offerings" "quota_anywhere" {
  keyword = "quota"
}

data "mercato_organization" "consumer" {
  name = "${w.consumer.organization.name}"
}

data "mercato_organization" "provider_by_slug" {
  slug = "${w.provider.slug}"
}

data "mercato_project" "consumer" {
  organization_id = data.mercato_organization.consumer.id
  name            = "consumer project"
}

data "mercato_category" "compute" {
  title = "ds Compute"
}

output "offering" {
  value = data.mercato_offering.quota
}
output "small_plan_id" {
  value = data.mercato_offering.quota.plans["small"].id
}
output "by_id_slug" {
  value = data.mercato_offering.by_id.slug
}
output "on_premises_ids" {
  value = data.mercato_offerings.quota_on_premises.ids
}
output "anywhere_names" {
  value = data.mercato_offerings.quota_anywhere.offerings[*].name
}
output "organization" {
  value = data.mercato_organization.consumer
}
output "provider_by_slug" {
  value = data.mercato_organization.provider_by_slug
}
output "project" {
  value = data.mercato_project.consumer
}
output "category" {
  value = data.mercato_category.compute
}
`,
  );
  await ws.apply();
  const out = await ws.outputValues();
  const offering = await h.admin.expect(200, h.admin.get(`/offerings/${w.allocation.id}`));
  expect(out.offering).toMatchObject({
    id: offering.id,
    slug: offering.slug,
    name: 'ds Quota',
    organization_id: w.provider.id,
    category_id: w.category.id,
    type: 'allocation',
    platform: 'on-premises',
    status: 'active',
    tags: ['test'],
    versions: ['1.0.0'],
    latest_version: '1.0.0',
  });
  expect(Object.keys((out.offering as { plans: object }).plans).sort()).toEqual(['large', 'small']);
  expect(out.small_plan_id).toBe(w.allocation.plan.id);
  expect(out.by_id_slug).toBe(w.manual.slug);
  expect(out.on_premises_ids).toEqual([w.allocation.id]);
  expect([...(out.anywhere_names as string[])].sort()).toEqual(['Quota on AWS', 'ds Quota']);
  expect(out.organization).toEqual({
    id: w.consumer.organization.id,
    name: w.consumer.organization.name,
    slug: w.consumer.organization.slug,
    description: '',
  });
  expect(out.provider_by_slug).toEqual({
    id: w.provider.id,
    name: w.provider.name,
    slug: w.provider.slug,
    description: '',
  });
  expect(out.project).toEqual({
    id: w.consumer.project.id,
    name: 'consumer project',
    organization_id: w.consumer.organization.id,
    description: '',
  });
  expect(out.category).toEqual({ id: w.category.id, title: 'ds Compute', description: '' });
  expect(awsQuota).toBeDefined();
  expectNoChanges(await ws.plan());
});

test('a data source that finds nothing is a clear error', async () => {
  const ws = h.workspace(
    'data-missing',
    `provider "mercato" {}
data "mercato_category" "missing" {
  title = "No such category"
}
data "mercato_offering" "missing" {
  slug = "no-such-offering"
}
data "mercato_resource" "missing" {
  project_id = "${w.consumer.project.id}"
  name       = "no-such-resource"
}
data "mercato_resource" "unnamed" {
  project_id = "${w.consumer.project.id}"
}
`,
  );
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  const found = errors(plan)
    .map((d) => [d.address, d.detail])
    .sort();
  expect(found).toEqual([
    ['data.mercato_category.missing', 'no category with title "No such category" (or you may not see it)'],
    ['data.mercato_offering.missing', 'no offering no-such-offering (or you may not see it)'],
    [
      'data.mercato_resource.missing',
      `no resource named "no-such-resource" in project ${w.consumer.project.id} (or you may not see it)`,
    ],
    ['data.mercato_resource.unnamed', 'set either id, or name and project_id, to look up a resource'],
  ]);
});
