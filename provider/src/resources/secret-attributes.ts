/**
 * `secret_attributes` of `mercato_resource`: the configuration's secret properties (those an
 * offering version's schema marks `writeOnly` or `format: password`), written apart from
 * `attributes` in a sensitive argument, so Terraform keeps them out of plans and output. The
 * provider merges both for validation and for the orders it places. The server never returns a
 * secret: on read, a value it does not return keeps the value Terraform had (drift on secrets is
 * not seen), and one it does return (a property that is not secret) stays in `secret_attributes`.
 */
import { ApiError } from '../client/api-error';
import type { MercatoClient } from '../client/mercato-client';
import type { Order } from '../client/orders';
import { isUnknown, keyStep, parsePath, type PathStep } from '../framework';
import { attributeErrors, type SchemaError } from './attributes-validation';

type Obj = Record<string, unknown>;

/** A map or object value: not a leaf such as an unknown value or a DecimalNumber (both classes). */
const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** What a plan checks a configuration against: the offering version as the API gives it. */
export interface VersionSchema {
  version: string;
  options_schema: object;
  /** Paths of the properties the schema makes secret, e.g. `admin_password`, `database.password`. */
  secret_attribute_paths?: string[];
}

/** Paths of the values in an object, down through objects (lists and other values are leaves). */
function leafPaths(value: Obj, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, item]) =>
    isObject(item) && Object.keys(item).length ? leafPaths(item, [...prefix, key]) : [[...prefix, key]],
  );
}

/** The value at `path`; `found` is false when a step is missing or not known yet. */
function lookUp(value: unknown, path: readonly string[]): { found: boolean; value?: unknown } {
  let node = value;
  for (const name of path) {
    if (!isObject(node) || !Object.hasOwn(node, name)) return { found: false };
    node = node[name];
  }
  return { found: true, value: node };
}

/** True when `attributes` already sets the value at `path`, or a value (not an object) on the way to it. */
function collides(attributes: unknown, path: readonly string[]): boolean {
  let node = attributes;
  for (const [i, name] of path.entries()) {
    if (!isObject(node) || !Object.hasOwn(node, name)) return false;
    node = node[name];
    if (i === path.length - 1 || (!isObject(node) && !isUnknown(node))) return true;
  }
  return false;
}

function put(target: Obj, path: readonly string[], value: unknown) {
  let node = target;
  for (const name of path.slice(0, -1)) {
    if (!isObject(node[name])) node[name] = {};
    node = node[name] as Obj;
  }
  node[path[path.length - 1]] = value;
}

/** A copy of `value` down through objects, so that taking values out does not touch the original. */
const copyObjects = (value: Obj): Obj =>
  Object.fromEntries(Object.entries(value).map(([key, item]) => [key, isObject(item) ? copyObjects(item) : item]));

/** Takes the value at `path` out of `target`, and the objects that leaves empty. */
function takeOut(target: Obj, path: readonly string[]) {
  const parents: Obj[] = [target];
  for (const name of path.slice(0, -1)) parents.push(parents[parents.length - 1][name] as Obj);
  delete parents[path.length - 1][path[path.length - 1]];
  for (let depth = path.length - 1; depth > 0 && !Object.keys(parents[depth]).length; depth--)
    delete parents[depth - 1][path[depth - 1]];
}

/** An argument's path to a property, for diagnostics: `['secret_attributes', 'db', 'password']`. */
const at = (argument: string, names: readonly string[]): PathStep[] => [argument, ...names.map(keyStep)];

/** The name a path step gives a property (a list index names none). */
const stepName = (step: PathStep) =>
  typeof step === 'string' ? step : typeof step === 'object' ? step.key : undefined;

/** `attributes` and `secret_attributes` as one configuration: what is validated and ordered. */
export function mergedAttributes(attributes: unknown, secretAttributes: unknown): Obj {
  const merged = isObject(attributes) ? copyObjects(attributes) : {};
  if (isObject(secretAttributes))
    for (const path of leafPaths(secretAttributes)) put(merged, path, lookUp(secretAttributes, path).value);
  return merged;
}

/**
 * Plan-time problems of a configuration: a property set in both arguments, a secret property
 * written in `attributes` (where plans would show it), and the schema's own errors, each at the
 * argument the user wrote it in. Values not known yet are left to the server.
 */
export function configurationErrors(
  version: VersionSchema,
  attributes: unknown,
  secretAttributes: unknown,
): SchemaError[] {
  const errors: SchemaError[] = [];
  const secretLeaves = isObject(secretAttributes) ? leafPaths(secretAttributes) : [];
  for (const path of secretLeaves) {
    if (collides(attributes, path))
      errors.push({
        path: at('secret_attributes', path),
        message: 'is also set in `attributes`: set each property in one of them only',
      });
  }
  const secretPaths = (version.secret_attribute_paths ?? [])
    .map(toNames)
    .filter((path): path is string[] => path !== undefined);
  for (const path of secretPaths) {
    if (lookUp(attributes, path).found) {
      errors.push({
        path: at('attributes', path),
        message:
          'is secret (`writeOnly` or `format: password` in the schema): move it into `secret_attributes`, which Terraform keeps out of plans and output',
      });
    }
  }
  if (errors.length || containsUnknownDeep(attributes) || containsUnknownDeep(secretAttributes)) return errors;
  // A schema error under a property written (or to be written) in secret_attributes points there.
  const secretPrefixes = [...secretLeaves, ...secretPaths];
  const inSecrets = (path: PathStep[]) =>
    secretPrefixes.some((prefix) => prefix.every((name, i) => stepName(path[i + 1]) === name));
  return attributeErrors(version.options_schema, mergedAttributes(attributes, secretAttributes)).map((e) =>
    inSecrets(e.path) ? { ...e, path: ['secret_attributes', ...e.path.slice(1)] } : e,
  );
}

/** Property names of a path the server gave, or undefined when it steps into a list. */
function toNames(path: string): string[] | undefined {
  try {
    const steps: PathStep[] = parsePath(path);
    return steps.every((step) => typeof step === 'string') ? (steps as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function containsUnknownDeep(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknownDeep);
  return isObject(value) && Object.values(value).some(containsUnknownDeep);
}

/**
 * The server's `attributes` of a resource, laid out as the configuration writes them: each
 * property that `layout` (the configured `secret_attributes`) holds goes there, with the server's
 * value when it returns one and else the value Terraform believes the server holds (`believed`).
 */
export function splitSecretAttributes(
  remote: Obj,
  layout: unknown,
  believed: unknown,
): { attributes: Obj; secret_attributes: Obj | null } {
  if (!isObject(layout)) return { attributes: remote, secret_attributes: null };
  const attributes = copyObjects(remote);
  const secrets: Obj = {};
  for (const path of leafPaths(layout)) {
    const returned = lookUp(attributes, path);
    if (returned.found) {
      put(secrets, path, returned.value);
      takeOut(attributes, path);
      continue;
    }
    const held = lookUp(believed, path);
    if (held.found) put(secrets, path, held.value);
  }
  return { attributes, secret_attributes: secrets };
}

/**
 * Places an update order; null when the server says it would change nothing. That happens only
 * when every change Terraform saw was in `secret_attributes` and the server already holds those
 * values: after an import, or when a secret moves from `attributes` to `secret_attributes`,
 * Terraform cannot know what the server holds.
 */
export async function placeUpdateOrder(client: MercatoClient, body: Obj): Promise<Order | null> {
  try {
    return await client.create<Order>('/orders', body);
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.status === 400 &&
      !error.fieldErrors.length &&
      /changes nothing/.test(error.detail)
    )
      return null;
    throw error;
  }
}
