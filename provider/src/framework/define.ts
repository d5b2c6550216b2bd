/**
 * Declaring a provider, its resources and data sources, each as one object.
 */
import { checkSchema, type Attributes, type Blocks, type SchemaSpec } from './schema';
import type { ApplyContext, OperationContext, PlanContext, ResourceContext, ValidateContext } from './context';
import type { ConfigValue, CreatedValue, NoMembers, ObjectValue, StateValue } from './value-types';

type MaybePromise<T> = T | Promise<T>;

export interface ResourceDefinition<A extends Attributes, B extends Blocks, Client> extends SchemaSpec {
  /** The type name without the provider prefix: 'thing' becomes '<provider>_thing'. */
  readonly name: string;
  readonly description: string;
  /** Schema version: bump it and handle the old version in upgradeState when stored state changes shape. */
  readonly version?: number;
  readonly attributes: A;
  readonly blocks?: B;

  /**
   * Plan-time validation of the configuration, after each attribute's validators (validators.ts)
   * have run: for rules across attributes. Values may be unknown (check with isUnknown).
   */
  validate?(config: ConfigValue<A, B>, ctx: ValidateContext): MaybePromise<void>;
  /** Adjust the plan the framework computed (defaults, unknowns, plan modifiers, requires-replace) before Terraform sees it. */
  modifyPlan?(
    ctx: PlanContext<Client>,
    change: { plan: ObjectValue<A, B>; prior: StateValue<A, B> | null; config: ObjectValue<A, B> },
  ): MaybePromise<void>;

  /**
   * Creates the object. Return the new state, with its `id` if the schema has one; attributes you
   * leave out keep their planned values (computed ones become null). Record errors with ctx.error
   * AND return a state to report a partial failure: Terraform saves the state and marks the
   * resource tainted. Return null (with errors) when nothing was created.
   */
  create(
    ctx: ApplyContext<Client, ObjectValue<A, B>>,
    plan: ObjectValue<A, B>,
  ): MaybePromise<CreatedValue<A, B> | null>;
  /** Reads the current state; return null when the object is gone (Terraform will plan to re-create it). */
  read(ctx: ResourceContext<Client>, state: StateValue<A, B>): MaybePromise<Partial<ObjectValue<A, B>> | null>;
  /** Updates in place. Without update(), every change to a non-computed attribute forces replacement. */
  update?(
    ctx: ApplyContext<Client, ObjectValue<A, B>>,
    plan: ObjectValue<A, B>,
    prior: StateValue<A, B>,
  ): MaybePromise<Partial<ObjectValue<A, B>>>;
  /**
   * Deletes the object. Report a failure with ctx.error, once, and return: the object then stays
   * in the state, so the next apply can try again. A throw is reported too, but as the
   * framework's generic "Failed to delete" error.
   */
  delete(ctx: ResourceContext<Client>, state: StateValue<A, B>): MaybePromise<void>;
  /** Turns an import ID into a minimal state that read() completes. Default: { id }. */
  import?(ctx: ResourceContext<Client>, id: string): MaybePromise<Partial<ObjectValue<A, B>>>;
  /** Converts state stored under an older schema version (raw JSON, integers kept exact) to the current shape. */
  upgradeState?(
    ctx: OperationContext<Client>,
    rawState: Record<string, unknown>,
    fromVersion: number,
  ): MaybePromise<Partial<ObjectValue<A, B>>>;
}

export interface DataSourceDefinition<A extends Attributes, B extends Blocks, Client> extends SchemaSpec {
  readonly name: string;
  readonly description: string;
  readonly attributes: A;
  readonly blocks?: B;
  validate?(config: ConfigValue<A, B>, ctx: ValidateContext): MaybePromise<void>;
  /** Returns the data; attributes left out keep their configured values. */
  read(ctx: OperationContext<Client>, config: ObjectValue<A, B>): MaybePromise<Partial<ObjectValue<A, B>>>;
}

export interface ProviderDefinition<A extends Attributes, B extends Blocks, Client> extends SchemaSpec {
  /** Local name and resource type prefix, e.g. 'mercato'. */
  readonly name: string;
  readonly version: string;
  /** Source address for `providers schema -json`; default registry.terraform.io/<name>/<name>. */
  readonly source?: string;
  readonly description?: string;
  readonly attributes: A;
  readonly blocks?: B;
  validate?(config: ConfigValue<A, B>, ctx: ValidateContext): MaybePromise<void>;
  /**
   * Builds the API client the resources receive as ctx.client. Config values may be null: take
   * defaults from `ctx.env`, the environment the provider runs with (its process's own, or in
   * debug mode the one given to serveForDebugging), never from process.env.
   */
  configure?(
    ctx: ValidateContext & { readonly terraformVersion: string; readonly env: NodeJS.ProcessEnv },
    config: ObjectValue<A, B>,
  ): MaybePromise<Client>;
  readonly resources: readonly Resource<Client>[];
  readonly dataSources?: readonly DataSource<Client>[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A declared resource type, with the schema types erased so providers can hold a list of them. */
export type Resource<Client = unknown> = ResourceDefinition<any, any, Client> & { readonly kind: 'resource' };
export type DataSource<Client = unknown> = DataSourceDefinition<any, any, Client> & { readonly kind: 'data-source' };
export type Provider<Client = unknown> = ProviderDefinition<any, any, Client> & { readonly kind: 'provider' };
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Typed declarations for resources and data sources that use an API client of type Client. */
export function withClient<Client>() {
  return {
    defineResource<const A extends Attributes, const B extends Blocks = NoMembers>(
      definition: ResourceDefinition<A, B, Client>,
    ): Resource<Client> {
      checkSchema(definition.name, definition);
      return { ...definition, kind: 'resource' } as unknown as Resource<Client>;
    },
    defineDataSource<const A extends Attributes, const B extends Blocks = NoMembers>(
      definition: DataSourceDefinition<A, B, Client>,
    ): DataSource<Client> {
      checkSchema(definition.name, definition);
      return { ...definition, kind: 'data-source' } as unknown as DataSource<Client>;
    },
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export const defineResource = withClient<any>().defineResource;
export const defineDataSource = withClient<any>().defineDataSource;
/* eslint-enable @typescript-eslint/no-explicit-any */

export function defineProvider<const A extends Attributes, Client, const B extends Blocks = NoMembers>(
  definition: ProviderDefinition<A, B, Client>,
): Provider<Client> {
  checkSchema(definition.name, definition);
  const names = new Set<string>();
  for (const item of [...definition.resources, ...(definition.dataSources ?? [])]) {
    const key = `${item.kind}:${item.name}`;
    if (names.has(key)) throw new Error(`Duplicate ${item.kind} ${definition.name}_${item.name}`);
    names.add(key);
  }
  return { ...definition, kind: 'provider' } as unknown as Provider<Client>;
}
