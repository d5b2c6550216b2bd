/**
 * The gRPC methods the provider serves, as routes for grpc-server.ts: each tfplugin6 RPC decodes
 * its `X.Request`, runs the handler and encodes its `X.Response` with our static message tables.
 */
import { decodeMessage, encodeMessage, type Message } from './protobuf-wire';
import { messages } from './messages';
import type { GrpcRoutes, UnaryHandler } from './grpc-server';

/** tfplugin6 RPCs whose request is `X.Request` and response `X.Response`. */
const PROVIDER_RPCS = [
  'GetMetadata',
  'GetProviderSchema',
  'GetFunctions',
  'ValidateProviderConfig',
  'ValidateResourceConfig',
  'ValidateDataResourceConfig',
  'UpgradeResourceState',
  'ConfigureProvider',
  'ReadResource',
  'PlanResourceChange',
  'ApplyResourceChange',
  'ImportResourceState',
  'ReadDataSource',
  'StopProvider',
] as const;

export type ProviderRpc = (typeof PROVIDER_RPCS)[number];

export type RpcHandler = (request: Message) => Promise<Message>;

export interface ServiceHandlers {
  provider: Record<ProviderRpc, RpcHandler>;
  /** go-plugin's controller: Terraform calls it at the end of every launch. */
  shutdown: () => void;
}

export function pluginRoutes(handlers: ServiceHandlers): GrpcRoutes {
  const unary = new Map<string, UnaryHandler>();
  for (const rpc of PROVIDER_RPCS) {
    const encode =
      rpc === 'GetProviderSchema' ? encodeOnce(`tfplugin6.${rpc}.Response`) : encoder(`tfplugin6.${rpc}.Response`);
    unary.set(`/tfplugin6.Provider/${rpc}`, method(`tfplugin6.${rpc}.Request`, handlers.provider[rpc], encode));
  }
  unary.set(
    '/plugin.GRPCController/Shutdown',
    method(
      'plugin.Empty',
      async () => {
        setImmediate(handlers.shutdown);
        return {};
      },
      encoder('plugin.Empty'),
    ),
  );
  return { unary, heldOpen: new Set(['/plugin.GRPCStdio/StreamStdio', '/plugin.GRPCBroker/StartStream']) };
}

function method(requestType: string, handle: RpcHandler, encode: (value: Message) => Buffer): UnaryHandler {
  return async (bytes) => encode(await handle(decodeMessage(messages, requestType, bytes)));
}

function encoder(typeName: string): (value: Message) => Buffer {
  return (value) => encodeMessage(messages, typeName, value);
}

/** The handler answers the same (never changed) object every time: encode it once. */
function encodeOnce(typeName: string): (value: Message) => Buffer {
  const encoded = new WeakMap<Message, Buffer>();
  return (value) => {
    let bytes = encoded.get(value);
    if (!bytes) encoded.set(value, (bytes = encodeMessage(messages, typeName, value)));
    return bytes;
  };
}
