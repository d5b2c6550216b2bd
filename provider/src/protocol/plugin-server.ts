/**
 * Runs a tfplugin6 provider as a go-plugin gRPC server: checks the launch environment, serves
 * TLS on a unix socket with a fresh certificate (AutoMTLS, trusting only Terraform's client
 * certificate), prints the handshake line, and exits when Terraform says so (Shutdown) or dies.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { createServerCertificate } from './certificate';
import { brokerService, controllerService, providerService, stdioService, type ProviderRpc } from './grpc-services';
import { handshakeLine, NOT_STARTED_BY_TERRAFORM, protocolVersionOffered, startedByTerraform } from './handshake';
import { diagnosticFromError } from './diagnostics';
import type { ProviderHandlers } from './wire-types';

/** Terraform sends whole states in one message; Go providers allow 256 MiB. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const PARENT_CHECK_INTERVAL_MS = 500;

export interface ServeOptions {
  /** Called before the process exits on Shutdown, parent death or a fatal error. */
  onExit?: () => void;
}

export function servePlugin(handlers: ProviderHandlers, options: ServeOptions = {}): void {
  const env = process.env;
  if (!startedByTerraform(env)) exitWith(1, NOT_STARTED_BY_TERRAFORM);
  if (!protocolVersionOffered(env)) exitWith(1, `This provider speaks plugin protocol 6; Terraform offered ${env.PLUGIN_PROTOCOL_VERSIONS}.\n`);

  // Loaded here, not at the top: `--schema` and the cookie check must not pay for grpc-js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const grpcJs = require('@grpc/grpc-js') as typeof grpc;
  const exit = (code: number) => {
    options.onExit?.();
    process.exit(code);
  };
  const server = new grpcJs.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  server.addService(providerService as unknown as grpc.ServiceDefinition, providerImplementation(handlers, grpcJs));
  server.addService(controllerService as unknown as grpc.ServiceDefinition, controllerImplementation(() => exit(0)));
  server.addService(stdioService as unknown as grpc.ServiceDefinition, { StreamStdio: () => undefined });
  server.addService(brokerService as unknown as grpc.ServiceDefinition, { StartStream: keepBrokerStreamOpen });

  const clientCertPem = env.PLUGIN_CLIENT_CERT;
  const certificate = clientCertPem ? createServerCertificate() : undefined;
  const credentials = certificate
    ? grpcJs.ServerCredentials.createSsl(Buffer.from(clientCertPem!), [{ private_key: Buffer.from(certificate.keyPem), cert_chain: Buffer.from(certificate.certPem) }], true)
    : grpcJs.ServerCredentials.createInsecure();

  const socketPath = join(env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), `plugin${randomBytes(6).toString('hex')}.sock`);
  process.on('exit', () => rmSync(socketPath, { force: true }));
  server.bindAsync(`unix:${socketPath}`, credentials, (error) => {
    if (error) exitWith(1, `Failed to listen on ${socketPath}: ${error.message}\n`);
    writeSync(1, handshakeLine(socketPath, certificate?.der) + '\n');
    keepStdoutClean();
  });

  // Like Go plugins: Ctrl-C reaches the whole process group, but Terraform decides when we stop
  // (StopProvider, then Shutdown), so in-flight applies can finish and be recorded.
  process.on('SIGINT', () => undefined);
  watchParent(() => exit(0));
}

type UnaryCall = grpc.ServerUnaryCall<Record<string, unknown>, Record<string, unknown>>;
type UnaryCallback = grpc.sendUnaryData<Record<string, unknown>>;

function providerImplementation(handlers: ProviderHandlers, grpcJs: typeof grpc): grpc.UntypedServiceImplementation {
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
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const [rpc, handler] of Object.entries(table)) {
    implementation[rpc] = (call: UnaryCall, callback: UnaryCallback) => {
      Promise.resolve()
        .then(() => handler(call.request as never))
        .then(
          (response) => callback(null, response as Record<string, unknown>),
          // Every failure becomes a diagnostic: Terraform shows gRPC errors as an unreadable "Plugin error".
          (error) =>
            rpc === 'StopProvider'
              ? callback(null, { Error: String((error as Error)?.message ?? error) })
              : callback(null, { diagnostics: [diagnosticFromError(error)] }),
        )
        .catch((error) => callback({ code: grpcJs.status.INTERNAL, details: String(error) }));
    };
  }
  return implementation;
}

function controllerImplementation(exit: () => void): grpc.UntypedServiceImplementation {
  return {
    // Terraform calls Shutdown at the end of every launch and SIGKILLs us 2 s later if we linger.
    Shutdown: (_call: UnaryCall, callback: UnaryCallback) => {
      callback(null, {});
      setImmediate(exit);
    },
  };
}

/** Terraform opens the broker stream every launch; we offer no brokered services, so just hold it. */
function keepBrokerStreamOpen(call: grpc.ServerDuplexStream<unknown, unknown>): void {
  call.on('data', () => undefined);
  call.on('end', () => call.end());
  call.on('error', () => undefined);
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
