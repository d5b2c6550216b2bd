import { MODULE_VISIBILITIES, type MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import type { Item, WriteFormat } from '../objects/output';
import { renderJson, renderYaml } from '../objects/output';
import { userPath } from '../working-directory';
import { packModule } from './module-pack';

/** What `mercato module ...` does through the API's module registry (/api/v1/modules). */

export interface PublishOptions {
  namespace: string;
  name: string;
  system: string;
  version: string;
  private?: boolean;
  output?: WriteFormat;
}

/**
 * A module's path, `namespace/name/system`, as a person gives it: alone, after a registry host
 * (`127.0.0.1:8443/acme/network/aws`, as a module source is written) or after `module/` (as
 * `get modules -o name` prints it).
 */
export function modulePathOf(given: string): string {
  const parts = given.replace(/^modules?\//i, '').split('/');
  const path = parts.length === 4 && /[.:]/.test(parts[0]) ? parts.slice(1) : parts;
  if (path.length !== 3 || path.some((part) => part === ''))
    throw new CliError(`"${given}" is not a module: give NAMESPACE/NAME/SYSTEM, e.g. acme/network/aws`);
  return path.map(encodeURIComponent).join('/');
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The module source to write in a configuration: the registry's host (its HTTPS listener) and the module's path. */
function sourceLine(version: Item): string {
  const module = version.module as Item;
  return `source = "${String(module.source ?? module.path)}"`;
}

/** `mercato module publish DIR`: packs the folder and publishes it as a version. */
/**
 * Terraform's rules for the parts of a module address (hashicorp/terraform-registry-address),
 * checked before the folder is packed so that a mistake names the option, not a URL parameter.
 */
const ADDRESS_PARTS = {
  namespace: [/^[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?$/, "an organization's slug"],
  name: [
    /^[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?$/,
    '1 to 64 letters, digits, - and _, not starting or ending with - or _',
  ],
  system: [/^[0-9a-z]{1,64}$/, '1 to 64 lowercase letters and digits, e.g. aws'],
} as const;

function checkAddress(options: PublishOptions): void {
  for (const [option, [pattern, rule]] of Object.entries(ADDRESS_PARTS)) {
    const value = options[option as keyof typeof ADDRESS_PARTS];
    if (!pattern.test(value)) throw new CliError(`--${option} "${value}": must be ${rule}`);
  }
}

export async function publishModule(client: MercatoClient, dir: string, options: PublishOptions): Promise<string> {
  checkAddress(options);
  const archive = await packModule(userPath(dir));
  const path = modulePathOf(`${options.namespace}/${options.name}/${options.system}`);
  const version = await client.upload<Item>(`/modules/${path}/versions`, archive, 'application/gzip', {
    version: options.version,
    visibility: options.private ? 'private' : undefined,
  });
  if (options.output === 'json') return renderJson(version);
  if (options.output === 'yaml') return renderYaml(version);
  const module = version.module as Item;
  if (options.output === 'name') return `module/${module.path}`;
  const metadata = version.metadata as { inputs: unknown[]; outputs: unknown[] };
  return [
    `published ${module.path} ${version.version} (${module.visibility}; ${kib(Number(version.size))}; ${metadata.inputs.length} inputs, ${metadata.outputs.length} outputs)`,
    `use it with: ${sourceLine(version)}  version = "${version.version}"`,
  ].join('\n');
}

export type VersionAction = 'yank' | 'unyank' | 'deprecate' | 'undeprecate';

const DONE: Record<VersionAction, string> = {
  yank: 'yanked',
  unyank: 'unyanked',
  deprecate: 'deprecated',
  undeprecate: 'no longer deprecated',
};

/** `mercato module yank|unyank|deprecate|undeprecate MODULE VERSION`. */
export async function versionAction(
  client: MercatoClient,
  action: VersionAction,
  module: string,
  version: string,
  options: { message?: string; output?: WriteFormat },
): Promise<string> {
  const path = modulePathOf(module);
  const answer = await client.action<Item>(
    `/modules/${path}/versions/${encodeURIComponent(version)}/${action}`,
    action === 'deprecate' ? { message: options.message } : undefined,
  );
  if (options.output === 'json') return renderJson(answer);
  if (options.output === 'yaml') return renderYaml(answer);
  if (options.output === 'name') return `module/${(answer.module as Item).path}`;
  return `${(answer.module as Item).path} ${answer.version} ${DONE[action]}`;
}

/** `mercato module visibility MODULE public|private`. */
export async function setVisibility(client: MercatoClient, module: string, visibility: string): Promise<string> {
  if (!(MODULE_VISIBILITIES as readonly string[]).includes(visibility))
    throw new CliError(`unknown visibility "${visibility}"; one of ${MODULE_VISIBILITIES.join(', ')}`);
  const answer = await client.patch<Item>(`/modules/${modulePathOf(module)}`, { visibility });
  return `${answer.path} is ${answer.visibility}`;
}
