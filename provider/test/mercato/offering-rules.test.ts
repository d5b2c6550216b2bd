/**
 * The offering rules of issue 10 through the real Terraform CLI and the real server: an offering
 * declared `status = "active"` beside its version and plan is active after one apply; a
 * restricted offering (`visibility`, `allowed_organization_ids`, `allowed_project_ids`) is seen
 * by its audience only, also through the data sources; the lists change in place, import with no
 * diff, and are checked at plan time.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { errors, expectNoChanges, type Workspace } from '../support/terraform';
import { makeWorld, type World } from '@mercato/test-support/world';

let h: MercatoHarness;
let w: World;

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'tf-rules');
});
afterAll(() => h?.close());

/** The publisher's configuration, with the offering's visibility arguments as given. */
const publisher = (visibility: string) => `provider "mercato" {}

resource "mercato_offering" "restricted" {
  organization_id = "${w.provider.id}"
  category_id     = "${w.category.id}"
  name            = "Restricted analytics"
  slug            = "restricted-analytics"
  type            = "allocation"
  status          = "active"
  auto_approve    = true
  bill_paused     = false
${visibility}
}

resource "mercato_offering_version" "v1" {
  offering_id = mercato_offering.restricted.id
  version     = "1.0.0"
}

resource "mercato_plan" "small" {
  offering_id = mercato_offering.restricted.id
  name        = "small"
}

# Read after the version and plan exist: what the catalog shows.
data "mercato_offering" "shown" {
  id         = mercato_offering.restricted.id
  depends_on = [mercato_offering_version.v1, mercato_plan.small]
}

output "shown" {
  value = data.mercato_offering.shown
}
`;

/** A consumer's configuration, run with its own token: the offering looked up by slug and searched. */
const consumerConfig = `provider "mercato" {}

data "mercato_offerings" "found" {
  keyword = "restricted analytics"
}

output "found" {
  value = data.mercato_offerings.found.ids
}
`;

