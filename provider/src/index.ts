/**
 * `@mercato/terraform-provider`: the provider itself, for what reads its schema without running
 * it (the CDKTF bindings). Provider install, the drift report and the release build are their own
 * entry points: `@mercato/terraform-provider/install`, `/drift` and `/build`.
 */
export { mercatoProvider, PROVIDER_VERSION } from './provider';
export { providerSchemaJson } from './framework';
