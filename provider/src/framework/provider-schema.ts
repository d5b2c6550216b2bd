/**
 * The provider's schemas: as the GetProviderSchema response, and as the JSON document
 * `terraform providers schema -json` prints (input of the CDKTF binding generator, so bindings
 * can be generated without running Terraform).
 */
import { describeAttribute, isComputed, isOptional, toProtoSchema, type SchemaSpec } from './schema';
import type { Provider } from './define';
import type { GetProviderSchemaResponse } from '../protocol';

export function providerSchemaResponse<C>(provider: Provider<C>): GetProviderSchemaResponse {
  return {
    provider: toProtoSchema(provider as SchemaSpec),
    resource_schemas: Object.fromEntries(
      provider.resources.map((r) => [`${provider.name}_${r.name}`, toProtoSchema(r, r.version ?? 0)]),
    ),
    data_source_schemas: Object.fromEntries(
      (provider.dataSources ?? []).map((d) => [`${provider.name}_${d.name}`, toProtoSchema(d)]),
    ),
    diagnostics: [],
    // Terraform may cache the schema for the whole command instead of asking at every launch.
    server_capabilities: { get_provider_schema_optional: true },
  };
}

export function providerSource<C>(provider: Provider<C>): string {
  const source = provider.source ?? `${provider.name}/${provider.name}`;
  return source.split('/').length === 2 ? `registry.terraform.io/${source}` : source;
}

/** Exactly the shape of `terraform providers schema -json` for this one provider. */
export function providerSchemaJson<C>(provider: Provider<C>): Record<string, unknown> {
  const schemas: Record<string, unknown> = { provider: schemaJson(provider, 0) };
  const resources = provider.resources.map(
    (r) => [`${provider.name}_${r.name}`, schemaJson(r, r.version ?? 0)] as const,
  );
  const dataSources = (provider.dataSources ?? []).map(
    (d) => [`${provider.name}_${d.name}`, schemaJson(d, 0)] as const,
  );
  if (resources.length) schemas.resource_schemas = Object.fromEntries(sortByName(resources));
  if (dataSources.length) schemas.data_source_schemas = Object.fromEntries(sortByName(dataSources));
  return { format_version: '1.0', provider_schemas: { [providerSource(provider)]: schemas } };
}

function sortByName<T>(entries: (readonly [string, T])[]): (readonly [string, T])[] {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function schemaJson(spec: SchemaSpec, version: number): Record<string, unknown> {
  return { version, block: blockJson(spec) };
}

/** Mirrors Terraform's jsonprovider package: false flags and empty fields are omitted. */
function blockJson(spec: SchemaSpec & { deprecated?: boolean | string }): Record<string, unknown> {
  const block: Record<string, unknown> = {};
  const attributes = Object.entries(spec.attributes).map(([name, attr]) => {
    const json: Record<string, unknown> = { type: attr.type };
    const description = describeAttribute(attr);
    if (description) json.description = description;
    json.description_kind = 'markdown';
    if (attr.required) json.required = true;
    if (isOptional(attr)) json.optional = true;
    if (isComputed(attr)) json.computed = true;
    if (attr.sensitive) json.sensitive = true;
    if (attr.deprecated) json.deprecated = true;
    if (attr.writeOnly) json.write_only = true;
    return [name, json] as const;
  });
  if (attributes.length) block.attributes = Object.fromEntries(sortByName(attributes));
  const blockTypes = Object.entries(spec.blocks ?? {}).map(([name, nested]) => {
    const json: Record<string, unknown> = { nesting_mode: nested.nesting, block: blockJson(nested) };
    if (nested.minItems) json.min_items = nested.minItems;
    if (nested.maxItems) json.max_items = nested.maxItems;
    return [name, json] as const;
  });
  if (blockTypes.length) block.block_types = Object.fromEntries(sortByName(blockTypes));
  if (spec.description) block.description = spec.description;
  block.description_kind = 'markdown';
  if (spec.deprecated) block.deprecated = true;
  return block;
}
