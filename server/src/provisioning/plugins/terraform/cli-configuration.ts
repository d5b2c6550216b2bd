import { readFile } from 'node:fs/promises';

/**
 * A run's CLI configuration (`TF_CLI_CONFIG_FILE`; Terraform's "CLI Configuration File" page):
 * the run token as the credentials for Mercato's registry host, a plugin cache in the server's
 * data directory, and the operator's own settings. The operator supplies the providers that
 * modules need with a CLI configuration file of their own (`MERCATO_TERRAFORM_CLI_CONFIG`): its
 * `provider_installation` block (a `filesystem_mirror`, a `network_mirror`, or `direct` for
 * Mercato's own provider registry and public registries) and anything else in it apply to every
 * run as written. Without one, Terraform installs providers directly from their registries.
 */
export interface CliConfigurationSpec {
  registryHost: string;
  token: string;
  pluginCacheDir: string;
  /** The operator's file, read at each run (edits apply to the next run); undefined: none. */
  operatorFile?: string;
}

/** HCL's quoted string: JSON's escapes are HCL's, and `${` / `%{` are escaped so nothing is a template. */
const quoted = (text: string) => JSON.stringify(text).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');

/** The file's text; rejects naming the operator's file when it cannot be read. */
export async function cliConfiguration(spec: CliConfigurationSpec): Promise<string> {
  let operator = '';
  if (spec.operatorFile) {
    try {
      operator = await readFile(spec.operatorFile, 'utf8');
    } catch (error) {
      throw new Error(`MERCATO_TERRAFORM_CLI_CONFIG: cannot read ${spec.operatorFile}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  // The operator's own cache wins: two plugin_cache_dir settings would be an error. A run's
  // dependency lock file starts empty and is thrown away with the run, so the cache may fill it
  // (else Terraform 1.4+ installs from the origin every time and only writes the cache).
  const cache = /^\s*plugin_cache_dir\s*=/m.test(operator)
    ? ''
    : `plugin_cache_dir = ${quoted(spec.pluginCacheDir)}\nplugin_cache_may_break_dependency_lock_file = true\n`;
  return [
    '# Written by Mercato for one run of the terraform plugin; removed when the run ends.',
    `credentials ${quoted(spec.registryHost)} {\n  token = ${quoted(spec.token)}\n}`,
    cache,
    operator ? `# The operator's settings (MERCATO_TERRAFORM_CLI_CONFIG):\n${operator}` : '',
  ].join('\n');
}
