/**
 * A module's outputs as a resource's: those the module marks `sensitive` are secret outputs
 * (stored, never shown), the others outputs. Read from a state file's `outputs` (each output as
 * `{value, type, sensitive}`) or from a saved plan's `planned_values.outputs` (`{sensitive, value}`,
 * no `value` while unknown).
 */
export function splitOutputs(outputs: Record<string, { sensitive?: boolean; value?: unknown }>): {
  outputs: Record<string, unknown>;
  secret_outputs: Record<string, unknown>;
} {
  const split = { outputs: {} as Record<string, unknown>, secret_outputs: {} as Record<string, unknown> };
  for (const [name, output] of Object.entries(outputs)) {
    if (!('value' in output)) continue;
    (output.sensitive ? split.secret_outputs : split.outputs)[name] = output.value;
  }
  return split;
}
