/**
 * cty values <-> plain JavaScript values, guided by the cty type.
 *
 * JS value model:
 *   null                       null (of any type)
 *   UnknownValue               unknown ("known after apply")
 *   string / boolean           string / bool
 *   number | bigint            number: bigint only for integers beyond 2^53
 *   DecimalNumber              number: a decimal a double cannot give back (its text)
 *   array                      list, set, tuple
 *   plain object               map, object
 *   anything                   dynamic: the plain value; its cty type is remembered (see below)
 *
 * Numbers go back to Terraform as integers when they are integers and as decimal strings
 * otherwise: Terraform sends 0.1 as the string "0.1" (it is not exactly a float64) and compares
 * our planned value with its config bit for bit, so a float64 0.1 would be "inconsistent".
 */
import {
  decodeMsgpack,
  encodeMsgpack,
  MsgpackExtension,
  peekToken,
  readArrayHeader,
  readMapHeader,
  readStringToken,
  readValue,
  sharedWriter,
  TOKEN_ARRAY,
  TOKEN_BINARY,
  TOKEN_BOOL,
  TOKEN_EXTENSION,
  TOKEN_MAP,
  TOKEN_NIL,
  TOKEN_NUMBER,
  TOKEN_STRING,
  type MsgpackReader,
  type MsgpackValue,
  type MsgpackWriter,
} from './msgpack';
import { typeFromJson, typeToJson, type CtyType } from './cty-type';
import { UnknownValue, isUnknown } from './unknown';
import { numberFromText, parseJson } from './json';
import { isDecimalNumber, type DecimalNumber } from './decimal-number';

/**
 * The cty type of each object/array that was decoded from a dynamic value. Encoding the same
 * object again reuses it, so a list(string) stays a list and does not come back as a tuple.
 */
const dynamicTypes = new WeakMap<object, CtyType>();

// ---------------------------------------------------------------- msgpack -> JS

/**
 * Decodes a DynamicValue's msgpack bytes; empty bytes mean null.
 *
 * The fast path reads the bytes straight into JS values, guided by the type. It gives up on
 * anything unusual (a type mismatch, truncated input, a non-string map key...), and then the
 * reference path below (generic msgpack, then cty) decodes again and decides: the same value or
 * the same error as always.
 */
export function decodeCtyMsgpack(type: CtyType, bytes: Buffer | undefined | null): unknown {
  if (!bytes || bytes.length === 0) return null;
  try {
    const reader: MsgpackReader = { buf: bytes, pos: 0 };
    const value = readTyped(type, reader);
    if (reader.pos === bytes.length) return value;
  } catch {
    // fall back to the reference path
  }
  return fromMsgpack(type, decodeMsgpack(bytes));
}

/** Thrown by the fast paths to hand over to the reference path; never escapes this module. */
const BAIL = new Error('cty: fast path gave up');

function readTyped(type: CtyType, r: MsgpackReader): unknown {
  const token = peekToken(r);
  if (token === TOKEN_EXTENSION) return new UnknownValue(readValue(r) as MsgpackExtension);
  if (type === 'dynamic') return readDynamic(r, token);
  if (token === TOKEN_NIL) {
    r.pos++;
    return null;
  }
  if (type === 'string') {
    if (token !== TOKEN_STRING) throw BAIL;
    return readStringToken(r);
  }
  if (type === 'bool') {
    if (token !== TOKEN_BOOL) throw BAIL;
    return r.buf[r.pos++] === 0xc3;
  }
  if (type === 'number') {
    if (token === TOKEN_NUMBER) return readValue(r);
    if (token === TOKEN_STRING) return numberFromText(readStringToken(r));
    throw BAIL;
  }
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (token !== TOKEN_ARRAY) throw BAIL;
      const length = readArrayHeader(r);
      const elementType = type[1];
      const items: unknown[] = [];
      for (let i = 0; i < length; i++) items.push(readTyped(elementType, r));
      return items;
    }
    case 'tuple': {
      if (token !== TOKEN_ARRAY) throw BAIL;
      const length = readArrayHeader(r);
      const elementTypes = type[1];
      const items: unknown[] = [];
      for (let i = 0; i < length; i++) items.push(readTyped(elementTypes[i] ?? 'dynamic', r));
      return items;
    }
    case 'map': {
      if (token !== TOKEN_MAP) throw BAIL;
      const length = readMapHeader(r);
      const elementType = type[1];
      const result: Record<string, unknown> = {};
      for (let i = 0; i < length; i++) {
        if (peekToken(r) !== TOKEN_STRING) throw BAIL;
        const key = readStringToken(r);
        if (key === '__proto__') throw BAIL;
        result[key] = readTyped(elementType, r);
      }
      return result;
    }
    case 'object': {
      if (token !== TOKEN_MAP) throw BAIL;
      const info = objectInfo(type[1]);
      if (info.hasProto) throw BAIL;
      const length = readMapHeader(r);
      const values: unknown[] = new Array(info.names.length).fill(null);
      for (let i = 0; i < length; i++) {
        if (peekToken(r) !== TOKEN_STRING) throw BAIL;
        const index = info.index.get(readStringToken(r));
        if (index === undefined)
          readValue(r); // not in the type: skipped, as the reference path does
        else values[index] = readTyped(info.types[index], r);
      }
      const result: Record<string, unknown> = {};
      for (let i = 0; i < info.names.length; i++) result[info.names[i]] = values[i];
      return result;
    }
    default:
      throw BAIL;
  }
}

