/**
 * A small MessagePack codec with exactly the behaviour cty needs: 64-bit integers come back as
 * bigint when they do not fit a JS number, maps keep their keys in a Map, and extension values
 * (cty's unknown markers) are kept as raw bytes so they can be passed through untouched.
 */

export class MsgpackExtension {
  constructor(
    readonly type: number,
    readonly data: Buffer,
  ) {}
}

export type MsgpackValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Buffer
  | MsgpackValue[]
  | Map<string, MsgpackValue>
  | MsgpackExtension;

// ---------------------------------------------------------------- encoding

export function encodeMsgpack(value: MsgpackValue): Buffer {
  const parts: Buffer[] = [];
  write(parts, value);
  return Buffer.concat(parts);
}

function header(prefix: number, size: number, bytes: 1 | 2 | 4): Buffer {
  const buf = Buffer.alloc(1 + bytes);
  buf[0] = prefix;
  if (bytes === 1) buf.writeUInt8(size, 1);
  else if (bytes === 2) buf.writeUInt16BE(size, 1);
  else buf.writeUInt32BE(size, 1);
  return buf;
}

function write(parts: Buffer[], value: MsgpackValue): void {
  if (value === null || value === undefined) parts.push(Buffer.from([0xc0]));
  else if (typeof value === 'boolean') parts.push(Buffer.from([value ? 0xc3 : 0xc2]));
  else if (typeof value === 'number') writeNumber(parts, value);
  else if (typeof value === 'bigint') writeBigInt(parts, value);
  else if (typeof value === 'string') writeString(parts, value);
  else if (Buffer.isBuffer(value)) writeSized(parts, value.length, [0xc4, 0xc5, 0xc6], undefined, value);
  else if (value instanceof MsgpackExtension) writeExtension(parts, value);
  else if (Array.isArray(value)) {
    writeSized(parts, value.length, [0xdc, 0xdc, 0xdd], 0x90);
    for (const item of value) write(parts, item);
  } else if (value instanceof Map) {
    writeSized(parts, value.size, [0xde, 0xde, 0xdf], 0x80);
    for (const [key, item] of value) {
      writeString(parts, key);
      write(parts, item);
    }
  } else throw new Error(`msgpack: cannot encode ${typeof value}`);
}

/** Writes a size header (fix form when fixPrefix is given and size < 16/32) and optional payload. */
function writeSized(parts: Buffer[], size: number, prefixes: [number, number, number], fixPrefix?: number, payload?: Buffer): void {
  const fixLimit = fixPrefix === 0x90 || fixPrefix === 0x80 ? 16 : 32;
  if (fixPrefix !== undefined && size < fixLimit) parts.push(Buffer.from([fixPrefix | size]));
  else if (size < 0x100 && prefixes[0] !== prefixes[1]) parts.push(header(prefixes[0], size, 1));
  else if (size < 0x10000) parts.push(header(prefixes[1], size, 2));
  else parts.push(header(prefixes[2], size, 4));
  if (payload) parts.push(payload);
}

function writeString(parts: Buffer[], value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  writeSized(parts, bytes.length, [0xd9, 0xda, 0xdb], 0xa0, bytes);
}

function writeNumber(parts: Buffer[], value: number): void {
  if (Number.isSafeInteger(value)) {
    writeBigInt(parts, BigInt(value));
    return;
  }
  const buf = Buffer.alloc(9);
  buf[0] = 0xcb;
  buf.writeDoubleBE(value, 1);
  parts.push(buf);
}

function writeBigInt(parts: Buffer[], value: bigint): void {
  if (value >= 0n && value < 128n) parts.push(Buffer.from([Number(value)]));
  else if (value < 0n && value >= -32n) parts.push(Buffer.from([0x100 + Number(value)]));
  else if (value >= -(2n ** 31n) && value < 2n ** 31n) {
    const buf = Buffer.alloc(5);
    buf[0] = 0xd2;
    buf.writeInt32BE(Number(value), 1);
    parts.push(buf);
  } else if (value >= -(2n ** 63n) && value < 2n ** 63n) {
    const buf = Buffer.alloc(9);
    buf[0] = 0xd3;
    buf.writeBigInt64BE(value, 1);
    parts.push(buf);
  } else if (value >= 0n && value < 2n ** 64n) {
    const buf = Buffer.alloc(9);
    buf[0] = 0xcf;
    buf.writeBigUInt64BE(value, 1);
    parts.push(buf);
  } else throw new Error(`msgpack: integer ${value} does not fit 64 bits`);
}

