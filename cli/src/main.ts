import { Command } from 'commander';
import { configFromEnvironment } from '../../server/src/config';
import { registerConstructsCommand } from '../../constructs/codegen/command';
import { exitQuietlyWhenReaderCloses } from './closed-pipe';
import { registerClientCommands } from './commands/objects';
import { registerDriftCommand } from '../../provider/src/drift/drift';
import { noteNpmHeader } from './npm-header';
import { registerProviderCommands } from '../../provider/src/install/install';

exitQuietlyWhenReaderCloses();
const npmHeader = noteNpmHeader();
if (npmHeader) process.stderr.write(`${npmHeader}\n`);

const program = new Command('mercato').description('Mercato: a self-service cloud marketplace managed as code').showHelpAfterError();

program
  .command('serve')
  .description('Run the server (API, console, provisioning worker). Reads PORT, HOST, MERCATO_DATA_DIR, DATABASE_URL, MERCATO_ADMIN_TOKEN.')
  .option('-p, --port <port>', 'port to listen on (PORT, default 8080)')
  .action(async (options: { port?: string }) => {
    const config = configFromEnvironment();
    if (options.port) config.port = Number(options.port);
    // Loaded when serving: the server (fastify, database drivers, every route) takes seconds to
    // load, which `mercato get` and the other client commands would pay.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startServer } = require('../../server/src/server') as typeof import('../../server/src/server');
    const server = await startServer(config);
    const stop = async () => {
      await server.app.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

registerClientCommands(program);
registerProviderCommands(program);
registerDriftCommand(program);
registerConstructsCommand(program);

program.parseAsync(process.argv).catch((error: Error) => {
  process.stderr.write(`mercato: ${error.message}\n`);
  process.exit(1);
});
