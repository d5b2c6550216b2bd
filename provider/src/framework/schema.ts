/**
 * How a resource, data source or provider declares its schema, and the conversions of that
 * declaration into cty types and tfplugin6 schema messages.
 */
import {
  BLOCK_NESTING,
  STRING_KIND_MARKDOWN,
  typeToJson,
  type CtyType,
  type Schema,
  type SchemaBlock,
} from '../protocol';
import type { PlanModifier } from './plan-modifiers';
import type { Validator } from './validators';

export interface AttributeSpec {
  /** A cty type in its JSON form: 'string', 'number', 'bool', 'dynamic', ['list','string'], ['object',{...}] ... */
  readonly type: CtyType;
  /** Markdown; it goes into the registry docs and the generated constructs. */
  readonly description: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  /** Set by the provider; unknown in plans until apply, unless the resource is unchanged. */
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** Never stored in plan or state (Terraform >= 1.11); read it from ctx.config during apply. */
  readonly writeOnly?: boolean;
  /** Deprecation message shown to users; true for a bare flag. */
  readonly deprecated?: boolean | string;
  /** Value planned when the configuration leaves the attribute null; implies optional + computed. */
  readonly default?: unknown;
  /** Check the configured value at plan time, in order (validators.ts); each adds its rule to the description. */
  readonly validators?: readonly Validator[];
  /**
   * Adjust the plan, in order (plan-modifiers.ts): keep a prior value (`useStateForUnknown()`),
   * force replacement on change (`requiresReplace()`), or your own. Each adds what it does to the description.
   */
  readonly planModifiers?: readonly PlanModifier[];
}

export type BlockNesting = 'single' | 'list' | 'set' | 'map' | 'group';

export interface BlockSpec {
  readonly nesting: BlockNesting;
  readonly description: string;
  readonly attributes: Attributes;
  readonly blocks?: Blocks;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly deprecated?: boolean | string;
  /** Set by timeoutsBlock(): default durations per operation. */
  readonly timeoutDefaults?: Readonly<Partial<Record<TimeoutOperation, string>>>;
}

export type TimeoutOperation = 'create' | 'read' | 'update' | 'delete';
export type Attributes = { readonly [name: string]: AttributeSpec };
export type Blocks = { readonly [name: string]: BlockSpec };

/** The schema part shared by resources, data sources and providers. */
export interface SchemaSpec {
  readonly description?: string;
  readonly attributes: Attributes;
  readonly blocks?: Blocks;
}

export function isComputed(attr: AttributeSpec): boolean {
  return Boolean(attr.computed || attr.default !== undefined);
}

export function isOptional(attr: AttributeSpec): boolean {
  return Boolean(attr.optional || (attr.default !== undefined && !attr.required));
}

/** The cty object type of values of this schema (what every DynamicValue holds). */
export function objectType(spec: SchemaSpec): CtyType {
  const members: Record<string, CtyType> = {};
  for (const [name, attr] of Object.entries(spec.attributes)) members[name] = attr.type;
  for (const [name, block] of Object.entries(spec.blocks ?? {})) members[name] = blockValueType(block);
  return ['object', members];
}

function blockValueType(block: BlockSpec): CtyType {
  const element = objectType(block);
  switch (block.nesting) {
    case 'single':
    case 'group':
      return element;
    case 'list':
      return ['list', element];
    case 'set':
      return ['set', element];
    case 'map':
      return ['map', element];
  }
}

export function toProtoSchema(spec: SchemaSpec, version = 0): Schema {
  return { version, block: toProtoBlock(spec, version) };
}

function toProtoBlock(spec: SchemaSpec & { deprecated?: boolean | string }, version = 0): SchemaBlock {
  return {
    version,
    description: spec.description ?? '',
    description_kind: STRING_KIND_MARKDOWN,
    deprecated: Boolean(spec.deprecated),
    attributes: Object.entries(spec.attributes).map(([name, attr]) => ({
      name,
      type: typeToJson(attr.type),
      description: describeAttribute(attr),
      description_kind: STRING_KIND_MARKDOWN,
      required: Boolean(attr.required),
      optional: isOptional(attr),
      computed: isComputed(attr),
      sensitive: Boolean(attr.sensitive),
      deprecated: Boolean(attr.deprecated),
      write_only: Boolean(attr.writeOnly),
    })),
    block_types: Object.entries(spec.blocks ?? {}).map(([name, block]) => ({
      type_name: name,
      block: toProtoBlock(block),
      nesting: BLOCK_NESTING[block.nesting],
      min_items: block.minItems ?? 0,
      max_items: block.maxItems ?? 0,
    })),
  };
}

/**
 * The description Terraform, the registry docs and the CDKTF bindings show: the declared one, then
 * what each validator allows and what each plan modifier does, then the deprecation message (the
 * protocol only has a flag for it).
 */
export function describeAttribute(attr: AttributeSpec): string {
  const rules = [...(attr.validators ?? []), ...(attr.planModifiers ?? [])].map((item) => item.markdownDescription);
  const text = [attr.description, ...rules].join(' ');
  return typeof attr.deprecated === 'string' ? `${text}\n\n**Deprecated:** ${attr.deprecated}` : text;
}

/** Checks the declaration itself, so mistakes show when the provider starts, not in a plan. */
export function checkSchema(where: string, spec: SchemaSpec): void {
  for (const [name, attr] of Object.entries(spec.attributes)) {
    const flags = [attr.required, attr.optional, attr.computed, attr.default !== undefined].filter(Boolean).length;
    if (flags === 0) throw new Error(`${where}.${name}: set one of required, optional or computed`);
    if (attr.required && (attr.computed || attr.default !== undefined))
      throw new Error(`${where}.${name}: a required attribute cannot be computed or have a default`);
    if (attr.writeOnly && (attr.computed || attr.sensitive === false))
      throw new Error(`${where}.${name}: a write-only attribute cannot be computed`);
    if (!attr.description) throw new Error(`${where}.${name}: every attribute needs a description`);
    if (attr.validators?.length && !attr.required && !isOptional(attr))
      throw new Error(
        `${where}.${name}: validators check configured values, and the configuration cannot set a computed-only attribute`,
      );
  }
  for (const [name, block] of Object.entries(spec.blocks ?? {})) checkSchema(`${where}.${name}`, block);
}
