/**
 * Runs the declared validators (validators.ts) over a configuration: every attribute that has
 * some, in nested block elements too, skipping values that are null or not known yet (Terraform
 * validates again once they are known, at plan or apply).
 */
import { isUnknown } from '../protocol';
import { keyStep, type PathStep } from './attribute-path';
import type { DiagnosticsCollector } from './context';
import type { BlockNesting, SchemaSpec } from './schema';

type Obj = Record<string, unknown>;

/** Records each validator's errors for the values of `config`, an object of `spec` found at path `at`. */
export function validateAttributes(
  spec: SchemaSpec,
  config: Obj | null,
  diagnostics: DiagnosticsCollector,
  at: PathStep[] = [],
): void {
  if (!config) return;
  for (const [name, attr] of Object.entries(spec.attributes)) {
    const value = config[name];
    if (!attr.validators || value === null || value === undefined || isUnknown(value)) continue;
    const path = [...at, name];
    for (const validator of attr.validators) {
      validator.validate({
        value,
        path,
        attribute: name,
        object: config,
        sensitive: Boolean(attr.sensitive),
        error: (summary, detail, where = path) => diagnostics.error(summary, detail, where),
      });
    }
  }
  for (const [name, block] of Object.entries(spec.blocks ?? {})) {
    for (const [step, element] of blockElements(block.nesting, config[name]))
      validateAttributes(block, element, diagnostics, step === undefined ? [...at, name] : [...at, name, step]);
  }
}

/** The known elements of a block's value, each with its index or key (none for a single block). */
function blockElements(nesting: BlockNesting, value: unknown): [PathStep | undefined, Obj][] {
  if (!isKnownObject(value)) return [];
  if (Array.isArray(value))
    return value.flatMap((element, i): [PathStep, Obj][] => (isKnownObject(element) ? [[i, element]] : []));
  if (nesting === 'map')
    return Object.entries(value).flatMap(([key, element]): [PathStep, Obj][] =>
      isKnownObject(element) ? [[keyStep(key), element]] : [],
    );
  return [[undefined, value]];
}

function isKnownObject(value: unknown): value is Obj {
  return value !== null && value !== undefined && typeof value === 'object' && !isUnknown(value);
}
