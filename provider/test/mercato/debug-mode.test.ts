/**
 * Debug mode (MERCATO_PROVIDER_DEBUG=1, provider/test/README.md): Terraform attaches to the
 * provider running in this jest process instead of launching it. This file runs in that mode
 * whatever the environment says, so the mode cannot rot.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { organization } from '../../src/resources/organization';
import { makeWorld } from '@mercato/test-support/world';

let h: MercatoHarness;
beforeAll(async () => {
  h = await createMercatoHarness({ debug: true });
});
afterAll(() => h?.close());

test('a plan and an apply run the provider in the test process, configured from the workspace environment', async () => {
  const create = jest.spyOn(organization, 'create');
  const ws = h.workspace(
    'attached',
    'provider "mercato" {}\nresource "mercato_organization" "o" {\n  name = "Debugged"\n}\n',
  );
  const plan = await ws.savedPlan();
  expect(plan.code).toBe(2);
  expect(plan.change!('mercato_organization.o')).toMatchObject({
    actions: ['create'],
    after: { name: 'Debugged', description: '' },
    after_unknown: { id: true },
  });
  const apply = await ws.terraform(['apply', '-auto-approve', '-input=false', 'saved.tfplan']);
  expect(apply.code).toBe(0);
  expect(create).toHaveBeenCalledTimes(1);
  expect(ws.attached!.connections).toBeGreaterThanOrEqual(3);
  const id = ws.resources()['mercato_organization.o'].values.id as string;
  expect(await h.admin.expect(200, h.admin.get(`/organizations/${id}`))).toMatchObject({ name: 'Debugged' });
});

test('each command sees the server as it is then: what a plan read is not kept for the next one', async () => {
  const w = await makeWorld(h.admin, 'dbg');
  const config = `provider "mercato" {}
resource "mercato_resource" "r" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${w.allocation.id}"
  plan_id     = "${w.allocation.plan.id}"
  name        = "debugged"
  version     = "1.0.0"
  attributes  = { instance_type = "general-purpose" }
}
`;
  const ws = h.workspace('fresh-reads', config);
  expect((await ws.savedPlan()).code).toBe(2);
  const versions = (await h.admin.expect(200, h.admin.get(`/offering-versions?offering_id=${w.allocation.id}`)))
    .items as { id: string }[];
  await w.serviceManager.api.expect(
    200,
    w.serviceManager.api.patch(`/offering-versions/${versions[0].id}`, { status: 'deprecated' }),
  );
  const plan = await ws.savedPlan();
  expect(plan.code).toBe(1);
  expect(plan.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['error', 'Deprecated offering version']]);
});
