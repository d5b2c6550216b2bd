/**
 * `@mercato/server`: what other workspaces use of the server. `mercato serve` starts it
 * (`startServer`); the tests run it in-process (`buildApp` on a database from `openDatabase`) and
 * the API package builds the OpenAPI document from it.
 */
export { buildApp, API_PREFIX, type AppOptions } from './app';
export { configFromEnvironment, type ServerConfig } from './config';
export { openDatabase, type Database } from './db/database';
export { ensureAdminToken } from './admin-token';
export { startServer, type RunningServer } from './server';
export { seedDemoCatalog } from './demo/seed';
export { DEMO_OFFERINGS } from './demo/catalog';
export type { DemoAgent } from './demo/demo-agent';
export type { Tables } from './db/tables';
export { billingMonth } from './billing/billing-month';
export { billingDataOf } from './billing/invoice-data';
export { invoiceFigures } from './billing/invoices';
