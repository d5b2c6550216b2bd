/**
 * Terraform points at the source line of an attribute or nested block, but not at a position
 * inside an attribute's value (like `attributes.node_pools[0].replicas`): there it shows only the
 * resource. For those paths we add the path to the detail so users still see where to look.
 */
import type { AttributePathStep, Diagnostic } from '../protocol';
import type { SchemaSpec } from './schema';

export function mentionDeepPaths(spec: SchemaSpec, diagnostics: Diagnostic[]): Diagnostic[] {
  for (const diagnostic of diagnostics) {
    const steps = diagnostic.attribute?.steps;
    if (steps && reachesInsideAttributeValue(spec, steps)) {
      const where = `At ${formatSteps(steps)}.`;
      if (!diagnostic.detail?.includes(formatSteps(steps))) diagnostic.detail = diagnostic.detail ? `${diagnostic.detail}\n\n${where}` : where;
    }
  }
  return diagnostics;
}

function reachesInsideAttributeValue(spec: SchemaSpec, steps: AttributePathStep[]): boolean {
  let current: SchemaSpec | undefined = spec;
  for (let i = 0; i < steps.length && current; i++) {
    const name = steps[i].attribute_name;
    if (name === undefined) continue; // an index into a block list/map
    if (name in current.attributes) return i < steps.length - 1;
    current = current.blocks?.[name];
  }
  return false;
}

function formatSteps(steps: AttributePathStep[]): string {
  return steps
    .map((step, i) =>
      step.attribute_name !== undefined
        ? (i === 0 ? '' : '.') + step.attribute_name
        : step.element_key_string !== undefined
          ? `[${JSON.stringify(step.element_key_string)}]`
          : `[${step.element_key_int ?? 0}]`,
    )
    .join('');
}
