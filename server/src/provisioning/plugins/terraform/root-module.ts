import type { ModuleInput, ModuleOutput } from '../../../registry/modules/module-reader';

/**
 * The root module a run applies (`main.tf.json`, Terraform's JSON configuration syntax): one
 * `module "main"` block calling the offering's module from Mercato's registry at exactly the
 * order's version, each input the order sets passed from a root variable of the same name (its
 * value in the run's variables file, read literally: an attribute's `${...}` is not evaluated),
 * each of the module's outputs re-exported, and the http backend on the resource's state.
 * Variables and outputs carry the module's `sensitive` flags, so that Terraform hides them in
 * its output as the module's author asked (and accepts re-exporting a sensitive output).
 */
export interface RootModuleSpec {
  /** The registry's host as Terraform addresses it, `127.0.0.1:<https port>`. */
  registryHost: string;
  /** `NAMESPACE/NAME/SYSTEM`. */
  module: string;
  version: string;
  /** The module's inputs the order sets: only those are passed, so the module's defaults hold for the others. */
  inputs: ModuleInput[];
  outputs: ModuleOutput[];
  /** The state's address in the http backend (`https://.../terraform-states/resource-<id>`). */
  stateAddress: string;
}

/** The name of the module call: resources are addressed `module.main.<type>.<name>`. */
export const MODULE_CALL = 'main';

/** `main.tf.json` as an object. */
export function rootModule(spec: RootModuleSpec): Record<string, unknown> {
  const call: Record<string, unknown> = {
    source: `${spec.registryHost}/${spec.module}`,
    version: `= ${spec.version}`,
  };
  for (const input of spec.inputs) call[input.name] = `\${var.${input.name}}`;
  return {
    terraform: {
      backend: {
        http: {
          address: spec.stateAddress,
          lock_address: spec.stateAddress,
          unlock_address: spec.stateAddress,
          lock_method: 'LOCK',
          unlock_method: 'UNLOCK',
        },
      },
    },
    ...(spec.inputs.length && {
      variable: Object.fromEntries(
        spec.inputs.map((input) => [input.name, input.sensitive ? { sensitive: true } : {}]),
      ),
    }),
    module: { [MODULE_CALL]: call },
    ...(spec.outputs.length && {
      output: Object.fromEntries(
        spec.outputs.map((output) => [
          output.name,
          { value: `\${module.${MODULE_CALL}.${output.name}}`, ...(output.sensitive && { sensitive: true }) },
        ]),
      ),
    }),
  };
}

/**
 * The run's variable values: the order's attributes that are inputs of the module, whole (secret
 * ones included). Attributes the module has no input for are left out and named in `ignored`.
 */
export function inputValues(
  attributes: Record<string, unknown>,
  inputs: ModuleInput[],
): { values: Record<string, unknown>; set: ModuleInput[]; ignored: string[] } {
  const byName = new Map(inputs.map((input) => [input.name, input]));
  const set = inputs.filter((input) => input.name in attributes);
  return {
    values: Object.fromEntries(set.map((input) => [input.name, attributes[input.name]])),
    set,
    ignored: Object.keys(attributes).filter((name) => !byName.has(name)),
  };
}
