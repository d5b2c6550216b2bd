/**
 * The parts of a module address, `<host>/<namespace>/<name>/<system>`, with the rules Terraform
 * itself applies when it parses one (hashicorp/terraform-registry-address, module.go): a
 * namespace or name is 1 to 64 ASCII letters, digits, `-` and `_`, not starting or ending with
 * `-` or `_`; a system is 1 to 64 lowercase letters and digits. Mercato's namespaces are
 * organization slugs, which fit the first rule. Terraform compares them as written (no case folding).
 */

export const NAME_PATTERN = '^[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?$';
export const SYSTEM_PATTERN = '^[0-9a-z]{1,64}$';

const NAMESPACE = {
  type: 'string',
  pattern: NAME_PATTERN,
  description: "The module's namespace: its organization's slug.",
} as const;
const NAME = {
  type: 'string',
  pattern: NAME_PATTERN,
  description: "The module's name: 1 to 64 letters, digits, `-` and `_`.",
} as const;
const SYSTEM = {
  type: 'string',
  pattern: SYSTEM_PATTERN,
  description:
    'The system the module targets (Terraform\'s "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits.',
} as const;

/** Path parameters naming a module. */
export const MODULE_PARAMS = {
  type: 'object',
  required: ['namespace', 'name', 'system'],
  properties: { namespace: NAMESPACE, name: NAME, system: SYSTEM },
} as const;

/** Path parameters naming a version of a module. */
export const VERSION_PARAMS = {
  type: 'object',
  required: ['namespace', 'name', 'system', 'version'],
  properties: {
    namespace: NAMESPACE,
    name: NAME,
    system: SYSTEM,
    version: { type: 'string', minLength: 1, maxLength: 100, description: 'A published version, e.g. `1.2.0`.' },
  },
} as const;

export interface ModuleName {
  namespace: string;
  name: string;
  system: string;
}

/** `namespace/name/system`: what follows the host in a module address. */
export const modulePath = (m: ModuleName) => `${m.namespace}/${m.name}/${m.system}`;
