/**
 * mercato_quota through the real Terraform CLI and the real server: the acceptance steps of every
 * resource type (create, update of its limit, replacement, drift, import, deleted outside,
 * destroy), its usage, and the diagnostics of a quota that counts both, nothing, or below zero.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { describeLifecycle } from './lifecycle';
import { errors, expectNoChanges } from '../support/terraform';
import { makeWorld } from '@mercato/test-support/world';

let h: MercatoHarness;
beforeAll(async () => {
  h = await createMercatoHarness();
});
afterAll(() => h?.close());

interface Scope {
  organization: string;
  project: string;
}

describeLifecycle<Scope>(() => h, {
  type: 'mercato_quota',
  path: 'quotas',
  setup: async ({ admin }) => {
    const organization = (await admin.expect(201, admin.post('/organizations', { name: 'Quota home' }))).id;
    const project = (
      await admin.expect(201, admin.post('/projects', { organization_id: organization, name: 'capped' }))
    ).id;
    return { organization, project };
  },
  body: (s, step) =>
    [
      `  organization_id = "${s.organization}"`,
      `  project_id      = "${s.project}"`,
      `  component       = "${step === 'replace' ? 'ram' : 'cpu'}"`,
      `  limit           = ${step === 'create' ? '0.3' : '64'}`,
    ].join('\n'),
  planned: (s, step) => ({
    organization_id: s.organization,
    project_id: s.project,
    component: step === 'replace' ? 'ram' : 'cpu',
    offering_id: null,
    limit: step === 'create' ? 0.3 : 64,
  }),
  expected: (s, step) => ({
    organization_id: s.organization,
    project_id: s.project,
    component: step === 'replace' ? 'ram' : 'cpu',
    offering_id: null,
    limit: step === 'create' ? 0.3 : 64,
    usage: 0,
  }),
  updateChanges: ['limit', 'usage'],
  replacedBy: 'component',
  drift: async (api, id) => void (await api.expect(200, api.patch(`/quotas/${id}`, { limit: 7 }))),
  drifted: () => ({ limit: 7 }),
  createOutside: async (api, s) =>
    (await api.expect(201, api.post('/quotas', { organization_id: s.organization, component: 'gpu', limit: 2 }))).id,
  importBody: (s) => `  organization_id = "${s.organization}"\n  component       = "gpu"\n  limit           = 2`,
});

test('a quota counting both, nothing, or below zero is refused at plan time, at the attribute', async () => {
  const organization = (await h.admin.expect(201, h.admin.post('/organizations', { name: 'Quota rules' }))).id;
  const ws = h.workspace(
    'quota-rules',
    `provider "mercato" {}

resource "mercato_quota" "both" {
  organization_id = "${organization}"
  component       = "cpu"
  offering_id     = "some-offering"
  limit           = 1
}

resource "mercato_quota" "neither" {
  organization_id = "${organization}"
  limit           = 1
}

resource "mercato_quota" "negative" {
  organization_id = "${organization}"
  component       = "cpu"
  limit           = -1
}
`,
  );
  const run = await ws.plan();
  expect(run.code).toBe(1);
  const found = errors(run)
    .map((d) => [d.address, d.summary, d.snippet?.code.trim()])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  expect(found).toEqual([
    ['mercato_quota.both', 'Both component and offering_id', 'offering_id     = "some-offering"'],
    ['mercato_quota.negative', 'Invalid limit', 'limit           = -1'],
    ['mercato_quota.neither', 'Nothing for the quota to count', expect.any(String)],
  ]);
  expect(errors(run).find((d) => d.address === 'mercato_quota.negative')!.detail).toBe(
    'limit must be at least 0; got -1.',
  );
  expect(await h.admin.expect(200, h.admin.get(`/quotas?organization_id=${organization}`))).toEqual({
    items: [],
    next_cursor: null,
  });
});

test('usage follows the scope’s resources at refresh; a plan shows no change for it', async () => {
  const w = await makeWorld(h.admin, 'quota-usage');
  const ws = h.workspace(
    'quota-usage',
    `provider "mercato" {}

resource "mercato_quota" "licences" {
  organization_id = "${w.consumer.organization.id}"
  offering_id     = "${w.autoApproved.id}"
  limit           = 3
}

resource "mercato_quota" "cpu" {
  organization_id = "${w.consumer.organization.id}"
  project_id      = "${w.consumer.project.id}"
  component       = "cpu"
  limit           = 0.3
}
`,
  );
  await ws.apply();
  const usage = () =>
    [ws.resources()['mercato_quota.licences'], ws.resources()['mercato_quota.cpu']].map((r) => r.values.usage);
  expect(usage()).toEqual([0, 0]);
  for (const cpu of [0.1, 0.2])
    await w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: w.autoApproved.id,
        plan_id: w.autoApproved.plan.id,
        name: `vm-${cpu}`,
        attributes: { instance_type: 'general-purpose' },
        limits: { cpu },
      }),
    );
  expectNoChanges(await ws.plan());
  await ws.apply(['-refresh-only']);
  expect(usage()).toEqual([2, 0.3]);
  expectNoChanges(await ws.plan());
});
