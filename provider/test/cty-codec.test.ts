/** The cty msgpack and JSON codecs, and the protobuf wire codec. */
import { decodeMsgpack, encodeMsgpack, MsgpackExtension } from '../src/protocol/msgpack';
import {
  decodeCtyJson,
  decodeCtyMsgpack,
  DecimalNumber,
  encodeCtyMsgpack,
  inferType,
  isDecimalNumber,
  UNKNOWN,
  isUnknown,
  parseJson,
  stringifyJson,
  type CtyType,
} from '../src/protocol';
import { decodeMessage, encodeMessage } from '../src/protocol/protobuf-wire';
import { messages } from '../src/protocol/messages';

const roundTrip = (type: CtyType, value: unknown) => decodeCtyMsgpack(type, encodeCtyMsgpack(type, value));

describe('msgpack', () => {
  test('64-bit integers: numbers when safe, bigint beyond 2^53', () => {
    for (const value of [0, 1, -1, 127, 128, -33, 255, 65536, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER])
      expect(decodeMsgpack(encodeMsgpack(value))).toBe(value);
    expect(decodeMsgpack(encodeMsgpack(12345678901234567890n))).toBe(12345678901234567890n);
    expect(decodeMsgpack(encodeMsgpack(-(2n ** 63n)))).toBe(-(2n ** 63n));
    expect(encodeMsgpack(12345678901234567890n)[0]).toBe(0xcf); // uint64
  });

  test('strings, binary, floats, maps and long arrays', () => {
    const value = new Map<string, unknown>([
      ['s', 'x'.repeat(300)],
      ['f', 1.5],
      ['b', Buffer.from([1, 2])],
      ['a', Array.from({ length: 70000 }, (_, i) => i % 3)],
    ]);
    expect(decodeMsgpack(encodeMsgpack(value as never))).toEqual(value);
  });

  test('extension values are kept byte for byte', () => {
    const refined = Buffer.from([0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc3]); // ext 0x0c, 3 bytes
    const decoded = decodeMsgpack(refined) as MsgpackExtension;
    expect(decoded).toBeInstanceOf(MsgpackExtension);
    expect(decoded.type).toBe(0x0c);
    expect(encodeMsgpack(decoded)).toEqual(refined);
    expect(encodeMsgpack(new MsgpackExtension(0, Buffer.from([0])))).toEqual(Buffer.from([0xd4, 0x00, 0x00]));
  });
});