describe('a restricted offering declared in HCL', () => {
  let ws: Workspace;
  let offeringId: string;
  const lookup = (token: string, name: string) =>
    h.workspace(
      name,
      `provider "mercato" {}
data "mercato_offering" "o" {
  slug = "restricted-analytics"
}
output "plans" {
  value = keys(data.mercato_offering.o.plans)
}
output "allowed" {
  value = data.mercato_offering.o.allowed_organization_ids
}
`,
      { MERCATO_TOKEN: token },
    );

  test('one apply: active with its version and plan, restricted to the listed organization and project', async () => {
    ws = h.workspace(
      'restricted',
      publisher(`  visibility               = "restricted"
  allowed_organization_ids = ["${w.consumer.organization.id}"]
  allowed_project_ids      = ["${w.other.project.id}"]`),
    );
    const applied = await ws.apply();
    expect(applied.summary).toMatchObject({ add: 3, change: 0, remove: 0 });
    offeringId = ws.resources()['mercato_offering.restricted'].values.id as string;

    const onServer = await h.admin.expect(200, h.admin.get(`/offerings/${offeringId}`));
    expect(onServer).toMatchObject({
      bill_paused: false,
      status: 'active',
      requested_status: 'active',
      status_reason: '',
      visibility: 'restricted',
      allowed_organization_ids: [w.consumer.organization.id],
      allowed_project_ids: [w.other.project.id],
    });
    expect((await ws.outputValues()).shown).toMatchObject({
      status: 'active',
      status_reason: '',
      visibility: 'restricted',
      allowed_organization_ids: [w.consumer.organization.id],
      allowed_project_ids: [w.other.project.id],
    });
    expect(ws.resources()['mercato_offering.restricted'].values).toMatchObject({
      bill_paused: false,
      status: 'active',
      visibility: 'restricted',
      allowed_organization_ids: [w.consumer.organization.id],
      allowed_project_ids: [w.other.project.id],
    });
    expectNoChanges(await ws.plan());
  });

  test('its audience finds it through the data sources; no one else does', async () => {
    const listed = lookup(w.consumer.member.token, 'lookup-listed');
    await listed.apply();
    const out = await listed.outputValues();
    expect(out.plans).toEqual(['small']);
    // Who else it is offered to is its provider's business.
    expect(out.allowed).toEqual([]);

    const outsider = lookup(w.other.owner.token, 'lookup-project-owner');
    await outsider.apply();
    expect((await outsider.outputValues()).plans).toEqual(['small']);

    const search = h.workspace('search-project-owner', consumerConfig, { MERCATO_TOKEN: w.other.owner.token });
    await search.apply();
    expect((await search.outputValues()).found).toEqual([offeringId]);

    // The other organization's service manager is neither in the listed organization nor the project.
    const notListed = await h.admin.expect(
      201,
      h.admin.post('/users', { username: 'tf-rules-outsider', email: 'outsider@example.com' }),
    );
    const { token } = await h.admin.expect(201, h.admin.post(`/users/${notListed.id}/tokens`, { name: 't' }));
    await w.other.owner.api.expect(
      201,
      w.other.owner.api.post(`/organizations/${w.other.organization.id}/members`, {
        user_id: notListed.id,
        role: 'service-manager',
      }),
    );
    const hidden = lookup(token, 'lookup-hidden');
    const refused = await hidden.plan();
    expect(refused.code).toBe(1);
    expect(
      errors(refused)
        .map((d) => d.detail)
        .join('\n'),
    ).toContain('no offering restricted-analytics');
    const hiddenSearch = h.workspace('search-hidden', consumerConfig, { MERCATO_TOKEN: token });
    await hiddenSearch.apply();
    expect((await hiddenSearch.outputValues()).found).toEqual([]);
  });

  test('the lists change in place; an organization taken off loses it at once', async () => {
    ws.write(
      publisher(`  visibility               = "restricted"
  allowed_organization_ids = ["${w.other.organization.id}"]`),
    );
    const plan = await ws.savedPlan();
    expect(plan.summary).toMatchObject({ add: 0, change: 1, remove: 0 });
    const change = plan.change!('mercato_offering.restricted')!;
    expect(change.actions).toEqual(['update']);
    expect(change.after).toMatchObject({
      allowed_organization_ids: [w.other.organization.id],
      allowed_project_ids: [],
    });
    await ws.applySaved();
    expect(
      await h.admin
        .expect(200, h.admin.get(`/offerings/${offeringId}`))
        .then((o) => [o.allowed_organization_ids, o.allowed_project_ids]),
    ).toEqual([[w.other.organization.id], []]);
    expect((await w.consumer.member.api.get(`/offerings/${offeringId}`)).status).toBe(404);
    expectNoChanges(await ws.plan());
  });

  test('import: the restricted offering reads back as declared, with no diff', async () => {
    ws.write(
      `${publisher(`  visibility               = "restricted"
  allowed_organization_ids = ["${w.other.organization.id}"]`)}
import {
  to = mercato_offering.copy
  id = "${offeringId}"
}
resource "mercato_offering" "copy" {
  organization_id          = "${w.provider.id}"
  category_id              = "${w.category.id}"
  name                     = "Restricted analytics"
  slug                     = "restricted-analytics"
  type                     = "allocation"
  status                   = "active"
  auto_approve             = true
  bill_paused              = false
  visibility               = "restricted"
  allowed_organization_ids = ["${w.other.organization.id}"]
}
`,
    );
    const plan = await ws.savedPlan();
    expect(plan.summary).toMatchObject({ import: 1, add: 0, change: 0, remove: 0 });
    await ws.applySaved();
    expectNoChanges(await ws.plan());
    await ws.terraform(['state', 'rm', 'mercato_offering.copy']);
  });

  test('public again: the lists are cleared; lists on a public offering fail the plan', async () => {
    ws.write(publisher(''));
    const plan = await ws.savedPlan();
    expect(plan.change!('mercato_offering.restricted')!.after).toMatchObject({
      visibility: 'public',
      allowed_organization_ids: [],
      allowed_project_ids: [],
    });
    await ws.applySaved();
    expect((await w.consumer.member.api.expect(200, w.consumer.member.api.get(`/offerings/${offeringId}`))).id).toBe(
      offeringId,
    );
    expectNoChanges(await ws.plan());

    const checked = h.workspace(
      'plan-time',
      `provider "mercato" {}
resource "mercato_offering" "o" {
  organization_id          = "${w.provider.id}"
  category_id              = "${w.category.id}"
  name                     = "Checked at plan time"
  type                     = "allocation"
  allowed_organization_ids = ["${w.consumer.organization.id}"]
}
resource "mercato_offering" "p" {
  organization_id     = "${w.provider.id}"
  category_id         = "${w.category.id}"
  name                = "Checked too"
  type                = "allocation"
  visibility          = "secret"
  allowed_project_ids = ["not-an-id"]
}
`,
    );
    const refused = await checked.plan();
    expect(refused.code).toBe(1);
    const found = errors(refused).map((d) => [d.summary, d.detail, d.range?.start.line]);
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        [
          'Lists for a public offering',
          'allowed_organization_ids lists who sees a restricted offering only: set visibility = "restricted", or leave allowed_organization_ids out.',
          checked.lineOf(`allowed_organization_ids = ["${w.consumer.organization.id}"]`),
        ],
        [
          'Invalid visibility',
          'visibility must be one of "public" or "restricted"; got "secret".',
          checked.lineOf('visibility          = "secret"'),
        ],
        [
          'Invalid allowed_project_ids',
          expect.stringContaining('must be a project id'),
          checked.lineOf('allowed_project_ids = ["not-an-id"]'),
        ],
      ]),
    );
    await ws.destroy();
    expect((await h.admin.get(`/offerings/${offeringId}`)).status).toBe(404);
  });
});
