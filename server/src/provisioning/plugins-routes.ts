import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { listResponseSchema } from '../http/pagination';
import { object } from '../http/schemas';
import { MANAGEMENT_ACTIONS } from '../orders/order-states';
import type { ProvisioningPlugin } from './plugin';

const ANY_SCHEMA = { type: 'object', additionalProperties: true } as const;

const PLUGIN = object({
  type: { type: 'string', description: "What an offering's `type` names to use it." },
  description: { type: 'string' },
  options_schema: { ...ANY_SCHEMA, description: "JSON Schema of the offering's `plugin_options`." },
  secret_options_schema: {
    ...ANY_SCHEMA,
    description: "JSON Schema of the offering's `secret_options` (write-only values).",
  },
  actions: {
    type: 'array',
    items: { type: 'string', enum: MANAGEMENT_ACTIONS },
    description:
      'The management orders it can carry out besides create, update and terminate; an offering may carry out fewer (a `script` offering, those it has commands for).',
  },
  pulls: {
    type: 'boolean',
    description:
      "Whether it reports resources as they are on the backend (state, outputs, usage) on the server's schedule.",
  },
});

/** A plugin as `GET /plugins` shows it; a plugin without a schema takes any object. */
function presentPlugin(plugin: ProvisioningPlugin) {
  return {
    type: plugin.type,
    description: plugin.description,
    options_schema: (plugin.optionsSchema ?? { type: 'object' }) as Record<string, unknown>,
    secret_options_schema: (plugin.secretOptionsSchema ?? { type: 'object' }) as Record<string, unknown>,
    actions: plugin.actions ?? [],
    pulls: plugin.pull !== undefined,
  };
}

/** The plugin registry (Waldur's seed): what each offering `type` does and which options it takes. */
export const pluginsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  app.get('/plugins', {
    schema: {
      tags: ['catalog'],
      summary: 'List the provisioning plugins this server has, with the schemas of their options',
      response: { 200: listResponseSchema(PLUGIN) },
    },
    handler: async () => ({
      items: app.plugins
        .types()
        .sort()
        .map((type) => presentPlugin(app.plugins.get(type)!)),
      next_cursor: null,
    }),
  });
};