describe('cty msgpack values', () => {
  const objectType: CtyType = [
    'object',
    {
      id: 'string',
      n: 'number',
      ok: 'bool',
      tags: ['list', 'string'],
      set: ['set', 'number'],
      m: ['map', 'number'],
      t: ['tuple', ['string', 'number']],
    },
  ];

  test('objects carry every attribute, missing ones as nil', () => {
    const decoded = decodeMsgpack(encodeCtyMsgpack(objectType, { id: 'a' })) as Map<string, unknown>;
    expect([...decoded.keys()].sort()).toEqual(['id', 'm', 'n', 'ok', 'set', 't', 'tags']);
    expect(decoded.get('tags')).toBeNull();
  });

  test('round trip of every kind of value', () => {
    const value = { id: 'a', n: 3, ok: true, tags: ['x'], set: [1, 2], m: { a: 1.5 }, t: ['s', 2] };
    expect(roundTrip(objectType, value)).toEqual(value);
  });

  test('numbers: decimal strings from Terraform, non-integers sent back as decimal strings', () => {
    expect(decodeCtyMsgpack('number', encodeMsgpack('0.1'))).toBe(0.1);
    expect(decodeCtyMsgpack('number', encodeMsgpack('12345678901234567890'))).toBe(12345678901234567890n);
    expect(decodeCtyMsgpack('number', encodeMsgpack('123456789012345678901234567890'))).toBe(
      123456789012345678901234567890n,
    );
    expect(decodeMsgpack(encodeCtyMsgpack('number', 0.1))).toBe('0.1');
    expect(decodeMsgpack(encodeCtyMsgpack('number', 42))).toBe(42);
    expect(decodeMsgpack(encodeCtyMsgpack('number', 2n ** 70n))).toBe((2n ** 70n).toString());
    expect(() => encodeCtyMsgpack('number', NaN)).toThrow(/not a valid number/);
  });

  test('a decimal a double cannot give back is kept as its text, and goes back to Terraform unchanged', () => {
    for (const text of ['0.10000000000000000001', '1.23456789012345678', '-1e400']) {
      const decoded = decodeCtyMsgpack('number', encodeMsgpack(text));
      expect(decoded).toEqual(new DecimalNumber(text));
      expect(decodeMsgpack(encodeCtyMsgpack('number', decoded))).toBe(text);
    }
    // Decimals a double gives back stay plain numbers: 0.1, 1e-7, 123456789.123, 15 significant digits.
    for (const [text, value] of [
      ['0.1', 0.1],
      ['1e-7', 1e-7],
      ['123456789.123', 123456789.123],
      ['0.123456789012345', 0.123456789012345],
    ] as const) {
      expect(decodeCtyMsgpack('number', encodeMsgpack(text))).toBe(value);
    }
    const dynamic = decodeCtyMsgpack(
      'dynamic',
      encodeMsgpack([Buffer.from('["object",{"r":"number"}]'), new Map([['r', '0.10000000000000000001']])]),
    ) as { r: unknown };
    expect(isDecimalNumber(dynamic.r)).toBe(true);
    expect(
      JSON.parse(
        (
          decodeMsgpack(encodeCtyMsgpack('dynamic', { r: new DecimalNumber('1.00000000000000000001') })) as [Buffer]
        )[0].toString(),
      ),
    ).toEqual(['object', { r: 'number' }]);
  });

  test('unknowns, plain and refined, pass through untouched', () => {
    const refined = new MsgpackExtension(0x0c, Buffer.from([0x81, 0x01, 0xc3]));
    const wire = encodeMsgpack(
      new Map<string, never>([
        ['id', new MsgpackExtension(0, Buffer.from([0])) as never],
        ['n', refined as never],
      ]),
    );
    const decoded = decodeCtyMsgpack(['object', { id: 'string', n: 'number' }], wire) as Record<string, unknown>;
    expect(isUnknown(decoded.id)).toBe(true);
    expect(isUnknown(decoded.n)).toBe(true);
    expect(encodeCtyMsgpack(['object', { id: 'string', n: 'number' }], decoded)).toEqual(wire);
    expect(encodeCtyMsgpack('string', UNKNOWN)).toEqual(Buffer.from([0xd4, 0, 0]));
  });

  test('dynamic values travel as [type JSON, value] and keep their type', () => {
    const listType: CtyType = ['list', 'number'];
    const wire = encodeMsgpack([Buffer.from(JSON.stringify(listType)), [1, 2]]);
    const decoded = decodeCtyMsgpack('dynamic', wire);
    expect(decoded).toEqual([1, 2]);
    expect(encodeCtyMsgpack('dynamic', decoded)).toEqual(wire); // still a list, not a tuple
    // A fresh value gets the type HCL gives a literal.
    const fresh = decodeMsgpack(encodeCtyMsgpack('dynamic', { pools: [{ replicas: 3 }], ratio: 0.1, none: null })) as [
      Buffer,
      unknown,
    ];
    expect(JSON.parse(fresh[0].toString())).toEqual([
      'object',
      { pools: ['tuple', [['object', { replicas: 'number' }]]], ratio: 'number', none: 'dynamic' },
    ]);
    expect(decodeCtyMsgpack('dynamic', encodeMsgpack(null))).toBeNull();
    expect(inferType('x')).toBe('string');
  });

  test('empty bytes mean null; type errors name the path', () => {
    expect(decodeCtyMsgpack(objectType, Buffer.alloc(0))).toBeNull();
    expect(() => encodeCtyMsgpack(objectType, { tags: [1, { a: 1 }] })).toThrow(/tags\[1\]: expected a string/);
  });
});

