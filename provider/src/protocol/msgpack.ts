/**
 * A small MessagePack codec with exactly the behaviour cty needs: 64-bit integers come back as
 * bigint when they do not fit a JS number, maps keep their keys in a Map, and extension values
 * (cty's unknown markers) are kept as raw bytes so they can be passed through untouched.
 *
 * Encoding writes into one reusable growing buffer and decoding reads the input in place: a
 * plan of 1,000 resources encodes and decodes a few thousand objects, and a Buffer per token
 * (the obvious implementation) made the codec the provider's largest cost after gRPC itself.
 */
import { GrowingBuffer } from './growing-buffer';

export class MsgpackExtension {
  constructor(
    readonly type: number,
    readonly data: Buffer,
  ) {}
}

export type MsgpackValue =
  null | boolean | number | bigint | string | Buffer | MsgpackValue[] | Map<string, MsgpackValue> | MsgpackExtension;

// ---------------------------------------------------------------- encoding

const INT32_MIN = -(2 ** 31);
const INT32_LIMIT = 2 ** 31;
const INT64_MIN = -(2n ** 63n);
const INT64_LIMIT = 2n ** 63n;
const UINT64_LIMIT = 2n ** 64n;

/**
 * Appends MessagePack tokens to a growing buffer. Sizes always use the same forms: fix forms for
 * small strings/arrays/maps, then the 8/16/32-bit headers (8-bit only for strings and binary),
 * and integers as fixint, int32 or 64-bit, as the protocol has always sent them.
 */
export class MsgpackWriter extends GrowingBuffer {
  constructor() {
    super(8192);
  }

  reset(): void {
    this.pos = 0;
  }

  /** A copy of what was written: the internal buffer is reused by the next encoding. */
  result(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    return out;
  }

  byte(value: number): void {
    this.ensure(1);
    this.buf[this.pos++] = value;
  }

  nil(): void {
    this.byte(0xc0);
  }

  bool(value: boolean): void {
    this.byte(value ? 0xc3 : 0xc2);
  }

  /** A safe integer (fixint, int32 or int64) or a float64. */
  number(value: number): void {
    if (!Number.isSafeInteger(value)) {
      this.ensure(9);
      this.buf[this.pos] = 0xcb;
      this.buf.writeDoubleBE(value, this.pos + 1);
      this.pos += 9;
    } else if (value >= 0 && value < 128) this.byte(value);
    else if (value < 0 && value >= -32) this.byte(0x100 + value);
    else if (value >= INT32_MIN && value < INT32_LIMIT) {
      this.ensure(5);
      this.buf[this.pos] = 0xd2;
      this.buf.writeInt32BE(value, this.pos + 1);
      this.pos += 5;
    } else this.bigint(BigInt(value));
  }

  bigint(value: bigint): void {
    if (value >= -(2n ** 31n) && value < 2n ** 31n) {
      this.number(Number(value));
    } else if (value >= INT64_MIN && value < INT64_LIMIT) {
      this.ensure(9);
      this.buf[this.pos] = 0xd3;
      this.buf.writeBigInt64BE(value, this.pos + 1);
      this.pos += 9;
    } else if (value >= 0n && value < UINT64_LIMIT) {
      this.ensure(9);
      this.buf[this.pos] = 0xcf;
      this.buf.writeBigUInt64BE(value, this.pos + 1);
      this.pos += 9;
    } else throw new Error(`msgpack: integer ${value} does not fit 64 bits`);
  }

