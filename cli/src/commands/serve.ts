import type { Command } from 'commander';
import { userDirectory } from '../working-directory';

/** The server's settings from the environment; a relative MERCATO_DATA_DIR is taken from where the user ran the command. */
export function serverConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()) {
  const { configFromEnvironment }: typeof import('@mercato/server') = require('@mercato/server');
  return configFromEnvironment(env, userDirectory(env, cwd));
}

/** `mercato serve`: the server, its console and its worker, in this process. */
export function declareServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the server (API, console, provisioning worker) and, for the demo catalog, its site agent (simulated backends). Reads PORT, HOST, MERCATO_DATA_DIR, DATABASE_URL, MERCATO_ADMIN_TOKEN.',
    )
    .option('-p, --port <port>', 'port to listen on (PORT, default 8080)')
    .action(async (options: { port?: string }) => {
      // The server (fastify, database drivers, every route) takes seconds to load: only `serve` pays it.
      const { startServer }: typeof import('@mercato/server') = require('@mercato/server');
      const config = serverConfig();
      if (options.port) config.port = Number(options.port);
      const server = await startServer(config);
      const { startDemoAgent }: typeof import('../serve/demo-agent') = require('../serve/demo-agent');
      const agent = server.demoAgent && startDemoAgent(server.demoAgent, console.log);
      const stop = async () => {
        // The server first: its worker may still be handing an order to the agent.
        await server.app.close();
        await agent?.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