function writeExtension(parts: Buffer[], ext: MsgpackExtension): void {
  const fixed: Record<number, number> = { 1: 0xd4, 2: 0xd5, 4: 0xd6, 8: 0xd7, 16: 0xd8 };
  const size = ext.data.length;
  if (fixed[size]) parts.push(Buffer.from([fixed[size], ext.type]));
  else if (size < 0x100) parts.push(Buffer.from([0xc7, size, ext.type]));
  else if (size < 0x10000) parts.push(Buffer.concat([header(0xc8, size, 2), Buffer.from([ext.type])]));
  else parts.push(Buffer.concat([header(0xc9, size, 4), Buffer.from([ext.type])]));
  parts.push(ext.data);
}

// ---------------------------------------------------------------- decoding

export function decodeMsgpack(buf: Buffer): MsgpackValue {
  const reader = { buf, pos: 0 };
  const value = read(reader);
  if (reader.pos !== buf.length) throw new Error('msgpack: trailing bytes after value');
  return value;
}

interface Reader {
  buf: Buffer;
  pos: number;
}

function take(r: Reader, length: number): Buffer {
  if (r.pos + length > r.buf.length) throw new Error('msgpack: truncated input');
  const slice = r.buf.subarray(r.pos, r.pos + length);
  r.pos += length;
  return slice;
}

/** 64-bit integers become numbers when exactly representable, bigint otherwise. */
function narrow(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

function read(r: Reader): MsgpackValue {
  const byte = take(r, 1)[0];
  if (byte < 0x80) return byte;
  if (byte >= 0xe0) return byte - 0x100;
  if ((byte & 0xf0) === 0x80) return readMap(r, byte & 0x0f);
  if ((byte & 0xf0) === 0x90) return readArray(r, byte & 0x0f);
  if ((byte & 0xe0) === 0xa0) return take(r, byte & 0x1f).toString('utf8');
  switch (byte) {
    case 0xc0: return null;
    case 0xc2: return false;
    case 0xc3: return true;
    case 0xc4: return Buffer.from(take(r, take(r, 1).readUInt8(0)));
    case 0xc5: return Buffer.from(take(r, take(r, 2).readUInt16BE(0)));
    case 0xc6: return Buffer.from(take(r, take(r, 4).readUInt32BE(0)));
    case 0xc7: return readExtension(r, take(r, 1).readUInt8(0));
    case 0xc8: return readExtension(r, take(r, 2).readUInt16BE(0));
    case 0xc9: return readExtension(r, take(r, 4).readUInt32BE(0));
    case 0xca: return take(r, 4).readFloatBE(0);
    case 0xcb: return take(r, 8).readDoubleBE(0);
    case 0xcc: return take(r, 1).readUInt8(0);
    case 0xcd: return take(r, 2).readUInt16BE(0);
    case 0xce: return take(r, 4).readUInt32BE(0);
    case 0xcf: return narrow(take(r, 8).readBigUInt64BE(0));
    case 0xd0: return take(r, 1).readInt8(0);
    case 0xd1: return take(r, 2).readInt16BE(0);
    case 0xd2: return take(r, 4).readInt32BE(0);
    case 0xd3: return narrow(take(r, 8).readBigInt64BE(0));
    case 0xd4: return readExtension(r, 1);
    case 0xd5: return readExtension(r, 2);
    case 0xd6: return readExtension(r, 4);
    case 0xd7: return readExtension(r, 8);
    case 0xd8: return readExtension(r, 16);
    case 0xd9: return take(r, take(r, 1).readUInt8(0)).toString('utf8');
    case 0xda: return take(r, take(r, 2).readUInt16BE(0)).toString('utf8');
    case 0xdb: return take(r, take(r, 4).readUInt32BE(0)).toString('utf8');
    case 0xdc: return readArray(r, take(r, 2).readUInt16BE(0));
    case 0xdd: return readArray(r, take(r, 4).readUInt32BE(0));
    case 0xde: return readMap(r, take(r, 2).readUInt16BE(0));
    case 0xdf: return readMap(r, take(r, 4).readUInt32BE(0));
    default: throw new Error(`msgpack: unsupported byte 0x${byte.toString(16)}`);
  }
}

function readArray(r: Reader, length: number): MsgpackValue[] {
  const items: MsgpackValue[] = [];
  for (let i = 0; i < length; i++) items.push(read(r));
  return items;
}

function readMap(r: Reader, length: number): Map<string, MsgpackValue> {
  const map = new Map<string, MsgpackValue>();
  for (let i = 0; i < length; i++) {
    const key = read(r);
    map.set(String(key), read(r));
  }
  return map;
}

function readExtension(r: Reader, size: number): MsgpackExtension {
  const type = take(r, 1).readInt8(0);
  return new MsgpackExtension(type, Buffer.from(take(r, size)));
}
