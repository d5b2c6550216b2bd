/**
 * TypeScript types of the values a schema declares, so create/read/update see typed objects:
 *   { name: { type: 'string', required: true } }  ->  { name: string }
 *   { tags: { type: ['list','string'], optional: true } }  ->  { tags: string[] | null }
 * Numbers are `number`, `bigint` for integers beyond 2^53, or DecimalNumber for decimals a
 * double cannot give back. Dynamic values are `any`.
 */
import type { AttributeSpec, Attributes, BlockSpec, Blocks } from './schema';
import type { CtyType, DecimalNumber, UnknownValue } from '../protocol';

export type CtyNumber = number | bigint | DecimalNumber;

/** An object type without members: `X & NoMembers` is X, and `B = NoMembers` declares no blocks. */
export type NoMembers = Record<never, never>;

export type ValueOfType<T> = CtyType extends T
  ? unknown // the type is not known statically
  : T extends 'string'
    ? string
    : T extends 'number'
      ? CtyNumber
      : T extends 'bool'
        ? boolean
        : T extends 'dynamic'
          ? any // eslint-disable-line @typescript-eslint/no-explicit-any
          : T extends readonly ['list' | 'set', infer E]
            ? ValueOfType<E>[]
            : T extends readonly ['map', infer E]
              ? { [key: string]: ValueOfType<E> }
              : T extends readonly ['object', infer O, ...unknown[]]
                ? { [K in keyof O]: ValueOfType<O[K]> | null }
                : T extends readonly ['tuple', infer E]
                  ? { [K in keyof E]: ValueOfType<E[K]> | null }
                  : unknown;

type AttributeValue<A extends AttributeSpec> = A extends { required: true }
  ? ValueOfType<A['type']>
  : ValueOfType<A['type']> | null;

type BlockElement<B extends BlockSpec> = ObjectValue<B['attributes'], NonNullable<B['blocks']>>;

type BlockValue<B extends BlockSpec> = B['nesting'] extends 'single'
  ? BlockElement<B> | null
  : B['nesting'] extends 'group'
    ? BlockElement<B>
    : B['nesting'] extends 'map'
      ? { [key: string]: BlockElement<B> }
      : BlockElement<B>[];

/** The value of an object with these attributes and blocks (a resource's state, a block element). */
export type ObjectValue<A extends Attributes, B extends Blocks = NoMembers> = {
  -readonly [K in keyof A]: AttributeValue<A[K]>;
} & BlocksValue<B>;

/** No blocks declared (B is the wide `Blocks` type) means no block members. */
type BlocksValue<B extends Blocks> = string extends keyof B
  ? NoMembers
  : { -readonly [K in keyof B]: BlockValue<B[K]> };

/**
 * A resource's object as stored in the state (what read, update and delete receive): an `id`
 * attribute always holds a value, because the framework refuses a create or import that leaves
 * it null (provider-handlers.ts).
 */
export type StateValue<A extends Attributes, B extends Blocks = NoMembers> = ObjectValue<A, B> & IdValue<A>;

/** What create returns: anything it sets, and the `id` when the schema has one. */
export type CreatedValue<A extends Attributes, B extends Blocks = NoMembers> = Partial<ObjectValue<A, B>> & IdValue<A>;

type IdValue<A extends Attributes> = 'id' extends keyof A ? { id: ValueOfType<A['id']['type']> } : NoMembers;

/** Configuration during validation: any value may still be unknown. */
export type ConfigValue<A extends Attributes, B extends Blocks = NoMembers> = {
  -readonly [K in keyof A]: AttributeValue<A[K]> | UnknownValue;
} & (string extends keyof B ? NoMembers : { -readonly [K in keyof B]: BlockValue<B[K]> | UnknownValue });
