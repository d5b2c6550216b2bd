import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { forThePerson, report } from '../report';
import { userPath } from '../working-directory';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--node-binary darwin_arm64=/path/node` options as a map of platform to absolute path. */
function nodeBinaries(given: string[] = []): Record<string, string> {
  const binaries: Record<string, string> = {};
  for (const entry of given) {
    const match = /^([a-z0-9]+_[a-z0-9]+)=(.+)$/.exec(entry);
    if (!match) throw new CliError(`--node-binary ${entry}: expected <os>_<arch>=<path of that platform's node>`);
    binaries[match[1]] = userPath(match[2]);
  }
  return binaries;
}

/** The operator's signing key for a release: an armored private key file, its passphrase in MERCATO_SIGNING_KEY_PASSPHRASE. */
function signingKey(file: string | undefined): { armoredPrivateKey: string; passphrase?: string } | undefined {
  if (file === undefined) return undefined;
  const path = userPath(file);
  try {
    return {
      armoredPrivateKey: readFileSync(path, 'utf8'),
      passphrase: process.env.MERCATO_SIGNING_KEY_PASSPHRASE || undefined,
    };
  } catch (error) {
    throw new CliError(`--signing-key ${file}: ${(error as Error).message}`);
  }
}

/** `mercato provider install`: the Terraform provider, built into Terraform's local plugins folder. */
export function declareProvider(program: Command): void {
  const provider = program.command('provider').description('The Terraform provider mercato/mercato');
  provider
    .command('install')
    .description(
      "Build the Terraform provider and install it into Terraform's local plugins folder, so `terraform init` finds mercato/mercato offline",
    )
    .option('--dir <dir>', 'plugins folder to install into (default: $HOME/.terraform.d/plugins)')
    .action((options: { dir?: string }) =>
      report(async () => {
        const {
          describeInstall,
          installProvider,
          InstallError,
        }: typeof import('@mercato/terraform-provider/install') = require('@mercato/terraform-provider/install');
        const dir = options.dir === undefined ? undefined : userPath(options.dir);
        return describeInstall(await installProvider({ dir }).catch(forThePerson(InstallError)));
      }),
    );
  provider
    .command('release')
    .description(
      "Build the provider's release artifacts: a single executable per platform (no Node needed where Terraform runs), zipped as Terraform expects, SHA256SUMS and, with --signing-key, its signature",
    )
    .option('--out <dir>', 'folder to write them to', 'dist/release')
    .option(
      '--node-binary <os_arch=path>',
      "another platform's official node binary of this Node version, e.g. darwin_arm64=./node-v20-darwin-arm64/bin/node (repeat for more); this machine's platform is always built",
      collect,
    )
    .option(
      '--signing-key <file>',
      'armored OpenPGP private key to sign SHA256SUMS with (passphrase in MERCATO_SIGNING_KEY_PASSPHRASE); without it, `provider publish` has Mercato sign',
    )
    .option('--start-up <kind>', 'what the executable starts from: snapshot, code-cache or none', 'snapshot')
    .action((options: { out: string; nodeBinary?: string[]; signingKey?: string; startUp: string }) =>
      report(async () => {
        if (!['snapshot', 'code-cache', 'none'].includes(options.startUp))
          throw new CliError(`--start-up ${options.startUp}: expected snapshot, code-cache or none`);
        const {
          buildRelease,
          describeRelease,
        }: typeof import('@mercato/terraform-provider/release') = require('@mercato/terraform-provider/release');
        const release = await buildRelease({
          outDir: userPath(options.out),
          nodeBinaries: nodeBinaries(options.nodeBinary),
          signingKey: signingKey(options.signingKey),
          startUp: options.startUp as 'snapshot',
        }).catch((error: Error) => {
          throw new CliError(`release failed: ${error.message}`);
        });
        return describeRelease(release);
      }),
    );
  provider
    .command('publish <dir>')
    .description(
      "Publish a provider release folder to Mercato's registry in one request: its zips, and SHA256SUMS with its .sig and public key if it has them (otherwise Mercato signs with its key)",
    )
    .requiredOption('--namespace <slug>', "the organization's slug the provider is published under")
    .option('--type <type>', "the provider type (default: from the zips' names)")
    .option('--version <version>', "the version (default: from the zips' names)")
    .option('--protocols <list>', "plugin protocol versions, comma-separated (default: the manifest's, else 5.0)")
    .option(
      '--visibility <visibility>',
      'public or private, for a new provider (default private; later: mercato provider visibility)',
    )
    .option('--public-key <file>', "the armored public key that verifies the .sig (default: the folder's .asc file)")
    .action(
      (
        dir: string,
        options: {
          namespace: string;
          type?: string;
          version?: string;
          protocols?: string;
          visibility?: string;
          publicKey?: string;
        },
      ) =>
        report(async () => {
          if (options.visibility !== undefined && !['public', 'private'].includes(options.visibility))
            throw new CliError(`--visibility ${options.visibility}: expected public or private`);
          const {
            publishRequest,
            describePublished,
          }: typeof import('../registry/provider-publish') = require('../registry/provider-publish');
          const { clientFromEnvironment }: typeof import('../api-client') = require('../api-client');
          const request = publishRequest(userPath(dir), {
            namespace: options.namespace,
            type: options.type,
            version: options.version,
            protocols: options.protocols?.split(',').map((p) => p.trim()),
            visibility: options.visibility as 'public' | 'private' | undefined,
            publicKey: options.publicKey === undefined ? undefined : userPath(options.publicKey),
          });
          const client = clientFromEnvironment();
          const published = await client.create<import('@mercato/api').TerraformProviderVersion>(
            '/terraform-provider-versions',
            request,
          );
          const provider = await client.get<import('@mercato/api').TerraformProvider>(
            `/terraform-providers/${published.provider_id}`,
          );
          const {
            visibilityLine,
          }: typeof import('../registry/provider-visibility') = require('../registry/provider-visibility');
          return `${describePublished(published)}\n${visibilityLine(provider)}`;
        }),
    );
  provider
    .command('visibility')
    .description("Set a provider's visibility: public (anyone, no token) or private (its organization's members)")
    .argument('<provider>', 'NAMESPACE/TYPE')
    .argument('<visibility>', 'public or private')
    .action((address: string, visibility: string) =>
      report(async () => {
        const {
          setProviderVisibility,
        }: typeof import('../registry/provider-visibility') = require('../registry/provider-visibility');
        const { clientFromEnvironment }: typeof import('../api-client') = require('../api-client');
        return setProviderVisibility(clientFromEnvironment(), address, visibility);
      }),
    );
}
