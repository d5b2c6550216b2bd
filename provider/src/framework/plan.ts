/**
 * Plan semantics (PlanResourceChange), given Terraform's proposed new state:
 * - defaults fill attributes the configuration leaves null;
 * - write-only attributes are never planned;
 * - computed attributes the configuration leaves null become unknown ("known after apply") when
 *   the resource is created or changes, and keep their prior value when nothing changes or only
 *   a `timeouts` block does (a time limit changes nothing on the remote object);
 * - then each attribute's plan modifiers set its value, in order (plan-modifiers.ts);
 * - a change to an attribute whose plan modifiers say so (`requiresReplace()`) forces
 *   replacement, and so does any change to a resource without update().
 */
import { UNKNOWN, isUnknown } from '../protocol';
import { isComputed, type BlockSpec, type SchemaSpec } from './schema';
import { clone, deepEqual } from './values';
import type { PathStep } from './attribute-path';
import type { PlanModifierRequest } from './plan-modifiers';

type Obj = Record<string, unknown>;

export interface PlannedChange {
  planned: Obj;
  requiresReplace: PathStep[][];
}

export function planChange(
  spec: SchemaSpec,
  prior: Obj | null,
  proposed: Obj,
  config: Obj,
  canUpdate: boolean,
): PlannedChange {
  const planned = copyForPlanning(spec, proposed);
  applyDefaultsAndWriteOnly(spec, planned, config);
  const forced = prior && !canUpdate ? changedPaths(spec, prior, planned) : [];
  if (!prior || changesBeyondTimeouts(spec, planned, prior)) markComputedUnknown(spec, planned, config);
  applyPlanModifiers(spec, planned, config, prior);
  const requested = prior ? modifierReplacementPaths(spec, prior, planned, config) : [];
  return { planned, requiresReplace: uniquePaths([...forced, ...requested]) };
}

function changesBeyondTimeouts(spec: SchemaSpec, planned: Obj, prior: Obj): boolean {
  return Object.keys(planned).some(
    (name) => !spec.blocks?.[name]?.timeoutDefaults && !deepEqual(planned[name], prior[name]),
  );
}

/**
 * A copy of the object and of its nested block elements, which planning changes. Attribute values
 * are shared, not deep-copied: a dynamic value carries its exact cty type (remembered by object
 * identity when decoded), and a copy would lose it, so an unknown number inside `{ n = x.id }`
 * would go back as an unknown of any type and Terraform would reject the plan.
 */
function copyForPlanning(spec: SchemaSpec, value: Obj): Obj {
  const copy = { ...value };
  for (const [name, block] of Object.entries(spec.blocks ?? {})) {
    const element = (item: unknown) => (isObject(item) && !isUnknown(item) ? copyForPlanning(block, item) : item);
    const current = copy[name];
    if (Array.isArray(current)) copy[name] = current.map(element);
    else if (block.nesting === 'map' && isObject(current) && !isUnknown(current))
      copy[name] = Object.fromEntries(Object.entries(current).map(([key, item]) => [key, element(item)]));
    else copy[name] = element(current);
  }
  return copy;
}

function applyDefaultsAndWriteOnly(spec: SchemaSpec, planned: Obj, config: Obj | null): void {
  for (const [name, attr] of Object.entries(spec.attributes)) {
    if (attr.writeOnly) planned[name] = null;
    else if (attr.default !== undefined && (config?.[name] ?? null) === null) planned[name] = clone(attr.default);
  }
  forEachBlockElement(spec, planned, config, (block, element, configElement) =>
    applyDefaultsAndWriteOnly(block, element, configElement),
  );
}

function markComputedUnknown(spec: SchemaSpec, planned: Obj, config: Obj | null): void {
  for (const [name, attr] of Object.entries(spec.attributes)) {
    const unset = (config?.[name] ?? null) === null;
    if (isComputed(attr) && attr.default === undefined && unset) planned[name] = UNKNOWN;
  }
  forEachBlockElement(spec, planned, config, (block, element, configElement) =>
    markComputedUnknown(block, element, configElement),
  );
}

function modifierRequest(name: string, planned: Obj, config: Obj | null, prior: Obj | null): PlanModifierRequest {
  return {
    config: config?.[name] ?? null,
    prior: prior ? prior[name] : undefined,
    planned: planned[name],
    configObject: config ?? {},
    priorObject: prior,
    plannedObject: planned,
  };
}

