/**
 * The provider framework: declare a provider, its resources and data sources as objects; get
 * plan semantics, diagnostics, timeouts, import and state upgrades. Knows nothing of Mercato.
 */
export { defineProvider, defineResource, defineDataSource, withClient } from './define';
export type {
  Provider,
  Resource,
  DataSource,
  ProviderDefinition,
  ResourceDefinition,
  DataSourceDefinition,
} from './define';
export type { AttributeSpec, BlockSpec, BlockNesting, Attributes, Blocks, TimeoutOperation } from './schema';
export type { ValidateContext, OperationContext, ResourceContext, PlanContext, ApplyContext } from './context';
export type { ObjectValue, StateValue, CreatedValue, ConfigValue, ValueOfType, CtyNumber } from './value-types';
export type { Logger, LogFields, LogLevel } from './logger';
export { createLogger } from './logger';
export { timeoutsBlock, parseDuration } from './timeouts';
export {
  useStateForUnknown,
  useStateForUnknownIf,
  requiresReplace,
  requiresReplaceIf,
  type PlanModifier,
  type PlanModifierRequest,
  type PlanModifierDescription,
} from './plan-modifiers';
export {
  oneOf,
  lengthBetween,
  regexMatches,
  atLeast,
  eachValue,
  type Validator,
  type ValidatorRequest,
} from './validators';
export { deepEqual } from './values';
export { sentence, sentences } from './sentences';
export { parsePath, formatPath, childPath, keyStep, type PathLike, type PathStep } from './attribute-path';
export { providerSchemaJson, providerSource } from './provider-schema';
export { createProviderHandlers } from './provider-handlers';
export { serve } from './serve';
export { serveForDebugging, type DebugSession } from './debug';
export {
  isUnknown,
  containsUnknown,
  UNKNOWN,
  parseJson,
  stringifyJson,
  DecimalNumber,
  isDecimalNumber,
  type CtyType,
} from '../protocol';
