/**
 * `@mercato/api`: the Mercato API for TypeScript, generated from the server's OpenAPI document
 * (openapi.json; `npm run generate -w api`): its types, its closed sets of values as runtime
 * constants, and the one client the CLI, the Terraform provider, the code generator and the tests use.
 */
export { MercatoClient, type Answer, type ClientSettings, type Page, type Query } from './client';
export { ApiError, UnreachableError, type FieldError, type Problem } from './errors';
export { DEFAULT_ENDPOINT, environmentSettings, normalizeEndpoint, type Connection } from './settings';
export * from './generated/constants';
export { isId } from './ids';
export type * from './types';
