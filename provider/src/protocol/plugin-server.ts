/**
 * Runs a tfplugin6 provider as a go-plugin gRPC server: checks the launch environment, serves
 * TLS on a unix socket with a fresh certificate (AutoMTLS, trusting only Terraform's client
 * certificate), prints the handshake line, and exits when Terraform says so (Shutdown) or dies.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerCertificate } from './certificate';
import { createGrpcServer } from './grpc-server';
import { pluginRoutes, type ProviderRpc, type RpcHandler } from './grpc-services';
import { handshakeLine, NOT_STARTED_BY_TERRAFORM, protocolVersionOffered, startedByTerraform } from './handshake';
import { diagnosticFromError } from './diagnostics';
import type { ProviderHandlers } from './wire-types';

/** Terraform sends whole states in one message; Go providers allow 256 MiB. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const PARENT_CHECK_INTERVAL_MS = 500;

export interface ServeOptions {
  /** Called before the process exits on Shutdown, parent death or a fatal error. */
  onExit?: () => void;
}

export function servePlugin(handlers: ProviderHandlers, options: ServeOptions = {}): void {
  const env = process.env;
  if (!startedByTerraform(env)) exitWith(1, NOT_STARTED_BY_TERRAFORM);
  if (!protocolVersionOffered(env))
    exitWith(1, `This provider speaks plugin protocol 6; Terraform offered ${env.PLUGIN_PROTOCOL_VERSIONS}.\n`);

  const exit = (code: number) => {
    options.onExit?.();
    process.exit(code);
  };
  const clientCert = env.PLUGIN_CLIENT_CERT;
  const certificate = clientCert ? createServerCertificate() : undefined;
  const routes = pluginRoutes({ provider: providerImplementation(handlers), shutdown: () => exit(0) });
  const server = createGrpcServer(routes, {
    maxMessageBytes: MAX_MESSAGE_BYTES,
    tls: certificate && { key: certificate.keyPem, cert: certificate.certPem, clientCert: clientCert! },
  });

  const socketPath = join(env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), `plugin${randomBytes(6).toString('hex')}.sock`);
  process.on('exit', () => rmSync(socketPath, { force: true }));
  server.on('error', (error) => exitWith(1, `Failed to listen on ${socketPath}: ${error.message}\n`));
  server.listen(socketPath, () => {
    writeSync(1, handshakeLine(socketPath, certificate?.der) + '\n');
    keepStdoutClean();
  });

  // Like Go plugins: Ctrl-C reaches the whole process group, but Terraform decides when we stop
  // (StopProvider, then Shutdown), so in-flight applies can finish and be recorded.
  process.on('SIGINT', () => undefined);
  watchParent(() => exit(0));
}

/** The tfplugin6 RPCs answered by `handlers`, every failure turned into a diagnostic. */
export function providerImplementation(handlers: ProviderHandlers): Record<ProviderRpc, RpcHandler> {
  let schema: ReturnType<ProviderHandlers['getProviderSchema']> | undefined;
  const getSchema = () => (schema ??= handlers.getProviderSchema());
  const table: Record<ProviderRpc, (request: never) => unknown> = {
    GetMetadata: () => {
      const { server_capabilities, resource_schemas, data_source_schemas, diagnostics } = getSchema();
      return {
        server_capabilities,
        diagnostics,
        resources: Object.keys(resource_schemas).map((type_name) => ({ type_name })),
        data_sources: Object.keys(data_source_schemas).map((type_name) => ({ type_name })),
      };
    },
    GetProviderSchema: getSchema,
    GetFunctions: () => ({ diagnostics: [] }),
    ValidateProviderConfig: (req) => handlers.validateProviderConfig(req),
    ValidateResourceConfig: (req) => handlers.validateResourceConfig(req),
    ValidateDataResourceConfig: (req) => handlers.validateDataResourceConfig(req),
    UpgradeResourceState: (req) => handlers.upgradeResourceState(req),
    ConfigureProvider: (req) => handlers.configureProvider(req),
    ReadResource: (req) => handlers.readResource(req),
    PlanResourceChange: (req) => handlers.planResourceChange(req),
    ApplyResourceChange: (req) => handlers.applyResourceChange(req),
    ImportResourceState: (req) => handlers.importResourceState(req),
    ReadDataSource: (req) => handlers.readDataSource(req),
    StopProvider: async () => {
      await handlers.stop();
      return {};
    },
  };
  const implementation = {} as Record<ProviderRpc, RpcHandler>;
  for (const [rpc, handler] of Object.entries(table) as [ProviderRpc, (request: never) => unknown][]) {
    implementation[rpc] = async (request) => {
      try {
        return (await handler(request as never)) as Record<string, unknown>;
      } catch (error) {
        // Every failure becomes a diagnostic: Terraform shows gRPC errors as an unreadable "Plugin error".
        return rpc === 'StopProvider'
          ? { Error: String((error as Error)?.message ?? error) }
          : { diagnostics: [diagnosticFromError(error)] };
      }
    };
  }
  return implementation;
}

/** After the handshake, stdout belongs to go-plugin: send any stray console.log to stderr instead. */
function keepStdoutClean(): void {
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}

/** A Node gRPC server would outlive a crashed Terraform forever: exit when we are re-parented. */
function watchParent(onParentGone: () => void): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) onParentGone();
  }, PARENT_CHECK_INTERVAL_MS).unref();
}

function exitWith(code: number, message: string): never {
  process.stderr.write(message);
  process.exit(code);
}
