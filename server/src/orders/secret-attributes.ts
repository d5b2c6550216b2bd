/**
 * Secret attributes (catalog/secret-properties.ts says which) are kept apart from the others:
 * the `attributes` column of resources and orders holds only what may be shown, and
 * `secret_attributes` holds each secret value with its path. What the API presents is built from
 * `attributes` alone, so no answer, event or log can carry a secret; plugins get both, merged.
 */
import equal from 'fast-deep-equal';
import type { OfferingVersionRow, ResourceRow } from '../db/tables';
import { json } from '../http/route-context';
import { secretPropertyPaths } from '../catalog/secret-properties';

export type Attributes = Record<string, unknown>;

/** One secret value and where it sits in `attributes` (property names from the top). */
export interface StoredSecret {
  path: string[];
  value: unknown;
}

/** What is stored for a configuration: the attributes that may be shown, and the secrets. */
export interface SplitAttributes {
  visible: Attributes;
  secrets: StoredSecret[];
}

const isObject = (value: unknown): value is Attributes =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy of a JSON value, made of this realm's objects (structuredClone's can fail a same-constructor comparison). */
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The object holding the value at `path`, or undefined when a step is missing or not an object. */
function parentOf(attributes: Attributes, path: string[]): Attributes | undefined {
  let node: unknown = attributes;
  for (const name of path.slice(0, -1)) node = isObject(node) && Object.hasOwn(node, name) ? node[name] : undefined;
  return isObject(node) ? node : undefined;
}

function has(attributes: Attributes, path: string[]): boolean {
  const parent = parentOf(attributes, path);
  return parent !== undefined && Object.hasOwn(parent, path[path.length - 1]);
}

/** Takes the secret values out of a configuration; objects left empty by that go too. */
export function splitSecrets(attributes: Attributes, secretPaths: string[][]): SplitAttributes {
  const visible = copyOf(attributes);
  const secrets: StoredSecret[] = [];
  for (const path of secretPaths) {
    const parent = parentOf(visible, path);
    const name = path[path.length - 1];
    if (!parent || !Object.hasOwn(parent, name)) continue;
    secrets.push({ path, value: parent[name] });
    delete parent[name];
    pruneEmptied(visible, path);
  }
  return { visible, secrets };
}

/** Removes the objects on `path` that taking a secret out of left empty, deepest first. */
function pruneEmptied(attributes: Attributes, path: string[]) {
  for (let depth = path.length - 1; depth > 0; depth--) {
    const parent = parentOf(attributes, path.slice(0, depth));
    const name = path[depth - 1];
    if (!parent || !isObject(parent[name]) || Object.keys(parent[name] as Attributes).length) return;
    delete parent[name];
  }
}

/** The whole configuration, secrets in place: what validation and plugins see. */
function withSecrets(visible: Attributes, secrets: StoredSecret[]): Attributes {
  const merged = copyOf(visible);
  for (const { path, value } of secrets) {
    let node = merged;
    for (const name of path.slice(0, -1)) {
      if (!isObject(node[name])) node[name] = {};
      node = node[name] as Attributes;
    }
    node[path[path.length - 1]] = value;
  }
  return merged;
}

/**
 * The configuration an update asks for, with each stored secret it leaves out put back: a client
 * cannot read a secret to send it again. A secret goes only when the object that held it goes.
 */
function keepStoredSecrets(requested: Attributes, stored: StoredSecret[]): Attributes {
  const kept = stored.filter(({ path }) => !has(requested, path) && parentOf(requested, path) !== undefined);
  return withSecrets(requested, kept);
}

/** The stored secrets of a row's `secret_attributes` column. */
export const storedSecrets = (column: string): StoredSecret[] => json<StoredSecret[]>(column, []);

/**
 * The `attributes` and `secret_attributes` columns for a configuration of a version. `heldSecret`:
 * the paths a row already keeps secret. They stay secret whatever the schema says now: a value
 * sent as a secret is never shown, even when a provider removes the mark from the schema or the
 * resource moves to a version without it.
 */
export function storedAttributes(
  version: Pick<OfferingVersionRow, 'options_schema'>,
  attributes: Attributes,
  heldSecret: StoredSecret[] = [],
) {
  const paths = secretPropertyPaths(json(version.options_schema, {}));
  for (const { path } of heldSecret) if (!paths.some((known) => equal(known, path))) paths.push(path);
  const { visible, secrets } = splitSecrets(attributes, paths);
  return { attributes: JSON.stringify(visible), secret_attributes: JSON.stringify(secrets) };
}

/** A stored row's whole configuration, secrets in place. */
export const wholeAttributes = (row: Pick<ResourceRow, 'attributes' | 'secret_attributes'>): Attributes =>
  withSecrets(json(row.attributes, {}), storedSecrets(row.secret_attributes));

/**
 * The configuration an update order leads to: the resource's own when the order gives none, else
 * the one given with the stored secrets it leaves out; `changed` when that differs from the
 * resource's as values (key order aside).
 */
export function orderedAttributes(
  resource: Pick<ResourceRow, 'attributes' | 'secret_attributes'>,
  requested: Attributes | undefined,
) {
  const current = wholeAttributes(resource);
  if (requested === undefined) return { attributes: current, changed: false };
  const attributes = keepStoredSecrets(requested, storedSecrets(resource.secret_attributes));
  return { attributes, changed: !equal(attributes, current) };
}

/** How the API names a secret's path: `admin_password`, `database.password`, `a["odd key"]`. */
export function formatSecretPath(path: string[]): string {
  return path
    .map((name, i) => (/^[A-Za-z_][\w-]*$/.test(name) ? (i ? `.${name}` : name) : `[${JSON.stringify(name)}]`))
    .join('');
}

/** The paths of the secrets a row holds, for its `secret_attribute_paths`. */
export const secretPathsOf = (column: string): string[] =>
  storedSecrets(column).map(({ path }) => formatSecretPath(path));

/** How orders and resources say which secrets they hold, never what they are. */
export const SECRET_ATTRIBUTE_PATHS = {
  type: 'array',
  items: { type: 'string' },
  description:
    'The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned.',
} as const;

/** Text with every secret value it quotes (as text of 4 characters or more) replaced by a mask. */
export function redactSecrets(text: string, secrets: StoredSecret[], mask = '********'): string {
  // Longest first, so that a secret containing another is masked whole.
  return secretTexts(secrets)
    .sort((a, b) => b.length - a.length)
    .reduce((redacted, secret) => redacted.split(secret).join(mask), text);
}

/** The texts `redactSecrets` masks: each secret's strings and numbers (inside objects and arrays too) of 4 characters or more. */
export const secretTexts = (secrets: StoredSecret[]): string[] =>
  secrets.flatMap(({ value }) => leafTexts(value)).filter((t) => t.length >= 4);

function leafTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'bigint') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(leafTexts);
  if (isObject(value)) return Object.values(value).flatMap(leafTexts);
  return [];
}
