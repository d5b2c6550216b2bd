/**
 * `@mercato/api`: the Mercato API for TypeScript, generated from the server's OpenAPI document
 * (openapi.json; `npm run generate -w api`): its types, its closed sets of values as runtime
 * constants, and the one client the CLI, the Terraform provider, the code generator and the tests use.
 */
export { MercatoClient, type Answer, type ClientSettings, type Page, type Query, type RetryNote } from './client';
export { ApiError, UnreachableError, type FieldError, type Problem, type ProxyInUse } from './errors';
export { proxyFor, type ProxyChoice } from './proxy';
export {
  checkedEndpoint,
  DEFAULT_ENDPOINT,
  environmentSettings,
  normalizeEndpoint,
  secondsSetting,
  SettingError,
  withoutCredentials,
  type Connection,
  type EnvironmentSettings,
} from './settings';
export * from './generated/constants';
export { isId } from './ids';
export type * from './types';
