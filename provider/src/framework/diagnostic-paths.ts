/**
 * Attribute paths Terraform can show. Terraform 1.11 places a diagnostic's path in the
 * configuration by walking nested blocks, then one attribute, then at most one index step into
 * that attribute's value when the value is written out (`{...}` or `[...]`): `limits["cpu"]`
 * underlines the value of `cpu`, `attributes["node_pools"]` the value of `node_pools`. A deeper
 * path, or a key written as an attribute step, falls back to the resource's first line
 * (internal/tfdiags/contextual.go, ElaborateFromConfigBody and hclRangeFromIndexStepAndAttribute).
 * So a path into an attribute's value is sent as index steps, cut after the first one, and the
 * whole path is written into the detail.
 */
import type { AttributePathStep, Diagnostic } from '../protocol';
import { formatPath, keyStep, type PathStep } from './attribute-path';
import type { SchemaSpec } from './schema';

/** The diagnostics, each path made one Terraform can point at (see above). */
export function placeDiagnostics(spec: SchemaSpec, diagnostics: Diagnostic[]): Diagnostic[] {
  for (const diagnostic of diagnostics) {
    const steps = diagnostic.attribute?.steps;
    if (!steps) continue;
    const inside = stepsInsideValue(spec, steps);
    if (inside === undefined) continue;
    const full = formatPath(steps.map(toPathStep));
    diagnostic.attribute = { steps: [...steps.slice(0, inside), asIndexStep(steps[inside])] };
    if (inside < steps.length - 1 && !diagnostic.detail?.includes(full)) {
      const where = `At ${full}.`;
      diagnostic.detail = diagnostic.detail ? `${diagnostic.detail}\n\n${where}` : where;
    }
  }
  return diagnostics;
}

/** The index of the first step inside an attribute's value, or undefined when the path ends at an attribute or block. */
function stepsInsideValue(spec: SchemaSpec, steps: AttributePathStep[]): number | undefined {
  let current: SchemaSpec | undefined = spec;
  for (let i = 0; i < steps.length && current; i++) {
    const name = steps[i].attribute_name;
    if (name === undefined) continue; // an index into a list, set or map of blocks
    if (name in current.attributes) return i < steps.length - 1 ? i + 1 : undefined;
    current = current.blocks?.[name];
  }
  return undefined;
}

/** Object keys inside a value as index steps: the only kind Terraform matches against `{ key = ... }`. */
function asIndexStep(step: AttributePathStep): AttributePathStep {
  return step.attribute_name !== undefined ? { element_key_string: step.attribute_name } : step;
}

function toPathStep(step: AttributePathStep): PathStep {
  if (step.attribute_name !== undefined) return step.attribute_name;
  if (step.element_key_string !== undefined) return keyStep(step.element_key_string);
  return step.element_key_int ?? 0;
}
