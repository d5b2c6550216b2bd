/**
 * cty types in their JSON form, exactly as Terraform writes them in schemas and in the dynamic
 * value wrapper: "string", ["list","number"], ["object",{"a":"bool"}], ...
 */
export type PrimitiveType = 'string' | 'number' | 'bool' | 'dynamic';
export type CtyType =
  | PrimitiveType
  | readonly ['list', CtyType]
  | readonly ['set', CtyType]
  | readonly ['map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }]
  | readonly ['object', { readonly [name: string]: CtyType }, readonly string[]]
  | readonly ['tuple', readonly CtyType[]];

export function typeToJson(type: CtyType): Buffer {
  return Buffer.from(JSON.stringify(type), 'utf8');
}

export function typeFromJson(json: string | Buffer): CtyType {
  return JSON.parse(json.toString()) as CtyType;
}

export function typeEquals(a: CtyType, b: CtyType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