/** Runs each attribute's value modifiers, in nested block elements too (each with its own prior element). */
function applyPlanModifiers(spec: SchemaSpec, planned: Obj, config: Obj | null, prior: Obj | null): void {
  for (const [name, attr] of Object.entries(spec.attributes)) {
    for (const modifier of attr.planModifiers ?? []) {
      if (modifier.planValue) planned[name] = modifier.planValue(modifierRequest(name, planned, config, prior));
    }
  }
  for (const [name, block] of Object.entries(spec.blocks ?? {})) {
    const priors = pairedElements(block, planned[name], prior?.[name] ?? null);
    pairedElements(block, planned[name], config?.[name] ?? null).forEach(([, element, configElement], i) =>
      applyPlanModifiers(block, element, configElement, priors[i][2]),
    );
  }
}

/** Without update(), a change to anything the configuration decides replaces the object (compared before computed values are marked unknown). */
function changedPaths(spec: SchemaSpec, prior: Obj, planned: Obj): PathStep[][] {
  const paths: PathStep[][] = [];
  for (const [name, attr] of Object.entries(spec.attributes)) {
    const configurable = !(isComputed(attr) && !attr.optional && attr.default === undefined);
    if (configurable && !attr.writeOnly && !deepEqual(planned[name], prior[name])) paths.push([name]);
  }
  for (const [name, block] of Object.entries(spec.blocks ?? {})) {
    // Changing a timeout never replaces anything.
    if (!block.timeoutDefaults && !deepEqual(planned[name], prior[name])) paths.push([name]);
  }
  return paths;
}

/** The attributes, in nested blocks too, whose change a plan modifier says forces replacement (`requiresReplace()`). */
function modifierReplacementPaths(spec: SchemaSpec, prior: Obj, planned: Obj, config: Obj | null): PathStep[][] {
  const paths: PathStep[][] = [];
  for (const [name, attr] of Object.entries(spec.attributes)) {
    if (attr.writeOnly || deepEqual(planned[name], prior[name])) continue;
    const request = modifierRequest(name, planned, config, prior);
    if (attr.planModifiers?.some((modifier) => modifier.requiresReplace?.(request))) paths.push([name]);
  }
  for (const [name, block] of Object.entries(spec.blocks ?? {})) {
    const configElements = pairedElements(block, planned[name], config?.[name] ?? null);
    pairedElements(block, planned[name], prior[name]).forEach(([index, element, priorElement], i) => {
      if (!priorElement) return;
      for (const inner of modifierReplacementPaths(block, priorElement, element, configElements[i]?.[2] ?? null))
        paths.push([name, ...(index === undefined ? [] : [index]), ...inner]);
    });
  }
  return paths;
}

/** Visits each element of each nested block together with its counterpart in the configuration. */
function forEachBlockElement(
  spec: SchemaSpec,
  value: Obj,
  config: Obj | null,
  visit: (block: BlockSpec, element: Obj, configElement: Obj | null) => void,
): void {
  for (const [name, block] of Object.entries(spec.blocks ?? {})) {
    for (const [, element, configElement] of pairedElements(block, value[name], config?.[name] ?? null))
      visit(block, element, configElement);
  }
}

/** Elements of a block value matched with another value's elements by index or key. */
function pairedElements(block: BlockSpec, value: unknown, other: unknown): [PathStep | undefined, Obj, Obj][] {
  if (value === null || typeof value !== 'object') return [];
  if (block.nesting === 'single' || block.nesting === 'group')
    return isObject(other) ? [[undefined, value as Obj, other]] : [[undefined, value as Obj, null as unknown as Obj]];
  if (Array.isArray(value)) {
    const others = Array.isArray(other) ? other : [];
    // Set elements have no stable position, so they pair only when both sides have the same count.
    if (block.nesting === 'set' && others.length !== value.length)
      return value.map((element) => [undefined, element as Obj, null as unknown as Obj]);
    return value.map((element, i) => [i, element as Obj, (isObject(others[i]) ? others[i] : null) as Obj]);
  }
  const others = isObject(other) ? other : {};
  return Object.entries(value as Obj).map(([key, element]) => [
    { key },
    element as Obj,
    (isObject(others[key]) ? others[key] : null) as Obj,
  ]);
}

function uniquePaths(paths: PathStep[][]): PathStep[][] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = JSON.stringify(path);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
