import { Option, type Command } from 'commander';
import { WRITE_FORMATS } from '../objects/output';
import type { CreateOptions } from '../structure/create';
import type { MemberOptions } from '../structure/members';
import { reportWithClient } from '../report';

const outputOption = () =>
  new Option('-o, --output <format>', 'print what was made as json or yaml, or only kind/name').choices(WRITE_FORMATS);

/** `mercato create organization|project|member`: what a platform engineer sets up from a terminal. */
export function declareCreate(program: Command): void {
  const create = program
    .command('create')
    .description('Create an organization or a project, or give a user a role in one');
  create
    .command('organization')
    .alias('org')
    .description('Create an organization; a creator who is not staff becomes its owner')
    .argument('<name>', "the organization's name")
    .option('--description <text>', 'what it is for')
    .addOption(outputOption())
    .action((name: string, options: CreateOptions) =>
      reportWithClient((client) => {
        const { runCreateOrganization }: typeof import('../structure/create') = require('../structure/create');
        return runCreateOrganization(client, name, options);
      }),
    );
  create
    .command('project')
    .description('Create a project in an organization (an owner of it)')
    .argument('<name>', "the project's name")
    .requiredOption('--organization <name|id>', 'the organization it belongs to')
    .option('--description <text>', 'what it is for')
    .addOption(outputOption())
    .action((name: string, options: CreateOptions) =>
      reportWithClient((client) => {
        const { runCreateProject }: typeof import('../structure/create') = require('../structure/create');
        return runCreateProject(client, name, options);
      }),
    );
  create
    .command('member')
    .description(
      "Give a user a role in a project (manager, member) or an organization (owner, service-manager); it replaces the user's role there",
    )
    .argument('<user>', 'the user: username or id')
    .requiredOption('--role <role>', 'project: manager or member; organization: owner or service-manager')
    .option('--project <name|id>', 'the project')
    .option('--organization <name|id>', 'the organization')
    .addOption(outputOption())
    .action((user: string, options: MemberOptions) =>
      reportWithClient((client) => {
        const { runCreateMember }: typeof import('../structure/members') = require('../structure/members');
        return runCreateMember(client, user, options);
      }),
    );
}
