/** TypeScript shapes of the tfplugin6 messages, as the protobuf codec produces and consumes them. */

export interface DynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}

export interface AttributePathStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
}

export interface AttributePath {
  steps: AttributePathStep[];
}

export interface Diagnostic {
  severity: number;
  summary: string;
  detail?: string;
  attribute?: AttributePath;
}

export interface SchemaAttribute {
  name: string;
  type: Buffer;
  description?: string;
  description_kind?: number;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}

export interface SchemaBlock {
  version?: number;
  attributes: SchemaAttribute[];
  block_types: SchemaNestedBlock[];
  description?: string;
  description_kind?: number;
  deprecated?: boolean;
}

export interface SchemaNestedBlock {
  type_name: string;
  block: SchemaBlock;
  nesting: number;
  min_items?: number;
  max_items?: number;
}

export interface Schema {
  version: number;
  block: SchemaBlock;
}

export interface ServerCapabilities {
  plan_destroy?: boolean;
  get_provider_schema_optional?: boolean;
  move_resource_state?: boolean;
}

export interface GetProviderSchemaResponse {
  provider: Schema;
  resource_schemas: Record<string, Schema>;
  data_source_schemas: Record<string, Schema>;
  diagnostics: Diagnostic[];
  server_capabilities: ServerCapabilities;
}

export interface RawState {
  json: Buffer;
  flatmap: Record<string, string>;
}

export interface ValidateConfigRequest {
  type_name: string;
  config: DynamicValue | null;
}

export interface UpgradeResourceStateRequest {
  type_name: string;
  version: number;
  raw_state: RawState | null;
}

export interface ConfigureProviderRequest {
  terraform_version: string;
  config: DynamicValue | null;
}

export interface ReadResourceRequest {
  type_name: string;
  current_state: DynamicValue | null;
  private: Buffer;
}

export interface PlanResourceChangeRequest {
  type_name: string;
  prior_state: DynamicValue | null;
  proposed_new_state: DynamicValue | null;
  config: DynamicValue | null;
  prior_private: Buffer;
}

export interface ApplyResourceChangeRequest {
  type_name: string;
  prior_state: DynamicValue | null;
  planned_state: DynamicValue | null;
  config: DynamicValue | null;
  planned_private: Buffer;
}

export interface ImportResourceStateRequest {
  type_name: string;
  id: string;
}

export interface ReadDataSourceRequest {
  type_name: string;
  config: DynamicValue | null;
}

/** What a provider implementation must answer; the protocol layer does everything else. */
export interface ProviderHandlers {
  getProviderSchema(): GetProviderSchemaResponse;
  validateProviderConfig(req: { config: DynamicValue | null }): Promise<{ diagnostics: Diagnostic[] }>;
  validateResourceConfig(req: ValidateConfigRequest): Promise<{ diagnostics: Diagnostic[] }>;
  validateDataResourceConfig(req: ValidateConfigRequest): Promise<{ diagnostics: Diagnostic[] }>;
  upgradeResourceState(
    req: UpgradeResourceStateRequest,
  ): Promise<{ upgraded_state?: DynamicValue; diagnostics: Diagnostic[] }>;
  configureProvider(req: ConfigureProviderRequest): Promise<{ diagnostics: Diagnostic[] }>;
  readResource(
    req: ReadResourceRequest,
  ): Promise<{ new_state?: DynamicValue; private?: Buffer; diagnostics: Diagnostic[] }>;
  planResourceChange(req: PlanResourceChangeRequest): Promise<{
    planned_state?: DynamicValue;
    requires_replace?: AttributePath[];
    planned_private?: Buffer;
    diagnostics: Diagnostic[];
  }>;
  applyResourceChange(
    req: ApplyResourceChangeRequest,
  ): Promise<{ new_state?: DynamicValue; private?: Buffer; diagnostics: Diagnostic[] }>;
  importResourceState(req: ImportResourceStateRequest): Promise<{
    imported_resources: { type_name: string; state: DynamicValue; private?: Buffer }[];
    diagnostics: Diagnostic[];
  }>;
  readDataSource(req: ReadDataSourceRequest): Promise<{ state?: DynamicValue; diagnostics: Diagnostic[] }>;
  /** StopProvider: cancel in-flight work; resolve quickly. */
  stop(): Promise<void>;
}
