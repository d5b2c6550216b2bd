import {
  ApiError,
  checkedEndpoint,
  DEFAULT_ENDPOINT,
  environmentSettings,
  MercatoClient,
  normalizeEndpoint,
  secondsSetting,
  SettingError,
  UnreachableError,
  withoutCredentials,
  type ClientSettings,
  type RetryNote,
} from '@mercato/api';
import { CliError } from './cli-error';
import { CLI_ATTEMPTS, CLI_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS } from './environment';

/**
 * The client of the server MERCATO_ENDPOINT names (default: where `npm start` serves), as
 * MERCATO_TOKEN, waiting MERCATO_TIMEOUT seconds for each answer (default CLI_TIMEOUT_SECONDS)
 * and trying a request that is safe to repeat CLI_ATTEMPTS times, each retry told on stderr in
 * one line. Throws a CliError naming the variable for an endpoint that is not an http:// or
 * https:// URL, a timeout that is not a number of seconds, or a proxy variable that is not a URL.
 */
export function clientFromEnvironment(env: NodeJS.ProcessEnv = process.env): MercatoClient {
  try {
    return new MercatoClient(cliSettings(env));
  } catch (error) {
    throw error instanceof SettingError ? new CliError(error.message) : error;
  }
}

/** The client settings of the CLI (`clientFromEnvironment`); throws a SettingError for a value it refuses. */
function cliSettings(env: NodeJS.ProcessEnv): ClientSettings {
  const { endpoint, token, timeout } = environmentSettings(env);
  const timeoutSeconds =
    timeout === undefined ? CLI_TIMEOUT_SECONDS : secondsSetting(timeout, 'MERCATO_TIMEOUT', MAX_TIMEOUT_SECONDS);
  return {
    endpoint: endpoint === undefined ? DEFAULT_ENDPOINT : checkedEndpoint(endpoint, 'MERCATO_ENDPOINT'),
    token,
    timeoutMs: timeoutSeconds * 1000,
    attempts: CLI_ATTEMPTS,
    userAgent: 'mercato-cli',
    env,
    log: (_message, note) => note && process.stderr.write(`${retryLine(note, timeoutSeconds)}\n`),
  };
}

/** The line a retry is told in: `retrying GET /api/v1/offerings (attempt 2 of 3): timed out after 10 s`. */
function retryLine(note: RetryNote, timeoutSeconds: number): string {
  const [method, path] = note.request.split(' ');
  const why =
    note.status === undefined ? socketErrorInWords(note.code ?? '', timeoutSeconds) : `answered ${note.status}`;
  return `retrying ${method} /api/v1${path} (attempt ${note.attempt + 1} of ${note.attempts}): ${why}`;
}

/** Node's socket error codes in words. */
function socketErrorInWords(code: string, timeoutSeconds: number): string {
  const words: Record<string, string> = {
    ETIMEDOUT: `timed out after ${timeoutSeconds} s`,
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EPIPE: 'connection closed',
    ECONNABORTED: 'connection aborted',
    EAI_AGAIN: 'host name lookup failed for now',
    ENOTFOUND: 'unknown host',
  };
  return words[code] ?? (code || 'no answer');
}

/** A failed API call in one line a person can act on; undefined for any other error. */
export function describeApiFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (error instanceof UnreachableError) return describeUnreachable(error, env);
  if (error instanceof ApiError) return describeFailure(error, env);
  return undefined;
}

/** Where the request went, and the usual socket errors in words; a proxy is named with the variable that set it. */
function describeUnreachable(error: UnreachableError, env: NodeJS.ProcessEnv): string {
  const { proxy, endpoint } = error;
  const server = `the Mercato server at ${endpoint}`;
  const where = proxy
    ? `cannot reach the proxy ${proxy.url} (${proxy.variable}) for ${endpoint}`
    : `cannot reach ${server}`;
  const check = proxy ? proxy.variable : 'MERCATO_ENDPOINT';
  switch (error.code) {
    case 'ECONNREFUSED':
      return `${where}: connection refused; ${proxy ? `check ${check}` : 'is it running? (`npm start`)'}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: unknown host; check ${check}`;
    case 'ETIMEDOUT':
    case 'ECONNABORTED': {
      const through = proxy ? ` through the proxy ${proxy.url} (${proxy.variable})` : '';
      return `no answer from ${server}${through} within ${timeoutSecondsOf(env)} s (MERCATO_TIMEOUT); is it overloaded, or is ${check} right?`;
    }
    default:
      return `${where}: ${error.reason}`;
  }
}

/** The timeout the command ran with (its settings were checked before any request). */
function timeoutSecondsOf(env: NodeJS.ProcessEnv): number {
  const { timeout } = environmentSettings(env);
  return timeout === undefined ? CLI_TIMEOUT_SECONDS : Number(timeout);
}

/** What went wrong and, where we know, what to do about it. */
function describeFailure(error: ApiError, env: NodeJS.ProcessEnv): string {
  const { problem, status } = error;
  if (status === 401) {
    const { endpoint = DEFAULT_ENDPOINT, token } = environmentSettings(env);
    const server = withoutCredentials(normalizeEndpoint(endpoint));
    return token
      ? `the Mercato server at ${server} refused the token (401 Unauthorized); set MERCATO_TOKEN to a valid token`
      : `the Mercato server at ${server} needs a token (401 Unauthorized); set MERCATO_TOKEN (the admin token is in .mercato/admin-token)`;
  }
  if (status === 404) return `not found (404): ${problem.detail || error.request}`;
  return `${problem.title || 'request failed'} (${status}): ${problem.detail || error.request}${fieldErrorsNotIn(error)}`;
}

/** The server's `detail` usually lists the field errors already; add only those it left out. */
function fieldErrorsNotIn({ problem, fieldErrors }: ApiError): string {
  const missing = fieldErrors
    .filter((e) => !problem.detail?.includes(e.message))
    .map((e) => `${e.field}: ${e.message}`);
  return missing.length ? ` [${missing.join('; ')}]` : '';
}
