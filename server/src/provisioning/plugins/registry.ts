import type { ProvisioningPlugin } from '../plugin';
import { allocationPlugin } from './allocation';
import { manualPlugin } from './manual';
import { scriptPlugin } from './script';
import { postgresqlPlugin } from './postgresql';
import { webhookPlugin } from './webhook';

/** Plugins by offering `type`. A new plugin is one more entry here; the worker does not change. */
export class PluginRegistry {
  private readonly plugins = new Map<string, ProvisioningPlugin>();

  constructor(
    plugins: ProvisioningPlugin[] = [manualPlugin, allocationPlugin, scriptPlugin, postgresqlPlugin, webhookPlugin],
  ) {
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