function readDynamic(r: MsgpackReader, token: number): unknown {
  if (token === TOKEN_NIL) {
    r.pos++;
    return null;
  }
  if (token !== TOKEN_ARRAY || readArrayHeader(r) !== 2) throw BAIL;
  const typeToken = peekToken(r);
  if (typeToken !== TOKEN_BINARY && typeToken !== TOKEN_STRING) throw BAIL;
  const typeJson = readValue(r) as Buffer | string;
  const realType = internedType(typeof typeJson === 'string' ? typeJson : typeJson.toString());
  const value = readTyped(realType, r);
  if (value !== null && typeof value === 'object' && !isUnknown(value)) dynamicTypes.set(value, realType);
  return value;
}

/**
 * Parsed types by their JSON text. Terraform sends the same few types for every resource; the
 * parsed type is only ever read, so one object per text is shared by all the values of that type.
 */
const typesByJson = new Map<string, CtyType>();
const MAX_INTERNED_TYPES = 512;

function internedType(json: string): CtyType {
  let type = typesByJson.get(json);
  if (type === undefined) {
    type = typeFromJson(json);
    if (typesByJson.size < MAX_INTERNED_TYPES) typesByJson.set(json, type);
  }
  return type;
}

interface ObjectInfo {
  names: string[];
  types: CtyType[];
  index: Map<string, number>;
  hasProto: boolean;
}

/** Attribute names and types of an object type in declaration order, computed once per type. */
const objectInfos = new WeakMap<object, ObjectInfo>();

function objectInfo(attributes: { readonly [name: string]: CtyType }): ObjectInfo {
  let info = objectInfos.get(attributes);
  if (!info) {
    const names = Object.keys(attributes);
    info = {
      names,
      types: names.map((name) => attributes[name]),
      index: new Map(names.map((name, i) => [name, i])),
      hasProto: names.includes('__proto__'),
    };
    objectInfos.set(attributes, info);
  }
  return info;
}

function fromMsgpack(type: CtyType, raw: MsgpackValue): unknown {
  if (raw instanceof MsgpackExtension) return new UnknownValue(raw);
  if (type === 'dynamic') return fromDynamicMsgpack(raw);
  if (raw === null) return null;
  if (type === 'string') return expect(typeof raw === 'string', raw, type);
  if (type === 'bool') return expect(typeof raw === 'boolean', raw, type);
  if (type === 'number') return numberFromMsgpack(raw);
  switch (type[0]) {
    case 'list':
    case 'set': {
      const elementType = type[1];
      return asArray(raw, type).map((item) => fromMsgpack(elementType, item));
    }
    case 'tuple': {
      const elementTypes = type[1];
      return asArray(raw, type).map((item, i) => fromMsgpack(elementTypes[i] ?? 'dynamic', item));
    }
    case 'map': {
      const elementType = type[1];
      return Object.fromEntries([...asMap(raw, type)].map(([key, item]) => [key, fromMsgpack(elementType, item)]));
    }
    case 'object': {
      const map = asMap(raw, type);
      return Object.fromEntries(
        Object.entries(type[1]).map(([name, attrType]) => [name, fromMsgpack(attrType, map.get(name) ?? null)]),
      );
    }
  }
}

