/**
 * A provider served for Terraform to attach to, instead of one Terraform launches: go-plugin's
 * "reattach" (terraform-plugin-go's debug mode), named to Terraform by TF_REATTACH_PROVIDERS, a
 * JSON object of provider source address to reattach configuration:
 *
 *   {"registry.terraform.io/mercato/mercato": {"Protocol": "grpc", "ProtocolVersion": 6, "Pid": 4242,
 *     "Test": true, "Addr": {"Network": "unix", "String": "/tmp/plugin1a2b.sock"}}}
 *
 * (hashicorp/terraform internal/command/cliconfig and go-plugin's ReattachConfig.) Terraform then
 * dials the socket with plain HTTP/2: AutoMTLS belongs to a launch. With `Test: true` it never
 * kills the process nor calls Shutdown: whoever started the server ends it. So there is no
 * handshake line, no exit on Shutdown or on the parent's death, and no SIGINT handling; and each
 * connection, one per launch Terraform would have made, gets its own handlers, as a launched
 * process would have its own.
 */
import { randomBytes } from 'node:crypto';
import type { Http2Session } from 'node:http2';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGrpcServer } from './grpc-server';
import { pluginRoutes } from './grpc-services';
import { APP_PROTOCOL_VERSION } from './handshake';
import { MAX_MESSAGE_BYTES, providerImplementation } from './plugin-server';
import type { ProviderHandlers } from './wire-types';

/** One entry of TF_REATTACH_PROVIDERS. */
export interface ReattachConfig {
  Protocol: 'grpc';
  ProtocolVersion: number;
  /** The process serving the provider: Terraform checks it exists (and, without `Test`, would kill it when done). */
  Pid: number;
  Test: true;
  Addr: { Network: 'unix'; String: string };
}

export interface ReattachServer {
  readonly config: ReattachConfig;
  /** How many times Terraform has connected (one per launch it would otherwise have made). */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * Starts serving at once: the unix socket is bound and listening when this returns (Node binds a
 * pipe synchronously in listen()), so a Terraform started right after can attach.
 */
export function serveForReattach(handlersPerConnection: () => ProviderHandlers): ReattachServer {
  const routes = () =>
    pluginRoutes({ provider: providerImplementation(handlersPerConnection()), shutdown: () => undefined });
  const server = createGrpcServer(routes, { maxMessageBytes: MAX_MESSAGE_BYTES });
  const socketPath = join(tmpdir(), `plugin-debug-${randomBytes(6).toString('hex')}.sock`);
  server.listen(socketPath);
  let connections = 0;
  const sessions = new Set<Http2Session>();
  server.on('session', (session) => {
    connections++;
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  return {
    config: {
      Protocol: 'grpc',
      ProtocolVersion: APP_PROTOCOL_VERSION,
      Pid: process.pid,
      Test: true,
      Addr: { Network: 'unix', String: socketPath },
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Terraform leaves its go-plugin streams open until it exits; end what is left.
        for (const session of sessions) session.destroy();
        server.close(() => {
          rmSync(socketPath, { force: true });
          resolve();
        });
      }),
  };
}
