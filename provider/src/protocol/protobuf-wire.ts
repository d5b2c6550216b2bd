/**
 * A small protobuf (proto3) wire codec driven by static message descriptors.
 *
 * Why not protobufjs/proto-loader: parsing .proto files at start-up costs 20-40 ms per launch and
 * Terraform launches the provider 3-5 times per command. The messages we exchange are few and
 * simple (scalars, bytes, nested messages, repeated fields, string-keyed maps), so a descriptor
 * table plus this codec is both faster and easier to read.
 */
import { GrowingBuffer } from './growing-buffer';

export type ScalarKind = 'string' | 'bytes' | 'bool' | 'int64' | 'uint32' | 'enum';

/** A field: [field number, scalar kind or message name, options]. */
export interface FieldDescriptor {
  readonly no: number;
  readonly kind: ScalarKind | { readonly message: string };
  readonly repeated?: boolean;
  /** map<string, kind>: encoded on the wire as repeated entries {1: key, 2: value}. */
  readonly map?: boolean;
}

export type MessageDescriptor = Readonly<Record<string, FieldDescriptor>>;
export type MessageRegistry = Readonly<Record<string, MessageDescriptor>>;

/** Plain JS form of a message: field names as in the .proto (snake_case). */
export type Message = Record<string, unknown>;

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

/** A descriptor's fields as a list and by number, computed once per message type. */
interface CompiledMessage {
  fields: { name: string; field: FieldDescriptor }[];
  byNumber: Map<number, { name: string; field: FieldDescriptor }>;
}

const compiled = new WeakMap<MessageDescriptor, CompiledMessage>();

function compile(descriptor: MessageDescriptor): CompiledMessage {
  let message = compiled.get(descriptor);
  if (!message) {
    const fields = Object.entries(descriptor).map(([name, field]) => ({ name, field }));
    const byNumber = new Map<number, { name: string; field: FieldDescriptor }>();
    for (const entry of fields) byNumber.set(entry.field.no, entry);
    message = { fields, byNumber };
    compiled.set(descriptor, message);
  }
  return message;
}

/**
 * Writes into one growing buffer. A nested message is written in place after room for a 5-byte
 * length, then moved back to follow its (minimal) length varint: the bytes are exactly those of
 * encoding it separately and concatenating.
 */
class Writer extends GrowingBuffer {
  constructor() {
    super(4096);
  }

  varint(value: number | bigint): void {
    if (typeof value === 'number' && value >= 0 && value <= 0xffffffff && Number.isInteger(value)) {
      this.ensure(5);
      let v = value;
      while (v >= 0x80) {
        this.buf[this.pos++] = (v & 0x7f) | 0x80;
        v = Math.floor(v / 128);
      }
      this.buf[this.pos++] = v;
      return;
    }
    let v = BigInt.asUintN(64, BigInt(value));
    this.ensure(10);
    while (v >= 0x80n) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
  }

  tag(fieldNo: number, wireType: number): void {
    this.varint(fieldNo * 8 + wireType);
  }

  bytes(data: Uint8Array): void {
    this.varint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  string(value: string): void {
    const length = Buffer.byteLength(value, 'utf8');
    this.varint(length);
    this.ensure(length);
    this.buf.write(value, this.pos, length, 'utf8');
    this.pos += length;
  }

  /** Writes a length-delimited body produced by `write`, preceded by its length. */
  delimited(write: () => void): void {
    this.ensure(5);
    const lengthAt = this.pos;
    this.pos += 5;
    write();
    const length = this.pos - lengthAt - 5;
    let lengthBytes = 1;
    for (let v = length; v >= 0x80; v = Math.floor(v / 128)) lengthBytes++;
    if (lengthBytes < 5) this.buf.copyWithin(lengthAt + lengthBytes, lengthAt + 5, this.pos);
    this.pos = lengthAt;
    this.varint(length);
    this.pos += length;
  }

  finish(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    return out;
  }
}

export function encodeMessage(registry: MessageRegistry, typeName: string, value: Message): Buffer {
  const writer = new Writer();
  writeMessageFields(writer, registry, typeName, value);
  return writer.finish();
}

function writeMessageFields(writer: Writer, registry: MessageRegistry, typeName: string, value: Message): void {
  for (const { name, field } of compile(lookup(registry, typeName)).fields) {
    const fieldValue = value[name];
    if (fieldValue === undefined || fieldValue === null) continue;
    if (field.map) {
      for (const [key, entryValue] of Object.entries(fieldValue as Record<string, unknown>)) {
        writer.tag(field.no, WIRE_LENGTH_DELIMITED);
        writer.delimited(() => {
          writeField(writer, registry, 1, 'string', key);
          writeField(writer, registry, 2, field.kind, entryValue);
        });
      }
    } else if (field.repeated) {
      for (const item of fieldValue as unknown[]) writeField(writer, registry, field.no, field.kind, item);
    } else {
      writeField(writer, registry, field.no, field.kind, fieldValue);
    }
  }
}

function writeField(
  writer: Writer,
  registry: MessageRegistry,
  no: number,
  kind: FieldDescriptor['kind'],
  value: unknown,
): void {
  if (typeof kind === 'object') {
    writer.tag(no, WIRE_LENGTH_DELIMITED);
    writer.delimited(() => writeMessageFields(writer, registry, kind.message, value as Message));
    return;
  }
  switch (kind) {
    case 'string':
      writer.tag(no, WIRE_LENGTH_DELIMITED);
      writer.string(String(value));
      return;
    case 'bytes':
      writer.tag(no, WIRE_LENGTH_DELIMITED);
      writer.bytes(value as Uint8Array);
      return;
    case 'bool':
      writer.tag(no, WIRE_VARINT);
      writer.varint(value ? 1 : 0);
      return;
    default:
      writer.tag(no, WIRE_VARINT);
      writer.varint(value as number | bigint);
  }
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** A varint as a number when it has at most 7 bytes (49 bits, exact); otherwise as bigint. */
  varint(): number | bigint {
    const buf = this.buf;
    let result = 0;
    let multiplier = 1;
    for (let i = 0; i < 7; i++) {
      if (this.pos >= buf.length) throw new Error('protobuf: truncated varint');
      const byte = buf[this.pos++];
      result += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) return result;
      multiplier *= 128;
    }
    let big = BigInt(result);
    let shift = 49n;
    for (;;) {
      if (this.pos >= buf.length) throw new Error('protobuf: truncated varint');
      const byte = buf[this.pos++];
      big |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return big;
      shift += 7n;
    }
  }

