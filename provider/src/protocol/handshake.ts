/** go-plugin's launch contract: environment checks and the one handshake line on stdout. */

/** Terraform's magic cookie (TF_PLUGIN_MAGIC_COOKIE); without it we were not started by Terraform. */
const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** go-plugin's core protocol version (the first field of the handshake line). */
const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

export function startedByTerraform(env: NodeJS.ProcessEnv): boolean {
  return env[MAGIC_COOKIE_KEY] === MAGIC_COOKIE_VALUE;
}

/** Terraform offers the versions it speaks ("5,6"); we only speak 6. */
export function protocolVersionOffered(env: NodeJS.ProcessEnv): boolean {
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  return (
    !offered ||
    offered
      .split(',')
      .map((v) => v.trim())
      .includes(String(APP_PROTOCOL_VERSION))
  );
}

/**
 * `1|6|unix|/tmp/plugin123.sock|grpc|<cert>`: the certificate is base64 of the DER bytes WITHOUT
 * padding, because go-plugin decodes it with Go's RawStdEncoding.
 */
export function handshakeLine(socketPath: string, certificateDer?: Buffer): string {
  const fields = [CORE_PROTOCOL_VERSION, APP_PROTOCOL_VERSION, 'unix', socketPath, 'grpc'];
  if (certificateDer) fields.push(certificateDer.toString('base64').replace(/=+$/, ''));
  return fields.join('|');
}

export const NOT_STARTED_BY_TERRAFORM =
  'This binary is a plugin. These are not meant to be executed directly.\n' +
  'Please execute the program that consumes these plugins, which will load any plugins automatically.\n';