/** A dynamic value travels as [type JSON, value] so the receiver can recover its real type. */
function fromDynamicMsgpack(raw: MsgpackValue): unknown {
  if (raw === null) return null;
  if (!Array.isArray(raw) || raw.length !== 2) throw new Error('cty: a dynamic value must be a [type, value] pair');
  const [typeJson, inner] = raw;
  const realType = typeFromJson(Buffer.isBuffer(typeJson) ? typeJson : String(typeJson));
  const value = fromMsgpack(realType, inner);
  if (value !== null && typeof value === 'object' && !isUnknown(value)) dynamicTypes.set(value, realType);
  return value;
}

function numberFromMsgpack(raw: MsgpackValue): number | bigint | DecimalNumber {
  if (typeof raw === 'number' || typeof raw === 'bigint') return raw;
  if (typeof raw === 'string') return numberFromText(raw);
  throw new Error(`cty: expected a number, got ${describe(raw)}`);
}

// ---------------------------------------------------------------- JS -> msgpack

/**
 * Encodes a value of the type. The fast path writes straight into the shared msgpack buffer; on
 * anything it does not handle (a value that does not fit its type, a remembered dynamic type the
 * value no longer fits...) the reference path encodes again, with the same bytes or error as always.
 */
export function encodeCtyMsgpack(type: CtyType, value: unknown): Buffer {
  const writer = sharedWriter;
  writer.reset();
  try {
    writeTyped(writer, type, value);
    return writer.result();
  } catch {
    // fall back to the reference path
  }
  return encodeMsgpack(toMsgpack(type, value, []));
}

const FRESH_UNKNOWN = new MsgpackExtension(0, Buffer.from([0]));
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_LIMIT = 2n ** 64n;

function writeTyped(w: MsgpackWriter, type: CtyType, value: unknown): void {
  if (value instanceof UnknownValue) {
    const raw = value.raw ?? FRESH_UNKNOWN;
    if (!(raw instanceof MsgpackExtension)) throw BAIL;
    w.extension(raw);
    return;
  }
  if (value === null || value === undefined) {
    w.nil();
    return;
  }
  if (type === 'dynamic') return writeDynamic(w, value);
  if (type === 'string') {
    if (typeof value === 'string') w.string(value);
    else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
      w.string(String(value));
    else throw BAIL;
    return;
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw BAIL;
    w.bool(value);
    return;
  }
  if (type === 'number') {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw BAIL;
      if (Number.isSafeInteger(value)) w.number(value);
      else w.string(String(value));
    } else if (typeof value === 'bigint') {
      if (value >= INT64_MIN && value < UINT64_LIMIT) w.bigint(value);
      else w.string(value.toString());
    } else if (isDecimalNumber(value)) w.string(value.text);
    else if (typeof value === 'string' && NUMBER_TEXT.test(value)) w.string(value);
    else throw BAIL;
    return;
  }
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) throw BAIL;
      const elementType = type[1];
      w.arrayHeader(value.length);
      for (let i = 0; i < value.length; i++) writeTyped(w, elementType, value[i]);
      return;
    }
    case 'tuple': {
      const elementTypes = type[1];
      if (!Array.isArray(value) || value.length !== elementTypes.length) throw BAIL;
      w.arrayHeader(value.length);
      for (let i = 0; i < value.length; i++) writeTyped(w, elementTypes[i], value[i]);
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw BAIL;
      const elementType = type[1];
      const entries = Object.entries(value);
      w.mapHeader(entries.length);
      for (const [key, item] of entries) {
        w.string(key);
        writeTyped(w, elementType, item);
      }
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) throw BAIL;
      const info = objectInfo(type[1]);
      const object = value as Record<string, unknown>;
      w.mapHeader(info.names.length);
      for (let i = 0; i < info.names.length; i++) {
        const name = info.names[i];
        w.string(name);
        writeTyped(w, info.types[i], object[name] ?? null);
      }
      return;
    }
    default:
      throw BAIL;
  }
}

