/**
 * grpc-js service definitions built from our static message descriptors: the grpc-js "generic"
 * definition format takes a path and serialize/deserialize functions per method, which is all a
 * generated stub would give us.
 */
import { decodeMessage, encodeMessage, type Message } from './protobuf-wire';
import { messages } from './messages';

export interface MethodDefinition {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  requestSerialize: (value: Message) => Buffer;
  requestDeserialize: (buf: Buffer) => Message;
  responseSerialize: (value: Message) => Buffer;
  responseDeserialize: (buf: Buffer) => Message;
  originalName: string;
}

export type ServiceDefinition = Record<string, MethodDefinition>;

interface MethodSpec {
  request: string;
  response: string;
  requestStream?: boolean;
  responseStream?: boolean;
  /** The handler answers the same (never changed) object every time: encode it once. */
  sameResponse?: boolean;
}

function encodeOnce(typeName: string): (value: Message) => Buffer {
  const encoded = new WeakMap<Message, Buffer>();
  return (value) => {
    let bytes = encoded.get(value);
    if (!bytes) encoded.set(value, (bytes = encodeMessage(messages, typeName, value)));
    return bytes;
  };
}

function service(fullName: string, methods: Record<string, MethodSpec>): ServiceDefinition {
  const definition: ServiceDefinition = {};
  for (const [name, spec] of Object.entries(methods)) {
    definition[name] = {
      path: `/${fullName}/${name}`,
      requestStream: spec.requestStream ?? false,
      responseStream: spec.responseStream ?? false,
      requestSerialize: (value) => encodeMessage(messages, spec.request, value),
      requestDeserialize: (buf) => decodeMessage(messages, spec.request, buf),
      responseSerialize: spec.sameResponse ? encodeOnce(spec.response) : (value) => encodeMessage(messages, spec.response, value),
      responseDeserialize: (buf) => decodeMessage(messages, spec.response, buf),
      originalName: name,
    };
  }
  return definition;
}

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

export const providerService = service(
  'tfplugin6.Provider',
  Object.fromEntries(
    PROVIDER_RPCS.map((rpc) => [rpc, { request: `tfplugin6.${rpc}.Request`, response: `tfplugin6.${rpc}.Response`, sameResponse: rpc === 'GetProviderSchema' }]),
  ),
);

export const controllerService = service('plugin.GRPCController', {
  Shutdown: { request: 'plugin.Empty', response: 'plugin.Empty' },
});

export const stdioService = service('plugin.GRPCStdio', {
  // The request is google.protobuf.Empty, which is wire-identical to plugin.Empty.
  StreamStdio: { request: 'plugin.Empty', response: 'plugin.StdioData', responseStream: true },
});

export const brokerService = service('plugin.GRPCBroker', {
  StartStream: { request: 'plugin.ConnInfo', response: 'plugin.ConnInfo', requestStream: true, responseStream: true },
});
