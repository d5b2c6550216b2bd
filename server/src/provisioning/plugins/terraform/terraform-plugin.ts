import type { ProvisioningPlugin } from '../../plugin';
import { NAME_PATTERN, SYSTEM_PATTERN } from '../../../registry/modules/module-address';

const part = (pattern: string) => pattern.slice(1, -1);

/** A module address in Mercato's registry, `NAMESPACE/NAME/SYSTEM` (the host is the server's own). */
const MODULE_ADDRESS_PATTERN = `^${part(NAME_PATTERN)}/${part(NAME_PATTERN)}/${part(SYSTEM_PATTERN)}$`;

const TERRAFORM_OPTIONS_SCHEMA = {
  type: 'object',
  required: ['module'],
  additionalProperties: false,
  properties: {
    module: {
      type: 'string',
      pattern: MODULE_ADDRESS_PATTERN,
      description:
        "The module in Mercato's registry that resources of this offering are made of, `NAMESPACE/NAME/SYSTEM`; each offering version pins the module version of the same number.",
    },
  },
} as const;

/** What the plugin needs of the server it runs in. */
export interface TerraformPluginSettings {
  /** The server's HTTPS listener once it listens (`app.httpsAddress`): Terraform reaches the registry and the state backend there. */
  httpsAddress: () => { url: string; port: number; caFile?: string } | undefined;
}

/**
 * The `terraform` plugin: a resource is an instance of a module from Mercato's registry, applied
 * by the real Terraform CLI on the server with its state in the project's state backend.
 */
export function terraformPlugin(_settings: TerraformPluginSettings): ProvisioningPlugin {
  return {
    type: 'terraform',
    description:
      "Applies a module from Mercato's registry with the Terraform CLI: the order's attributes are the module's inputs, its outputs the resource's outputs.",
    optionsSchema: TERRAFORM_OPTIONS_SCHEMA,
    provision: async () => ({ status: 'erred', reason: 'the terraform plugin cannot run modules yet' }),
  };
}
