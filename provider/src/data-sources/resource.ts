import { withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { RESOURCE_STATES } from '../api-contract';
import { isPaused } from '../resources/resource-pause';
import type { RemoteResource } from '../resources/resource';

/** A resource by id, or by its name among the project's resources that are not terminated. */
async function findResource(
  client: MercatoClient,
  config: { id: string | null; name: string | null; project_id: string | null },
): Promise<RemoteResource> {
  if (config.id) {
    const found = await client.find<RemoteResource>(`/resources/${encodeURIComponent(config.id)}`);
    if (!found) throw new Error(`no resource with id ${config.id} (or you may not see it)`);
    return found;
  }
  if (!config.name || !config.project_id)
    throw new Error('set either id, or name and project_id, to look up a resource');
  // A terminated resource keeps its name in the history; the name is looked up among the live ones.
  const matches = (
    await client.listAll<RemoteResource>('/resources', { project_id: config.project_id, name: config.name })
  ).filter((r) => r.name === config.name && r.state !== 'Terminated');
  if (matches.length === 0)
    throw new Error(`no resource named "${config.name}" in project ${config.project_id} (or you may not see it)`);
  if (matches.length > 1)
    throw new Error(`${matches.length} resources are named "${config.name}" in the project; look it up by id instead`);
  return matches[0];
}

const nullIfEmpty = (value: Record<string, unknown> | undefined) => (value && Object.keys(value).length ? value : null);

export const resourceData = withClient<MercatoClient>().defineDataSource({
  name: 'resource',
  description:
    'Looks up a resource you may see, by id, or by name within a project: its state, whether it is paused, what provisioning returned and what its backend last reported. Secret attributes and secret outputs are left out.',
  attributes: {
    id: {
      type: 'string',
      optional: true,
      computed: true,
      description: 'Server ID; set this, or `name` and `project_id`.',
    },
    name: { type: 'string', optional: true, computed: true, description: 'Exact name; set it with `project_id`.' },
    project_id: { type: 'string', optional: true, computed: true, description: 'Project to look the name up in.' },
    offering_id: { type: 'string', computed: true, description: 'Offering it was ordered from.' },
    plan_id: { type: 'string', computed: true, description: 'Plan of the offering.' },
    version: { type: 'string', computed: true, description: 'Offering version.' },
    attributes: {
      type: 'dynamic',
      computed: true,
      description: 'Configuration, without its secret properties, as an object.',
    },
    limits: { type: ['map', 'number'], computed: true, description: 'Limits per `limit`-billed component.' },
    state: {
      type: 'string',
      computed: true,
      description: `State on the server, one of ${RESOURCE_STATES.map((state) => `\`${state}\``).join(', ')}.`,
    },
    paused: { type: 'bool', computed: true, description: 'True when the resource is paused (`state == "Paused"`).' },
    backend_id: { type: 'string', computed: true, description: "The resource's ID in the provider's backend." },
    outputs: {
      type: 'dynamic',
      computed: true,
      description: 'What provisioning returned (addresses, endpoints...); null when nothing.',
    },
    backend_state: {
      type: 'dynamic',
      computed: true,
      description:
        "What the offering's plugin last reported of the resource on its backend (never secrets), as an object; null when it reported nothing.",
    },
    pulled_at: {
      type: 'string',
      computed: true,
      description: 'When the plugin last reported the resource as it is on its backend (RFC 3339); null before.',
    },
  },
  async read(ctx, config) {
    const found = await findResource(ctx.client, config);
    return {
      id: found.id,
      name: found.name,
      project_id: found.project_id,
      offering_id: found.offering_id,
      plan_id: found.plan_id,
      version: found.version,
      attributes: found.attributes,
      limits: found.limits,
      state: found.state,
      paused: isPaused(found),
      backend_id: found.backend_id,
      outputs: nullIfEmpty(found.outputs),
      backend_state: nullIfEmpty(found.backend_state),
      pulled_at: found.pulled_at ?? null,
    };
  },
});
