import type { ProvisioningPlugin } from '../plugin';
import { allocationPlugin } from './allocation';
import { manualPlugin } from './manual';
import { scriptPlugin } from './script';
import { postgresqlPlugin } from './postgresql';
import { webhookPlugin } from './webhook';

/** The plugins that need nothing of the server they run in; the app adds those that do (terraform). */
export const DEFAULT_PLUGINS: ProvisioningPlugin[] = [
  manualPlugin,
  allocationPlugin,
  scriptPlugin,
  postgresqlPlugin,
  webhookPlugin,
];

/** Plugins by offering `type`. A new plugin is one more entry here; the worker does not change. */
export class PluginRegistry {
  private readonly plugins = new Map<string, ProvisioningPlugin>();

  constructor(plugins: ProvisioningPlugin[] = DEFAULT_PLUGINS) {
    plugins.forEach((plugin) => this.register(plugin));
  }

  register(plugin: ProvisioningPlugin) {
    this.plugins.set(plugin.type, plugin);
  }

  get(type: string): ProvisioningPlugin | undefined {
    return this.plugins.get(type);
  }

  types(): string[] {
    return [...this.plugins.keys()];
  }
}
