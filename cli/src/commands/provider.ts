import type { Command } from 'commander';
import { forThePerson, report } from '../report';
import { userPath } from '../working-directory';

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
}
