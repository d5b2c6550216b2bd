/**
 * The provider's main: `serve(provider)` runs the plugin server when Terraform starts us, and
 * `--schema` prints the `terraform providers schema -json` document instead.
 */
import { servePlugin, stringifyJson } from '../protocol';
import type { Provider } from './define';
import { createProviderHandlers } from './provider-handlers';
import { providerSchemaJson } from './provider-schema';

export function serve<C>(provider: Provider<C>, argv: readonly string[] = process.argv.slice(2)): void {
  if (argv.includes('--schema')) {
    process.stdout.write(stringifyJson(providerSchemaJson(provider), 2) + '\n');
    return;
  }
  servePlugin(createProviderHandlers(provider));
}
