/**
 * Attribute paths as users write them: 'attributes.node_pools[0].replicas', 'tags["env"]', or as
 * an array of steps ['attributes', 'node_pools', 0, 'replicas'] (strings are attribute names,
 * numbers list indexes; use { key: 'env' } for a map key in the array form).
 */
import type { AttributePathStep } from '../protocol';

export type PathStep = string | number | { readonly key: string };
export type PathLike = string | readonly PathStep[];

const TOKEN = /\s*(?:\.?([A-Za-z_][\w-]*)|\[\s*(\d+)\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\])/y;

export function parsePath(path: PathLike): PathStep[] {
  if (typeof path !== 'string') return [...path];
  const steps: PathStep[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < path.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(path);
    if (!match) throw new Error(`Invalid attribute path ${JSON.stringify(path)} at position ${start}`);
    if (match[1] !== undefined) steps.push(match[1]);
    else if (match[2] !== undefined) steps.push(Number(match[2]));
    else steps.push({ key: JSON.parse(`"${match[3]}"`) as string });
  }
  return steps;
}

export function toWireSteps(path: PathLike): AttributePathStep[] {
  return parsePath(path).map((step) =>
    typeof step === 'string'
      ? { attribute_name: step }
      : typeof step === 'number'
        ? { element_key_int: step }
        : { element_key_string: step.key },
  );
}

export function formatPath(path: PathLike): string {
  return parsePath(path)
    .map((step, i) =>
      typeof step === 'string'
        ? i === 0
          ? step
          : `.${step}`
        : typeof step === 'number'
          ? `[${step}]`
          : `[${JSON.stringify(step.key)}]`,
    )
    .join('');
}

/** The step to a key inside a map or object value: written `.key` when it reads as a name, `["a.b"]` otherwise. */
export function keyStep(key: string): PathStep {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : { key };
}

/** Joins a parent path and a child step, e.g. for validating the elements of a list. */
export function childPath(parent: PathLike, ...steps: PathStep[]): PathStep[] {
  return [...parsePath(parent), ...steps];
}