/** [type JSON, value]: with the remembered type when the value still fits it (see dynamicTypeOf). */
function writeDynamic(w: MsgpackWriter, value: unknown): void {
  let realType: CtyType | undefined;
  if (typeof value === 'object') {
    const remembered = dynamicTypes.get(value as object);
    // A value that no longer fits its remembered type makes writeTyped give up, and the reference
    // path then infers the type instead.
    if (
      remembered &&
      !(
        Array.isArray(remembered) &&
        remembered[0] === 'object' &&
        hasExtraKeys(value as object, remembered[1] as object)
      )
    )
      realType = remembered;
  }
  realType ??= inferType(value);
  w.arrayHeader(2);
  w.binary(typeJsonBytes(realType));
  writeTyped(w, realType, value);
}

function hasExtraKeys(value: object, attributes: object): boolean {
  for (const key of Object.keys(value)) if (!(key in attributes)) return true;
  return false;
}

/** The JSON bytes of a type, computed once per type object (primitive types: once). */
const typeJsonCache = new WeakMap<object, Buffer>();
const primitiveTypeJson = new Map<string, Buffer>();

function typeJsonBytes(type: CtyType): Buffer {
  const cache = typeof type === 'string' ? primitiveTypeJson : typeJsonCache;
  let bytes = (cache as Map<unknown, Buffer>).get(type);
  if (bytes === undefined) {
    bytes = typeToJson(type);
    (cache as Map<unknown, Buffer>).set(type, bytes);
  }
  return bytes;
}

function toMsgpack(type: CtyType, value: unknown, path: (string | number)[]): MsgpackValue {
  if (isUnknown(value)) return value.raw ?? new MsgpackExtension(0, Buffer.from([0]));
  if (type === 'dynamic') return value === null || value === undefined ? null : toDynamicMsgpack(value, path);
  if (value === null || value === undefined) return null;
  try {
    return toMsgpackKnown(type, value, path);
  } catch (error) {
    if (error instanceof CtyEncodeError) throw error;
    throw new CtyEncodeError(path, (error as Error).message);
  }
}

function toMsgpackKnown(type: Exclude<CtyType, 'dynamic'>, value: unknown, path: (string | number)[]): MsgpackValue {
  if (type === 'string') {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
    throw new CtyEncodeError(path, `expected a string, got ${describe(value)}`);
  }
  if (type === 'bool') {
    if (typeof value === 'boolean') return value;
    throw new CtyEncodeError(path, `expected a bool, got ${describe(value)}`);
  }
  if (type === 'number') return numberToMsgpack(value, path);
  switch (type[0]) {
    case 'list':
    case 'set': {
      const elementType = type[1];
      return expectArray(value, path).map((item, i) => toMsgpack(elementType, item, [...path, i]));
    }
    case 'tuple': {
      const elementTypes = type[1];
      const items = expectArray(value, path);
      if (items.length !== elementTypes.length)
        throw new CtyEncodeError(path, `expected a tuple of ${elementTypes.length} elements`);
      return items.map((item, i) => toMsgpack(elementTypes[i], item, [...path, i]));
    }
    case 'map': {
      const elementType = type[1];
      return new Map(
        Object.entries(expectObject(value, path)).map(([key, item]) => [
          key,
          toMsgpack(elementType, item, [...path, key]),
        ]),
      );
    }
    case 'object': {
      const object = expectObject(value, path);
      // Every attribute must be present, null or not: cty rejects objects with missing attributes.
      return new Map(
        Object.entries(type[1]).map(([name, attrType]) => [
          name,
          toMsgpack(attrType, object[name] ?? null, [...path, name]),
        ]),
      );
    }
  }
}

function numberToMsgpack(value: unknown, path: (string | number)[]): MsgpackValue {
  if (typeof value === 'bigint') return value >= -(2n ** 63n) && value < 2n ** 64n ? value : value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CtyEncodeError(path, `${value} is not a valid number`);
    return Number.isSafeInteger(value) ? value : String(value);
  }
  if (isDecimalNumber(value)) return value.text;
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) return value;
  throw new CtyEncodeError(path, `expected a number, got ${describe(value)}`);
}

function toDynamicMsgpack(value: unknown, path: (string | number)[]): MsgpackValue {
  const realType = dynamicTypeOf(value);
  return [typeToJson(realType), toMsgpack(realType, value, path)];
}

