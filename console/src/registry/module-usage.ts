import type { ModuleDetail } from './registry-types';

/**
 * The `module` block that installs this module from Mercato's registry, as Terraform's registry
 * pages write it: `source` is the server's answer (its HTTPS host and the path, registry-host.ts
 * on the server), `version` the latest one. Null when the server has no HTTPS listener.
 */
export function moduleBlock(module: Pick<ModuleDetail, 'source' | 'name' | 'latest_version'>): string | null {
  if (!module.source) return null;
  const lines = [`module "${module.name}" {`, `  source  = "${module.source}"`];
  if (module.latest_version) lines.push(`  version = "${module.latest_version}"`);
  lines.push('}');
  return lines.join('\n');
}

/** A default as HCL would show it: strings quoted, the rest as JSON (objects and lists read the same). */
export function defaultText(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}
