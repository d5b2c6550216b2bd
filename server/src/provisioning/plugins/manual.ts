import type { ProvisioningPlugin } from '../plugin';

/** The provider's staff does the work by hand and reports it through `/orders/<id>/complete` or `/fail`. */
export const manualPlugin: ProvisioningPlugin = {
  type: 'manual',
  description: "The service provider's staff provisions by hand and completes or fails the order through the API.",
  optionsSchema: { type: 'object', additionalProperties: true },
  actions: ['pause', 'resume', 'restart'],
  provision: async () => ({ status: 'waiting', message: 'waiting for the service provider to complete the order' }),
};