/** The remembered type when the value still fits it, otherwise the type HCL would give a literal. */
export function dynamicTypeOf(value: unknown): CtyType {
  if (value !== null && typeof value === 'object') {
    const remembered = dynamicTypes.get(value);
    if (remembered && fitsType(remembered, value)) return remembered;
  }
  return inferType(value);
}

/** HCL literal types: objects for `{...}`, tuples for `[...]`. */
export function inferType(value: unknown): CtyType {
  if (value === null || value === undefined || isUnknown(value)) return 'dynamic';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number' || typeof value === 'bigint' || isDecimalNumber(value)) return 'number';
  if (Array.isArray(value)) return ['tuple', value.map(dynamicTypeOf)];
  if (typeof value === 'object') {
    return ['object', Object.fromEntries(Object.entries(value).map(([key, item]) => [key, dynamicTypeOf(item)]))];
  }
  throw new Error(`cty: cannot infer a type for ${describe(value)}`);
}

function fitsType(type: CtyType, value: unknown): boolean {
  try {
    toMsgpack(type, value, []);
    if (Array.isArray(type) && type[0] === 'object') {
      // Extra keys would be silently dropped by an object type: treat as not fitting.
      return Object.keys(value as object).every((key) => key in (type[1] as object));
    }
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- state JSON -> JS

/**
 * Decodes Terraform's stored JSON state (UpgradeResourceState raw_state) for the given type.
 * Dynamic values are stored as {"value": ..., "type": ...}. Missing object attributes become null
 * (an attribute added to the schema without a version bump).
 */
export function decodeCtyJson(type: CtyType, json: Buffer | string): unknown {
  return fromJson(type, parseJson(json.toString()));
}

export function fromJson(type: CtyType, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (type === 'dynamic') {
    const wrapper = raw as { value?: unknown; type?: CtyType };
    if (wrapper.type === undefined) return raw;
    const value = fromJson(wrapper.type, wrapper.value);
    if (value !== null && typeof value === 'object') dynamicTypes.set(value, wrapper.type);
    return value;
  }
  if (type === 'string' || type === 'bool') return raw;
  if (type === 'number') return typeof raw === 'string' ? numberFromText(raw) : raw;
  switch (type[0]) {
    case 'list':
    case 'set': {
      const elementType = type[1];
      return (raw as unknown[]).map((item) => fromJson(elementType, item));
    }
    case 'tuple': {
      const elementTypes = type[1];
      return (raw as unknown[]).map((item, i) => fromJson(elementTypes[i] ?? 'dynamic', item));
    }
    case 'map': {
      const elementType = type[1];
      return Object.fromEntries(Object.entries(raw as object).map(([key, item]) => [key, fromJson(elementType, item)]));
    }
    case 'object': {
      const object = raw as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(type[1]).map(([name, attrType]) => [name, fromJson(attrType, object[name])]),
      );
    }
  }
}

// ---------------------------------------------------------------- helpers

export class CtyEncodeError extends Error {
  constructor(
    readonly path: (string | number)[],
    reason: string,
  ) {
    super(path.length ? `${formatPath(path)}: ${reason}` : reason);
  }
}

function formatPath(path: (string | number)[]): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

function expect(ok: boolean, raw: MsgpackValue, type: CtyType): unknown {
  if (!ok) throw new Error(`cty: expected ${JSON.stringify(type)}, got ${describe(raw)}`);
  return raw;
}

function asArray(raw: MsgpackValue, type: CtyType): MsgpackValue[] {
  if (!Array.isArray(raw)) throw new Error(`cty: expected ${JSON.stringify(type)}, got ${describe(raw)}`);
  return raw;
}

function asMap(raw: MsgpackValue, type: CtyType): Map<string, MsgpackValue> {
  if (!(raw instanceof Map)) throw new Error(`cty: expected ${JSON.stringify(type)}, got ${describe(raw)}`);
  return raw;
}

function expectArray(value: unknown, path: (string | number)[]): unknown[] {
  if (!Array.isArray(value)) throw new CtyEncodeError(path, `expected a list, got ${describe(value)}`);
  return value;
}

function expectObject(value: unknown, path: (string | number)[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new CtyEncodeError(path, `expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Map) return 'a map';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(String(value)).slice(0, 40)}`;
}
