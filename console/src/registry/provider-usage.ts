import type { ProviderVersion, TerraformProvider } from './registry-types';

/**
 * The `required_providers` block that installs this provider from Mercato's registry: `source` is
 * the server's answer (its HTTPS host, namespace and type), `version` the newest one not yanked.
 * Null when the server has no HTTPS listener.
 */
export function requiredProvidersBlock(provider: TerraformProvider, latest?: ProviderVersion): string | null {
  if (!provider.source) return null;
  const entry = [`    ${provider.type} = {`, `      source  = "${provider.source}"`];
  if (latest) entry.push(`      version = "${latest.version}"`);
  entry.push('    }');
  return ['terraform {', '  required_providers {', ...entry, '  }', '}'].join('\n');
}

/** The newest version Terraform would choose: the list is oldest first, yanked ones included. */
export function latestVersion(versions: ProviderVersion[]): ProviderVersion | undefined {
  return [...versions].reverse().find((v) => !v.yanked);
}