  bytes(): Buffer {
    const length = Number(this.varint());
    const end = this.pos + length;
    if (end > this.buf.length) throw new Error('protobuf: truncated field');
    const slice = this.buf.subarray(this.pos, end);
    this.pos = end;
    return slice;
  }

  skip(wireType: number): void {
    if (wireType === WIRE_VARINT) this.varint();
    else if (wireType === WIRE_FIXED64) this.pos += 8;
    else if (wireType === WIRE_LENGTH_DELIMITED) this.bytes();
    else if (wireType === WIRE_FIXED32) this.pos += 4;
    else throw new Error(`protobuf: unsupported wire type ${wireType}`);
  }
}

/** Decodes a message; absent fields get proto3 defaults so handlers never see undefined scalars. */
export function decodeMessage(registry: MessageRegistry, typeName: string, buf: Buffer): Message {
  const { fields, byNumber } = compile(lookup(registry, typeName));
  const result: Message = defaults(fields);
  const reader = new Reader(buf);
  while (!reader.done) {
    const tag = Number(reader.varint());
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    const known = byNumber.get(fieldNo);
    if (!known) {
      reader.skip(wireType);
      continue;
    }
    const { name, field } = known;
    if (field.map) {
      const entry = readMapEntry(registry, field, reader.bytes());
      (result[name] as Record<string, unknown>)[entry.key] = entry.value;
    } else if (field.repeated) {
      (result[name] as unknown[]).push(readField(registry, field.kind, reader, wireType));
    } else {
      result[name] = readField(registry, field.kind, reader, wireType);
    }
  }
  return result;
}

function defaults(fields: CompiledMessage['fields']): Message {
  const result: Message = {};
  for (const { name, field } of fields) {
    if (field.map) result[name] = {};
    else if (field.repeated) result[name] = [];
    else if (typeof field.kind === 'object') result[name] = null;
    else result[name] = defaultScalar(field.kind);
  }
  return result;
}

function defaultScalar(kind: ScalarKind): unknown {
  switch (kind) {
    case 'string':
      return '';
    case 'bytes':
      return Buffer.alloc(0);
    case 'bool':
      return false;
    default:
      return 0;
  }
}

function readMapEntry(registry: MessageRegistry, field: FieldDescriptor, buf: Buffer): { key: string; value: unknown } {
  const reader = new Reader(buf);
  let key = '';
  let value: unknown = typeof field.kind === 'object' ? null : defaultScalar(field.kind);
  while (!reader.done) {
    const tag = Number(reader.varint());
    if (tag >>> 3 === 1) key = reader.bytes().toString('utf8');
    else if (tag >>> 3 === 2) value = readField(registry, field.kind, reader, tag & 7);
    else reader.skip(tag & 7);
  }
  return { key, value };
}

function readField(
  registry: MessageRegistry,
  kind: FieldDescriptor['kind'],
  reader: Reader,
  wireType: number,
): unknown {
  if (typeof kind === 'object') return decodeMessage(registry, kind.message, reader.bytes());
  switch (kind) {
    case 'string':
      return reader.bytes().toString('utf8');
    case 'bytes':
      return Buffer.from(reader.bytes());
    case 'bool': {
      const value = reader.varint();
      return value !== 0 && value !== 0n;
    }
    default: {
      if (wireType !== WIRE_VARINT) throw new Error(`protobuf: expected varint for ${kind}`);
      // int64 travels as two's complement: turn it back into a signed JS number.
      const value = reader.varint();
      return typeof value === 'number' ? value : Number(BigInt.asIntN(64, value));
    }
  }
}

function lookup(registry: MessageRegistry, typeName: string): MessageDescriptor {
  const descriptor = registry[typeName];
  if (!descriptor) throw new Error(`protobuf: unknown message type ${typeName}`);
  return descriptor;
}
