/** Terraform's platform names (`<os>_<arch>`, as in a provider's zip file name) and Node's for them. */
import { terraformPlatform } from '../install/install';

/** A Terraform platform: `linux_amd64`, `darwin_arm64`, `windows_amd64`... */
export interface TerraformPlatform {
  os: string;
  arch: string;
}

/** The platform Node runs on here, in Terraform's names. */
export function hostPlatform(): TerraformPlatform {
  const [os, arch] = terraformPlatform().split('_');
  return { os, arch };
}

export const platformName = (platform: TerraformPlatform): string => `${platform.os}_${platform.arch}`;

/** The platforms Node publishes official binaries for, which a single executable can be made of. */
const NODE_PLATFORMS = new Set([
  'linux_amd64',
  'linux_arm64',
  'darwin_amd64',
  'darwin_arm64',
  'windows_amd64',
  'windows_arm64',
]);

/** `linux_amd64` -> {os, arch}; throws naming the platforms that can be built when it is not one of them. */
export function parsePlatform(name: string): TerraformPlatform {
  if (!NODE_PLATFORMS.has(name))
    throw new Error(
      `"${name}" is not a platform Node.js has official binaries for: one of ${[...NODE_PLATFORMS].join(', ')}`,
    );
  const [os, arch] = name.split('_');
  return { os, arch };
}