  string(value: string): void {
    const length = value.length;
    // Short ASCII strings (names, ids, most values) are copied char by char; others through Buffer.
    if (length < 32) {
      let ascii = true;
      for (let i = 0; i < length; i++) {
        if (value.charCodeAt(i) >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        this.ensure(1 + length);
        const buf = this.buf;
        let pos = this.pos;
        buf[pos++] = 0xa0 | length;
        for (let i = 0; i < length; i++) buf[pos++] = value.charCodeAt(i);
        this.pos = pos;
        return;
      }
    }
    const size = Buffer.byteLength(value, 'utf8');
    this.sizeHeader(size, 0xa0, 32, 0xd9, 0xda, 0xdb);
    this.ensure(size);
    this.buf.write(value, this.pos, size, 'utf8');
    this.pos += size;
  }

  binary(data: Uint8Array): void {
    this.sizeHeader(data.length, -1, 0, 0xc4, 0xc5, 0xc6);
    this.raw(data);
  }

  arrayHeader(size: number): void {
    this.sizeHeader(size, 0x90, 16, -1, 0xdc, 0xdd);
  }

  mapHeader(size: number): void {
    this.sizeHeader(size, 0x80, 16, -1, 0xde, 0xdf);
  }

  extension(ext: MsgpackExtension): void {
    const size = ext.data.length;
    const type = ext.type & 0xff;
    const fixed =
      size === 1 ? 0xd4 : size === 2 ? 0xd5 : size === 4 ? 0xd6 : size === 8 ? 0xd7 : size === 16 ? 0xd8 : 0;
    if (fixed) {
      this.byte(fixed);
      this.byte(type);
    } else {
      this.sizeHeader(size, -1, 0, 0xc7, 0xc8, 0xc9);
      this.byte(type);
    }
    this.raw(ext.data);
  }

  private raw(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /** fixPrefix/fixLimit < 0/0: no fix form; prefix8 < 0: no 8-bit form. */
  private sizeHeader(
    size: number,
    fixPrefix: number,
    fixLimit: number,
    prefix8: number,
    prefix16: number,
    prefix32: number,
  ): void {
    this.ensure(5);
    const buf = this.buf;
    if (size < fixLimit) {
      buf[this.pos++] = fixPrefix | size;
    } else if (size < 0x100 && prefix8 >= 0) {
      buf[this.pos] = prefix8;
      buf[this.pos + 1] = size;
      this.pos += 2;
    } else if (size < 0x10000) {
      buf[this.pos] = prefix16;
      buf.writeUInt16BE(size, this.pos + 1);
      this.pos += 3;
    } else {
      buf[this.pos] = prefix32;
      buf.writeUInt32BE(size, this.pos + 1);
      this.pos += 5;
    }
  }
}

/** Shared by the encoders of this process; every encoding starts with reset() and ends with result(). */
export const sharedWriter = new MsgpackWriter();

export function encodeMsgpack(value: MsgpackValue): Buffer {
  const writer = sharedWriter;
  writer.reset();
  writeValue(writer, value);
  return writer.result();
}

function writeValue(writer: MsgpackWriter, value: MsgpackValue): void {
  if (value === null || value === undefined) writer.nil();
  else if (typeof value === 'boolean') writer.bool(value);
  else if (typeof value === 'number') writer.number(value);
  else if (typeof value === 'bigint') writer.bigint(value);
  else if (typeof value === 'string') writer.string(value);
  else if (Buffer.isBuffer(value)) writer.binary(value);
  else if (value instanceof MsgpackExtension) writer.extension(value);
  else if (Array.isArray(value)) {
    writer.arrayHeader(value.length);
    for (const item of value) writeValue(writer, item);
  } else if (value instanceof Map) {
    writer.mapHeader(value.size);
    for (const [key, item] of value) {
      writer.string(key);
      writeValue(writer, item);
    }
  } else throw new Error(`msgpack: cannot encode ${typeof value}`);
}

// ---------------------------------------------------------------- decoding

export function decodeMsgpack(buf: Buffer): MsgpackValue {
  const reader: MsgpackReader = { buf, pos: 0 };
  const value = readValue(reader);
  if (reader.pos !== buf.length) throw new Error('msgpack: trailing bytes after value');
  return value;
}

export interface MsgpackReader {
  buf: Buffer;
  pos: number;
}

/** Checks that `length` more bytes are there and returns where they start. */
function need(r: MsgpackReader, length: number): number {
  const start = r.pos;
  if (start + length > r.buf.length) throw new Error('msgpack: truncated input');
  r.pos = start + length;
  return start;
}

function readString(r: MsgpackReader, length: number): string {
  const start = need(r, length);
  return r.buf.toString('utf8', start, start + length);
}

function readBinary(r: MsgpackReader, length: number): Buffer {
  const start = need(r, length);
  return Buffer.from(r.buf.subarray(start, start + length));
}

function readUint(r: MsgpackReader, bytes: 1 | 2 | 4): number {
  const at = need(r, bytes);
  return bytes === 1 ? r.buf[at] : bytes === 2 ? r.buf.readUInt16BE(at) : r.buf.readUInt32BE(at);
}

/** 64-bit integers become numbers when exactly representable, bigint otherwise. */
function narrow(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

export function readValue(r: MsgpackReader): MsgpackValue {
  const byte = r.buf[need(r, 1)];
  if (byte < 0x80) return byte;
  if (byte >= 0xe0) return byte - 0x100;
  if ((byte & 0xf0) === 0x80) return readMap(r, byte & 0x0f);
  if ((byte & 0xf0) === 0x90) return readArray(r, byte & 0x0f);
  if ((byte & 0xe0) === 0xa0) return readString(r, byte & 0x1f);
  switch (byte) {
    case 0xc0:
      return null;
    case 0xc2:
      return false;
    case 0xc3:
      return true;
    case 0xc4:
      return readBinary(r, readUint(r, 1));
    case 0xc5:
      return readBinary(r, readUint(r, 2));
    case 0xc6:
      return readBinary(r, readUint(r, 4));
    case 0xc7:
      return readExtension(r, readUint(r, 1));
    case 0xc8:
      return readExtension(r, readUint(r, 2));
    case 0xc9:
      return readExtension(r, readUint(r, 4));
    case 0xca:
      return r.buf.readFloatBE(need(r, 4));
    case 0xcb:
      return r.buf.readDoubleBE(need(r, 8));
    case 0xcc:
      return readUint(r, 1);
    case 0xcd:
      return readUint(r, 2);
    case 0xce:
      return readUint(r, 4);
    case 0xcf:
      return narrow(r.buf.readBigUInt64BE(need(r, 8)));
    case 0xd0:
      return r.buf.readInt8(need(r, 1));
    case 0xd1:
      return r.buf.readInt16BE(need(r, 2));
    case 0xd2:
      return r.buf.readInt32BE(need(r, 4));
    case 0xd3:
      return narrow(r.buf.readBigInt64BE(need(r, 8)));
    case 0xd4:
      return readExtension(r, 1);
    case 0xd5:
      return readExtension(r, 2);
    case 0xd6:
      return readExtension(r, 4);
    case 0xd7:
      return readExtension(r, 8);
    case 0xd8:
      return readExtension(r, 16);
    case 0xd9:
      return readString(r, readUint(r, 1));
    case 0xda:
      return readString(r, readUint(r, 2));
    case 0xdb:
      return readString(r, readUint(r, 4));
    case 0xdc:
      return readArray(r, readUint(r, 2));
    case 0xdd:
      return readArray(r, readUint(r, 4));
    case 0xde:
      return readMap(r, readUint(r, 2));
    case 0xdf:
      return readMap(r, readUint(r, 4));
    default:
      throw new Error(`msgpack: unsupported byte 0x${byte.toString(16)}`);
  }
}

function readArray(r: MsgpackReader, length: number): MsgpackValue[] {
  const items: MsgpackValue[] = [];
  for (let i = 0; i < length; i++) items.push(readValue(r));
  return items;
}

function readMap(r: MsgpackReader, length: number): Map<string, MsgpackValue> {
  const map = new Map<string, MsgpackValue>();
  for (let i = 0; i < length; i++) {
    const key = readValue(r);
    map.set(String(key), readValue(r));
  }
  return map;
}

function readExtension(r: MsgpackReader, size: number): MsgpackExtension {
  const type = r.buf.readInt8(need(r, 1));
  return new MsgpackExtension(type, readBinary(r, size));
}

// ---------------------------------------------------------------- token reading for typed decoders

/** What a value starts with, without reading it: lets a type-guided decoder pick its path. */
export const TOKEN_NIL = 0;
export const TOKEN_BOOL = 1;
export const TOKEN_NUMBER = 2;
export const TOKEN_STRING = 3;
export const TOKEN_BINARY = 4;
export const TOKEN_ARRAY = 5;
export const TOKEN_MAP = 6;
export const TOKEN_EXTENSION = 7;
const TOKEN_INVALID = 8;

export function peekToken(r: MsgpackReader): number {
  if (r.pos >= r.buf.length) return TOKEN_INVALID;
  const byte = r.buf[r.pos];
  if (byte < 0x80 || byte >= 0xe0) return TOKEN_NUMBER;
  if (byte < 0x90) return TOKEN_MAP;
  if (byte < 0xa0) return TOKEN_ARRAY;
  if (byte < 0xc0) return TOKEN_STRING;
  switch (byte) {
    case 0xc0:
      return TOKEN_NIL;
    case 0xc2:
    case 0xc3:
      return TOKEN_BOOL;
    case 0xc4:
    case 0xc5:
    case 0xc6:
      return TOKEN_BINARY;
    case 0xc7:
    case 0xc8:
    case 0xc9:
    case 0xd4:
    case 0xd5:
    case 0xd6:
    case 0xd7:
    case 0xd8:
      return TOKEN_EXTENSION;
    case 0xd9:
    case 0xda:
    case 0xdb:
      return TOKEN_STRING;
    case 0xdc:
    case 0xdd:
      return TOKEN_ARRAY;
    case 0xde:
    case 0xdf:
      return TOKEN_MAP;
    case 0xc1:
      return TOKEN_INVALID;
    default:
      return TOKEN_NUMBER; // 0xca-0xd3
  }
}

/** Reads an array header (after peekToken said Array) and returns the element count. */
export function readArrayHeader(r: MsgpackReader): number {
  const byte = r.buf[need(r, 1)];
  if (byte === 0xdc) return readUint(r, 2);
  if (byte === 0xdd) return readUint(r, 4);
  return byte & 0x0f;
}

/** Reads a map header (after peekToken said Map) and returns the entry count. */
export function readMapHeader(r: MsgpackReader): number {
  const byte = r.buf[need(r, 1)];
  if (byte === 0xde) return readUint(r, 2);
  if (byte === 0xdf) return readUint(r, 4);
  return byte & 0x0f;
}

/** Reads a string (after peekToken said String). */
export function readStringToken(r: MsgpackReader): string {
  const byte = r.buf[need(r, 1)];
  if (byte === 0xd9) return readString(r, readUint(r, 1));
  if (byte === 0xda) return readString(r, readUint(r, 2));
  if (byte === 0xdb) return readString(r, readUint(r, 4));
  return readString(r, byte & 0x1f);
}
