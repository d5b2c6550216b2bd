import type { ProvisioningPlugin } from '../plugin';

/**
 * An instant grant with no external system (licences, quota allocations): the resource is its
 * own record, its limits are the allocation.
 */
export const allocationPlugin: ProvisioningPlugin = {
  type: 'allocation',
  description: 'Grants the resource at once, with no external system: licences, quota allocations.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { backend_id_prefix: { type: 'string', description: 'Prefix of the backend ids given out.' } },
  },
  actions: ['pause', 'resume', 'restart'],
  provision: async ({ order, resource, offering }) => {
    if (order.type !== 'create') return { status: 'done' };
    const prefix = (offering.plugin_options.backend_id_prefix as string) ?? 'alloc';
    // Nothing to report beyond the grant itself: the allocation is the resource's own limits.
    return { status: 'done', backend_id: resource.backend_id || `${prefix}-${resource.id}` };
  },
};
