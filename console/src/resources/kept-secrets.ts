import type { RJSFSchema } from '@rjsf/utils';
import { secretPathNames } from '../offering/secret-paths';

type Attributes = Record<string, unknown>;
const isObject = (value: unknown): value is Attributes =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The resource's secrets (its `secret_attribute_paths`) as lists of property names. */
export function keptSecretPaths(paths: string[] | undefined): string[][] {
  return (paths ?? []).map(secretPathNames).filter((names): names is string[] => !!names);
}

/**
 * The version's schema as an update sees it: a secret the resource holds is no longer required,
 * since an update that leaves it out keeps the stored value (server/src/orders/secret-attributes.ts
 * keepStoredSecrets): the form cannot show it, so an empty field means "unchanged".
 */
export function schemaKeepingSecrets(schema: RJSFSchema, secrets: string[][]): RJSFSchema {
  const copy = structuredClone(schema);
  for (const path of secrets) {
    let node: RJSFSchema | undefined = copy;
    for (const name of path.slice(0, -1)) {
      const next: unknown = node?.properties?.[name];
      node = isObject(next) ? (next as RJSFSchema) : undefined;
    }
    const last = path[path.length - 1];
    if (node && Array.isArray(node.required)) node.required = node.required.filter((n) => n !== last);
  }
  return copy;
}

/**
 * The attributes to send: each object that held a kept secret is there (maybe empty), since the
 * server drops a stored secret whose object an update leaves out.
 */
export function withSecretParents(attributes: Attributes, secrets: string[][]): Attributes {
  const copy = structuredClone(attributes);
  for (const path of secrets) {
    let node = copy;
    for (const name of path.slice(0, -1)) {
      if (node[name] === undefined) node[name] = {};
      const next = node[name];
      if (!isObject(next)) break;
      node = next;
    }
  }
  return copy;
}

/** Two configurations the same as values, key order aside (as the server compares them). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const other = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === other.length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}
