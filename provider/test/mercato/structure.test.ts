/**
 * mercato_organization, mercato_project and mercato_category through the real Terraform CLI and
 * the real server: create, update, replacement, drift, import, deleted outside, destroy.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { describeLifecycle } from './lifecycle';

let h: MercatoHarness;
beforeAll(async () => {
  h = await createMercatoHarness();
});
afterAll(() => h?.close());

describeLifecycle(() => h, {
  type: 'mercato_organization',
  path: 'organizations',
  setup: async () => ({}),
  body: (_, step) => `  name        = "Acme"\n  description = "${step === 'create' ? 'Rockets' : 'Rockets and anvils'}"`,
  expected: (_, step) => ({ name: 'Acme', description: step === 'create' ? 'Rockets' : 'Rockets and anvils' }),
  updateShows: [/~ description\s+= "Rockets" -> "Rockets and anvils"/],
  drift: async (api, id) => void (await api.expect(200, api.patch(`/organizations/${id}`, { name: 'Acme (renamed in the console)' }))),
  driftShows: /~ name\s+= "Acme \(renamed in the console\)" -> "Acme"/,
  createOutside: async (api) => (await api.expect(201, api.post('/organizations', { name: 'Imported org', description: 'made in the console' }))).id,
  importBody: () => `  name        = "Imported org"\n  description = "made in the console"`,
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
  expected: (o, step) => ({ organization_id: step === 'replace' ? o.second : o.first, name: step === 'create' ? 'web' : 'website', description: 'the shop' }),
  updateShows: [/~ name\s+= "web" -> "website"/],
  replaceShows: /~ organization_id\s+= "[^"]+" -> "[^"]+" # forces replacement/,
  drift: async (api, id) => void (await api.expect(200, api.patch(`/projects/${id}`, { description: 'changed by hand' }))),
  driftShows: /~ description\s+= "changed by hand" -> "the shop"/,
  createOutside: async (api, o) => (await api.expect(201, api.post('/projects', { organization_id: o.first, name: 'imported' }))).id,
  importBody: (o) => `  organization_id = "${o.first}"\n  name = "imported"`,
});

describeLifecycle(() => h, {
  type: 'mercato_category',
  path: 'categories',
  setup: async () => ({}),
  body: (_, step) => `  title = "${step === 'create' ? 'Storage' : 'Storage & backup'}"`,
  expected: (_, step) => ({ title: step === 'create' ? 'Storage' : 'Storage & backup', description: '' }),
  updateShows: [/~ title\s+= "Storage" -> "Storage & backup"/],
  drift: async (api, id) => void (await api.expect(200, api.patch(`/categories/${id}`, { description: 'edited' }))),
  driftShows: /- description\s+= "edited" -> null/,
  createOutside: async (api) => (await api.expect(201, api.post('/categories', { title: 'Networking', description: 'VPNs' }))).id,
  importBody: () => `  title = "Networking"\n  description = "VPNs"`,
});
