import type { Api } from '@mercato/test-support/api-client';
import type { TestServer } from '@mercato/test-support/server-harness';
import type { World } from '@mercato/test-support/world';
import { moduleArchive } from './module-archives';

/**
 * Modules published to the test server's registry and offered as `terraform` offerings, as a
 * service manager does it: publish each version (private), create the offering naming the module
 * (its versions follow the module's), a plan, then activate it.
 */

/**
 * The namespace a world's provider organization publishes to (its slug), once staff (`admin`)
 * has let the server run its modules; with `allowRuns: false`, as it is before.
 */
export async function namespaceOf(admin: Api, world: World, { allowRuns = true } = {}): Promise<string> {
  const path = `/organizations/${world.provider.id}`;
  const organization = allowRuns
    ? await admin.expect(200, admin.patch(path, { terraform_runs_allowed: true }))
    : await admin.expect(200, admin.get(path));
  return organization.slug;
}

/** Publishes a module version as the world's service manager (private); fails the test on anything but 201. */
export async function publishModule(
  server: TestServer,
  world: World,
  address: string,
  version: string,
  files: Record<string, string>,
): Promise<void> {
  const response = await fetch(
    `${server.url}/api/v1/modules/${address}/versions?version=${version}&visibility=private`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${world.serviceManager.token}`, 'content-type': 'application/gzip' },
      body: moduleArchive(files),
    },
  );
  if (response.status !== 201) throw new Error(`publishing ${address} ${version}: ${await response.text()}`);
}

/**
 * A `terraform` offering of module `address` (auto-approved unless `autoApprove` is false): its offering versions are made from
 * the module's published versions, their options schemas from its inputs.
 */
export async function offerModule(
  world: World,
  name: string,
  address: string,
  { autoApprove = true } = {},
): Promise<{ id: string; plan: { id: string } }> {
  const api = world.serviceManager.api;
  const offering = await api.expect(
    201,
    api.post('/offerings', {
      organization_id: world.provider.id,
      category_id: world.category.id,
      name,
      type: 'terraform',
      auto_approve: autoApprove,
      plugin_options: { module: address },
    }),
  );
  const plan = await api.expect(201, api.post('/plans', { offering_id: offering.id, name: 'basic', unit: 'month' }));
  await api.expect(200, api.patch(`/offerings/${offering.id}`, { status: 'active' }));
  return { id: offering.id, plan };
}

/** A create order of version 1.0.0 of `offering` placed by the world's consumer project manager; fails the test on anything but 201. */
export function placeCreate(
  world: World,
  offering: { id: string; plan: { id: string } },
  name: string,
  attributes: Record<string, unknown>,
) {
  const api = world.consumer.manager.api;
  return api.expect(
    201,
    api.post('/orders', {
      type: 'create',
      project_id: world.consumer.project.id,
      offering_id: offering.id,
      plan_id: offering.plan.id,
      version: '1.0.0',
      name,
      attributes,
    }),
  );
}
