/**
 * Static descriptors of the protobuf messages we exchange with Terraform.
 *
 * Field names and numbers follow tfplugin6.proto (protocol 6.9, as spoken by Terraform 1.11) from
 * hashicorp/terraform docs/plugin-protocol, and go-plugin's grpc_controller/grpc_stdio/grpc_broker
 * protos. Only the messages of the RPCs we serve are listed; unknown fields are skipped when
 * decoding, so newer Terraform versions that send extra fields still work.
 */
import type { FieldDescriptor, MessageRegistry, ScalarKind } from './protobuf-wire';

function field(no: number, kind: ScalarKind | string): FieldDescriptor {
  return { no, kind: isScalar(kind) ? kind : { message: kind } };
}
function repeated(no: number, kind: ScalarKind | string): FieldDescriptor {
  return { ...field(no, kind), repeated: true };
}
function map(no: number, kind: ScalarKind | string): FieldDescriptor {
  return { ...field(no, kind), map: true };
}
function isScalar(kind: string): kind is ScalarKind {
  return ['string', 'bytes', 'bool', 'int64', 'uint32', 'enum'].includes(kind);
}

const T = 'tfplugin6.';
const diagnostics = (no: number) => repeated(no, T + 'Diagnostic');
const empty = {};

export const messages: MessageRegistry = {
  // ---- tfplugin6 common types
  [T + 'DynamicValue']: { msgpack: field(1, 'bytes'), json: field(2, 'bytes') },
  [T + 'Diagnostic']: {
    severity: field(1, 'enum'),
    summary: field(2, 'string'),
    detail: field(3, 'string'),
    attribute: field(4, T + 'AttributePath'),
  },
  [T + 'AttributePath']: { steps: repeated(1, T + 'AttributePath.Step') },
  [T + 'AttributePath.Step']: {
    attribute_name: field(1, 'string'),
    element_key_string: field(2, 'string'),
    element_key_int: field(3, 'int64'),
  },
  [T + 'RawState']: { json: field(1, 'bytes'), flatmap: map(2, 'string') },
  [T + 'Schema']: { version: field(1, 'int64'), block: field(2, T + 'Schema.Block') },
  [T + 'Schema.Block']: {
    version: field(1, 'int64'),
    attributes: repeated(2, T + 'Schema.Attribute'),
    block_types: repeated(3, T + 'Schema.NestedBlock'),
    description: field(4, 'string'),
    description_kind: field(5, 'enum'),
    deprecated: field(6, 'bool'),
  },
  [T + 'Schema.Attribute']: {
    name: field(1, 'string'),
    type: field(2, 'bytes'),
    nested_type: field(10, T + 'Schema.Object'),
    description: field(3, 'string'),
    required: field(4, 'bool'),
    optional: field(5, 'bool'),
    computed: field(6, 'bool'),
    sensitive: field(7, 'bool'),
    description_kind: field(8, 'enum'),
    deprecated: field(9, 'bool'),
    write_only: field(11, 'bool'),
  },
  [T + 'Schema.NestedBlock']: {
    type_name: field(1, 'string'),
    block: field(2, T + 'Schema.Block'),
    nesting: field(3, 'enum'),
    min_items: field(4, 'int64'),
    max_items: field(5, 'int64'),
  },
  [T + 'Schema.Object']: { attributes: repeated(1, T + 'Schema.Attribute'), nesting: field(3, 'enum') },
  [T + 'ServerCapabilities']: {
    plan_destroy: field(1, 'bool'),
    get_provider_schema_optional: field(2, 'bool'),
    move_resource_state: field(3, 'bool'),
  },
  [T + 'ClientCapabilities']: {
    deferral_allowed: field(1, 'bool'),
    write_only_attributes_allowed: field(2, 'bool'),
  },

  // ---- tfplugin6 RPC messages
  [T + 'GetMetadata.Request']: empty,
  [T + 'GetMetadata.Response']: {
    server_capabilities: field(1, T + 'ServerCapabilities'),
    diagnostics: diagnostics(2),
    data_sources: repeated(3, T + 'GetMetadata.TypeName'),
    resources: repeated(4, T + 'GetMetadata.TypeName'),
  },
  // DataSourceMetadata and ResourceMetadata share this shape.
  [T + 'GetMetadata.TypeName']: { type_name: field(1, 'string') },
  [T + 'GetProviderSchema.Request']: empty,
  [T + 'GetProviderSchema.Response']: {
    provider: field(1, T + 'Schema'),
    resource_schemas: map(2, T + 'Schema'),
    data_source_schemas: map(3, T + 'Schema'),
    diagnostics: diagnostics(4),
    provider_meta: field(5, T + 'Schema'),
    server_capabilities: field(6, T + 'ServerCapabilities'),
  },
  [T + 'GetFunctions.Request']: empty,
  [T + 'GetFunctions.Response']: { diagnostics: diagnostics(2) },
  [T + 'ValidateProviderConfig.Request']: { config: field(1, T + 'DynamicValue') },
  [T + 'ValidateProviderConfig.Response']: { diagnostics: diagnostics(2) },
  [T + 'ValidateResourceConfig.Request']: {
    type_name: field(1, 'string'),
    config: field(2, T + 'DynamicValue'),
    client_capabilities: field(3, T + 'ClientCapabilities'),
  },
  [T + 'ValidateResourceConfig.Response']: { diagnostics: diagnostics(1) },
  [T + 'ValidateDataResourceConfig.Request']: { type_name: field(1, 'string'), config: field(2, T + 'DynamicValue') },
  [T + 'ValidateDataResourceConfig.Response']: { diagnostics: diagnostics(1) },
  [T + 'UpgradeResourceState.Request']: {
    type_name: field(1, 'string'),
    version: field(2, 'int64'),
    raw_state: field(3, T + 'RawState'),
  },
  [T + 'UpgradeResourceState.Response']: { upgraded_state: field(1, T + 'DynamicValue'), diagnostics: diagnostics(2) },
  [T + 'ConfigureProvider.Request']: {
    terraform_version: field(1, 'string'),
    config: field(2, T + 'DynamicValue'),
    client_capabilities: field(3, T + 'ClientCapabilities'),
  },
  [T + 'ConfigureProvider.Response']: { diagnostics: diagnostics(1) },
  [T + 'ReadResource.Request']: {
    type_name: field(1, 'string'),
    current_state: field(2, T + 'DynamicValue'),
    private: field(3, 'bytes'),
    provider_meta: field(4, T + 'DynamicValue'),
    client_capabilities: field(5, T + 'ClientCapabilities'),
  },
  [T + 'ReadResource.Response']: {
    new_state: field(1, T + 'DynamicValue'),
    diagnostics: diagnostics(2),
    private: field(3, 'bytes'),
  },
  [T + 'PlanResourceChange.Request']: {
    type_name: field(1, 'string'),
    prior_state: field(2, T + 'DynamicValue'),
    proposed_new_state: field(3, T + 'DynamicValue'),
    config: field(4, T + 'DynamicValue'),
    prior_private: field(5, 'bytes'),
    provider_meta: field(6, T + 'DynamicValue'),
    client_capabilities: field(7, T + 'ClientCapabilities'),
  },
  [T + 'PlanResourceChange.Response']: {
    planned_state: field(1, T + 'DynamicValue'),
    requires_replace: repeated(2, T + 'AttributePath'),
    planned_private: field(3, 'bytes'),
    diagnostics: diagnostics(4),
  },
  [T + 'ApplyResourceChange.Request']: {
    type_name: field(1, 'string'),
    prior_state: field(2, T + 'DynamicValue'),
    planned_state: field(3, T + 'DynamicValue'),
    config: field(4, T + 'DynamicValue'),
    planned_private: field(5, 'bytes'),
    provider_meta: field(6, T + 'DynamicValue'),
  },
  [T + 'ApplyResourceChange.Response']: {
    new_state: field(1, T + 'DynamicValue'),
    private: field(2, 'bytes'),
    diagnostics: diagnostics(3),
  },
  [T + 'ImportResourceState.Request']: {
    type_name: field(1, 'string'),
    id: field(2, 'string'),
    client_capabilities: field(3, T + 'ClientCapabilities'),
  },
  [T + 'ImportResourceState.ImportedResource']: {
    type_name: field(1, 'string'),
    state: field(2, T + 'DynamicValue'),
    private: field(3, 'bytes'),
  },
  [T + 'ImportResourceState.Response']: {
    imported_resources: repeated(1, T + 'ImportResourceState.ImportedResource'),
    diagnostics: diagnostics(2),
  },
  [T + 'ReadDataSource.Request']: {
    type_name: field(1, 'string'),
    config: field(2, T + 'DynamicValue'),
    provider_meta: field(3, T + 'DynamicValue'),
    client_capabilities: field(4, T + 'ClientCapabilities'),
  },
  [T + 'ReadDataSource.Response']: { state: field(1, T + 'DynamicValue'), diagnostics: diagnostics(2) },
  [T + 'StopProvider.Request']: empty,
  [T + 'StopProvider.Response']: { Error: field(1, 'string') },

  // ---- go-plugin (package plugin)
  'plugin.Empty': empty,
  'plugin.ConnInfo': {
    service_id: field(1, 'uint32'),
    network: field(2, 'string'),
    address: field(3, 'string'),
    knock: field(4, 'plugin.ConnInfo.Knock'),
  },
  'plugin.ConnInfo.Knock': { knock: field(1, 'bool'), ack: field(2, 'bool'), error: field(3, 'string') },
  'plugin.StdioData': { channel: field(1, 'enum'), data: field(2, 'bytes') },
};

/** Diagnostic.Severity */
export const SEVERITY_ERROR = 1;
export const SEVERITY_WARNING = 2;

/** StringKind */
export const STRING_KIND_MARKDOWN = 1;

/** Schema.NestedBlock.NestingMode */
export const BLOCK_NESTING = { single: 1, list: 2, set: 3, map: 4, group: 5 } as const;
