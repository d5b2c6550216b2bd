/**
 * mercato_organization, mercato_project and mercato_category through the real Terraform CLI and
 * the real server: create, update, replacement, drift, import, deleted outside, a delete the
 * server refuses, destroy.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { describeLifecycle } from './lifecycle';
import { errors, expectNoChanges } from '../support/terraform';

let h: MercatoHarness;
beforeAll(async () => {
  h = await createMercatoHarness();
});
afterAll(() => h?.close());

describeLifecycle(() => h, {
  type: 'mercato_organization',
  path: 'organizations',
  setup: async () => ({}),
  body: (_, step) =>
    `  name        = "Acme"\n  description = "${step === 'create' ? 'Rockets' : 'Rockets and anvils'}"`,
  planned: (_, step) => ({ name: 'Acme', description: step === 'create' ? 'Rockets' : 'Rockets and anvils' }),
  updateChanges: ['description'],
  drift: async (api, id) =>
    void (await api.expect(200, api.patch(`/organizations/${id}`, { name: 'Acme (renamed in the console)' }))),
  drifted: () => ({ name: 'Acme (renamed in the console)' }),
  createOutside: async (api) =>
    (await api.expect(201, api.post('/organizations', { name: 'Imported org', description: 'made in the console' })))
      .id,
  importBody: () => `  name        = "Imported org"\n  description = "made in the console"`,
  blockDelete: async (api, id) => {
    const project = await api.expect(201, api.post('/projects', { organization_id: id, name: 'made outside' }));
    return async () => void (await api.expect(204, api.delete(`/projects/${project.id}`)));
  },
  refusedDelete: 'Cannot delete the organization',
});

test('an organization’s slug is derived from its name, or set, and changed in place', async () => {
  const ws = h.workspace(
    'organization-slugs',
    `provider "mercato" {}
variable "slug" {
  type    = string
  default = null
}
resource "mercato_organization" "derived" {
  name = "Platform Team One"
}
resource "mercato_organization" "chosen" {
  name = "Platform Team Two"
  slug = var.slug
}
output "slugs" {
  value = [mercato_organization.derived.slug, mercato_organization.chosen.slug]
}
`,
  );
  await ws.apply(['-var', 'slug=platform']);
  expect((await ws.outputValues()).slugs).toEqual(['platform-team-one', 'platform']);
  const chosenId = () => ws.resources()['mercato_organization.chosen'].values.id;
  const before = chosenId();
  await ws.apply(['-var', 'slug=infra']);
  expect((await ws.outputValues()).slugs).toEqual(['platform-team-one', 'infra']);
  // in place: the same organization, found by its new slug
  expect(chosenId()).toBe(before);
  expect(await h.admin.expect(200, h.admin.get('/organizations/infra'))).toMatchObject({ id: before });
  expectNoChanges(await ws.plan(['-var', 'slug=infra']));
  const invalid = await ws.plan(['-var', 'slug=Not A Slug']);
  expect(
    errors(invalid)
      .map((d) => d.detail)
      .join('\n'),
  ).toMatch(/lowercase letters and digits/);
});

describeLifecycle(() => h, {
  type: 'mercato_project',
  path: 'projects',
  setup: async ({ admin }) => ({
    first: (await admin.expect(201, admin.post('/organizations', { name: 'Project home' }))).id as string,
    second: (await admin.expect(201, admin.post('/organizations', { name: 'Project new home' }))).id as string,
  }),
  body: (o, step) =>
    `  organization_id = "${step === 'replace' ? o.second : o.first}"\n  name = "${step === 'create' ? 'web' : 'website'}"\n  description = "the shop"`,
  planned: (o, step) => ({
    organization_id: step === 'replace' ? o.second : o.first,
    name: step === 'create' ? 'web' : 'website',
    description: 'the shop',
  }),
  updateChanges: ['name'],
  replacedBy: 'organization_id',
  drift: async (api, id) =>
    void (await api.expect(200, api.patch(`/projects/${id}`, { description: 'changed by hand' }))),
  drifted: () => ({ description: 'changed by hand' }),
  createOutside: async (api, o) =>
    (await api.expect(201, api.post('/projects', { organization_id: o.first, name: 'imported' }))).id,
  importBody: (o) => `  organization_id = "${o.first}"\n  name = "imported"`,
});

describeLifecycle(() => h, {
  type: 'mercato_category',
  path: 'categories',
  setup: async () => ({}),
  body: (_, step) => `  title = "${step === 'create' ? 'Storage' : 'Storage & backup'}"`,
  planned: (_, step) => ({ title: step === 'create' ? 'Storage' : 'Storage & backup', description: '' }),
  updateChanges: ['title'],
  drift: async (api, id) => void (await api.expect(200, api.patch(`/categories/${id}`, { description: 'edited' }))),
  drifted: () => ({ description: 'edited' }),
  createOutside: async (api) =>
    (await api.expect(201, api.post('/categories', { title: 'Networking', description: 'VPNs' }))).id,
  importBody: () => `  title = "Networking"\n  description = "VPNs"`,
  blockDelete: async (api, id) => {
    const provider = await api.expect(201, api.post('/organizations', { name: 'Category user' }));
    const offering = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: provider.id,
        category_id: id,
        name: 'Uses the category',
        type: 'manual',
      }),
    );
    return async () => void (await api.expect(204, api.delete(`/offerings/${offering.id}`)));
  },
  refusedDelete: 'Cannot delete the category',
});
