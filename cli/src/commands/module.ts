import { Option, type Command } from 'commander';
import type { PublishOptions, VersionAction } from '../modules/module-commands';
import { WRITE_FORMATS, type WriteFormat } from '../objects/output';
import { reportWithClient } from '../report';

const outputOption = () =>
  new Option('-o, --output <format>', 'print the answer as json or yaml, or only module/<path>').choices(WRITE_FORMATS);

const ACTIONS: Record<VersionAction, string> = {
  yank: 'Yank a version: `terraform init` no longer chooses it (owners and service managers of the namespace)',
  unyank: 'Take back a yank',
  deprecate: 'Deprecate a version with a message; it is still installed, the registry shows the message',
  undeprecate: 'Take back a deprecation',
};

/** `mercato module publish|yank|unyank|deprecate|undeprecate|visibility`: the Terraform module registry. */
export function declareModule(program: Command): void {
  const module = program
    .command('module')
    .description("Publish Terraform modules to Mercato's registry, yank or deprecate versions, set who sees them");
  module
    .command('publish')
    .description(
      'Pack a module folder (.tar.gz, without .terraform/, state files and .git/) and publish it as a version; prints the source address for `module` blocks',
    )
    .argument('<dir>', "the module's folder, e.g. . or cdktf.out/stacks/NAME (a synthesized CDKTF stack)")
    .requiredOption('--namespace <slug>', "the namespace: your organization's slug")
    .requiredOption('--name <name>', "the module's name, e.g. network")
    .requiredOption('--system <system>', 'the system it targets, e.g. aws (lowercase letters and digits)')
    .requiredOption('--version <version>', 'the semantic version, e.g. 1.2.0')
    .option('--private', 'only members of the organization (or of its projects) may read and install it')
    .addOption(outputOption())
    .action((dir: string, options: PublishOptions) =>
      reportWithClient((client) => {
        const { publishModule }: typeof import('../modules/module-commands') = require('../modules/module-commands');
        return publishModule(client, dir, options);
      }),
    );
  for (const [action, help] of Object.entries(ACTIONS) as [VersionAction, string][]) {
    const command = module
      .command(action)
      .description(help)
      .argument('<module>', 'NAMESPACE/NAME/SYSTEM, e.g. acme/network/aws')
      .argument('<version>', 'the version, e.g. 1.2.0')
      .addOption(outputOption());
    if (action === 'deprecate') command.requiredOption('--message <text>', 'why, and what to use instead');
    command.action((path: string, version: string, options: { message?: string; output?: WriteFormat }) =>
      reportWithClient((client) => {
        const { versionAction }: typeof import('../modules/module-commands') = require('../modules/module-commands');
        return versionAction(client, action, path, version, options);
      }),
    );
  }
  module
    .command('visibility')
    .description("Set a module's visibility: public (anyone, no token) or private (its organization's members)")
    .argument('<module>', 'NAMESPACE/NAME/SYSTEM')
    .argument('<visibility>', 'public or private')
    .action((path: string, visibility: string) =>
      reportWithClient((client) => {
        const { setVisibility }: typeof import('../modules/module-commands') = require('../modules/module-commands');
        return setVisibility(client, path, visibility);
      }),
    );
}
