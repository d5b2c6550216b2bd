/** Small operations on decoded values: comparison, copying, and filling in missing attributes. */
import { isDecimalNumber, isUnknown, sameDecimal } from '../protocol';
import type { SchemaSpec } from './schema';

/**
 * Equality of values as Terraform sees them: objects whatever their key order, numbers by value
 * (1 and 1n are equal), an unknown equal to nothing.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isUnknown(a) || isUnknown(b)) return false;
  if (isDecimalNumber(a) || isDecimalNumber(b))
    return (
      (isDecimalNumber(a) || typeof a === 'number') &&
      (isDecimalNumber(b) || typeof b === 'number') &&
      sameDecimal(String(a), String(b))
    );
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return Number.isInteger(Number(a)) && Number.isInteger(Number(b)) ? BigInt(a) === BigInt(b) : a === b;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a))
    return a.length === (b as unknown[]).length && a.every((item, i) => deepEqual(item, (b as unknown[])[i]));
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** A deep copy in which every unknown became null: what create/update see of a plan. */
export function unknownsToNull<T>(value: T): T {
  if (isUnknown(value)) return null as T;
  if (Array.isArray(value)) return value.map(unknownsToNull) as T;
  if (isContainer(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unknownsToNull(item)])) as T;
  }
  return value;
}

/** A deep copy keeping unknown markers as they are. */
export function clone<T>(value: T): T {
  if (!isContainer(value)) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clone(item)])) as T;
}

/** An object with every attribute and block of the schema: absent ones null, absent list/set/map blocks empty. */
function emptyObject(spec: SchemaSpec): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const name of Object.keys(spec.attributes)) value[name] = null;
  for (const [name, block] of Object.entries(spec.blocks ?? {})) {
    value[name] =
      block.nesting === 'list' || block.nesting === 'set'
        ? []
        : block.nesting === 'map'
          ? {}
          : block.nesting === 'group'
            ? emptyObject(block)
            : null;
  }
  return value;
}

/**
 * The state to send back: `base` (plan or prior state) overlaid with what user code returned,
 * without unknowns, write-only values, or attributes the schema does not know. Where a returned
 * value equals the base one, the base object is kept: it carries the exact cty type of dynamic
 * values (a list stays a list rather than becoming a tuple).
 */
export function completeState(
  spec: SchemaSpec,
  base: Record<string, unknown> | null,
  returned: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const result = emptyObject(spec);
  for (const name of Object.keys(result)) {
    const baseValue = base?.[name];
    const value = returned && returned[name] !== undefined ? returned[name] : baseValue;
    result[name] = baseValue !== undefined && deepEqual(value, baseValue) ? baseValue : value;
    result[name] = unknownsToNullKeepingIdentity(result[name]);
  }
  for (const [name, attr] of Object.entries(spec.attributes)) if (attr.writeOnly) result[name] = null;
  return result;
}

function unknownsToNullKeepingIdentity(value: unknown): unknown {
  return containsUnknownDeep(value) ? unknownsToNull(value) : (value ?? null);
}

function containsUnknownDeep(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (isContainer(value)) return Object.values(value).some(containsUnknownDeep);
  return false;
}

/** A list, set, tuple, map or object: not a leaf such as an unknown or a DecimalNumber. */
function isContainer(value: unknown): value is object {
  return (
    value !== null &&
    typeof value === 'object' &&
    !isUnknown(value) &&
    !isDecimalNumber(value) &&
    !Buffer.isBuffer(value)
  );
}
