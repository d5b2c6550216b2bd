/**
 * `mercato provider install`: builds the Terraform provider and puts it where `terraform init`
 * finds it without a registry, Terraform's implied local mirror:
 *
 *   ~/.terraform.d/plugins/registry.terraform.io/mercato/mercato/<version>/<os>_<arch>/terraform-provider-mercato_v<version>
 *
 * The provider is one bundled Node script plus a `node_modules/` folder of lazily loaded
 * packages (axios, ajv, semver); both go into the platform folder, where Node's own module
 * resolution finds the packages beside the executable.
 */
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROVIDER_VERSION } from '../provider';

export const PROVIDER_HOSTNAME = 'registry.terraform.io';
export const PROVIDER_NAMESPACE = 'mercato';
export const PROVIDER_TYPE = 'mercato';

export interface InstallOptions {
  /** Root of the plugins folder, absolute or relative to the current directory. Default: `$HOME/.terraform.d/plugins`. */
  dir?: string;
  /** Default: PROVIDER_VERSION (provider/src/provider.ts). */
  version?: string;
  /** Terraform's platform name, e.g. `linux_amd64`. Default: this machine's. */
  platform?: string;
}

export interface InstallResult {
  version: string;
  platform: string;
  /** The installed executable. */
  executable: string;
  /** The folder holding it and its `node_modules/`. */
  packageDir: string;
}

export function defaultPluginsDir(): string {
  return join(homedir(), '.terraform.d', 'plugins');
}

/** Terraform's `<os>_<arch>` for this machine: linux_amd64, darwin_arm64... */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[arch] ?? arch;
  return `${os}_${cpu}`;
}

/** A build that failed; its message says why, for the person who asked for the install. */
export class InstallError extends Error {}

export function installLocation(options: InstallOptions & { version: string }): {
  packageDir: string;
  executable: string;
  platform: string;
} {
  const platform = options.platform ?? terraformPlatform();
  const root = resolve(options.dir ?? defaultPluginsDir());
  const packageDir = join(root, PROVIDER_HOSTNAME, PROVIDER_NAMESPACE, PROVIDER_TYPE, options.version, platform);
  return {
    platform,
    packageDir,
    executable: join(packageDir, `terraform-provider-${PROVIDER_TYPE}_v${options.version}`),
  };
}

/** Builds the provider straight into the mirror's platform folder, replacing what was there. */
export async function installProvider(options: InstallOptions = {}): Promise<InstallResult> {
  const version = options.version ?? PROVIDER_VERSION;
  const { platform, packageDir, executable } = installLocation({ ...options, version });
  const { build } = require('../../scripts/build.js') as {
    build: (entry?: string, outfile?: string) => Promise<string>;
  };
  // A previous install of the same version may hold packages this build no longer has.
  if (existsSync(packageDir)) rmSync(packageDir, { recursive: true, force: true });
  try {
    await build(undefined, executable);
  } catch (error) {
    throw new InstallError(`building the provider failed: ${(error as Error).message}`);
  }
  return { version, platform, executable, packageDir };
}

export function describeInstall(result: InstallResult): string {
  return [
    `installed ${PROVIDER_NAMESPACE}/${PROVIDER_TYPE} ${result.version} (${result.platform})`,
    `  ${result.executable}`,
    '',
    'Use it with:',
    '  terraform {',
    `    required_providers {`,
    `      mercato = { source = "${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}" }`,
    '    }',
    '  }',
    'then `terraform init`. Where a .terraform.lock.hcl records an earlier build of this version, delete it first:',
    'a changed build has a new checksum (the same sources always build the same bytes).',
  ].join('\n');
}