describe('state JSON', () => {
  test('integers beyond 2^53 stay exact; dynamic values unwrap', () => {
    const json =
      '{"id":"a","n":12345678901234567890,"d":{"value":{"x":[0.1,9007199254740993]},"type":["object",{"x":["tuple",["number","number"]]}]},"gone":1}';
    const decoded = decodeCtyJson(['object', { id: 'string', n: 'number', d: 'dynamic', extra: 'string' }], json);
    expect(decoded).toEqual({ id: 'a', n: 12345678901234567890n, d: { x: [0.1, 9007199254740993n] }, extra: null });
  });

  test('parseJson/stringifyJson round trip', () => {
    const text = '{"a":[1,-2.5e3,"s\\n\\u00e9",true,null,{}],"b":18446744073709551615}';
    expect(stringifyJson(parseJson(text))).toBe(text.replace('-2.5e3', '-2500').replace('\\u00e9', 'é'));
    expect(() => parseJson('{"a":1,}')).toThrow(SyntaxError);
  });

  test('decimals a double cannot give back stay exact, also with the decimal point among their digits', () => {
    const text = '{"a":12345678.123456789,"b":0.10000000000000000001,"c":1e400,"d":0.5}';
    expect(parseJson(text)).toEqual({
      a: new DecimalNumber('12345678.123456789'),
      b: new DecimalNumber('0.10000000000000000001'),
      c: new DecimalNumber('1e400'),
      d: 0.5,
    });
    expect(stringifyJson(parseJson(text))).toBe(text);
  });
});

describe('protobuf wire codec', () => {
  test('a GetProviderSchema response round trips, maps and nested messages included', () => {
    const response = {
      provider: {
        version: 0,
        block: {
          version: 0,
          attributes: [{ name: 'a', type: Buffer.from('"string"'), required: true }],
          block_types: [],
        },
      },
      resource_schemas: {
        x_thing: {
          version: 2,
          block: {
            attributes: [],
            block_types: [{ type_name: 'b', nesting: 2, block: { attributes: [], block_types: [] } }],
          },
        },
      },
      data_source_schemas: {},
      diagnostics: [
        {
          severity: 1,
          summary: 's',
          attribute: { steps: [{ attribute_name: 'a' }, { element_key_int: 0 }, { element_key_string: 'k' }] },
        },
      ],
      server_capabilities: { get_provider_schema_optional: true },
    };
    const decoded = decodeMessage(
      messages,
      'tfplugin6.GetProviderSchema.Response',
      encodeMessage(messages, 'tfplugin6.GetProviderSchema.Response', response),
    ) as typeof response;
    expect(decoded.resource_schemas.x_thing.version).toBe(2);
    expect(decoded.resource_schemas.x_thing.block.block_types[0].type_name).toBe('b');
    expect(decoded.provider.block.attributes[0].type.toString()).toBe('"string"');
    expect(decoded.diagnostics[0].attribute.steps).toEqual([
      { attribute_name: 'a', element_key_string: '', element_key_int: 0 },
      { attribute_name: '', element_key_string: '', element_key_int: 0 },
      { attribute_name: '', element_key_string: 'k', element_key_int: 0 },
    ]);
    expect(decoded.server_capabilities.get_provider_schema_optional).toBe(true);
  });

  test('negative int64 and unknown fields', () => {
    const buf = encodeMessage(messages, 'tfplugin6.AttributePath.Step', { element_key_int: -5 });
    expect(decodeMessage(messages, 'tfplugin6.AttributePath.Step', buf).element_key_int).toBe(-5);
    const withUnknownField = Buffer.concat([
      Buffer.from([0x50, 0x01]),
      encodeMessage(messages, 'tfplugin6.DynamicValue', { msgpack: Buffer.from([0xc0]) }),
    ]);
    expect(decodeMessage(messages, 'tfplugin6.DynamicValue', withUnknownField).msgpack).toEqual(Buffer.from([0xc0]));
  });
});
