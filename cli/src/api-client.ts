import {
  ApiError,
  DEFAULT_ENDPOINT,
  environmentSettings,
  MercatoClient,
  UnreachableError,
  type Connection,
} from '@mercato/api';

/** The client of the server MERCATO_ENDPOINT names (default: where `npm start` serves), as MERCATO_TOKEN. */
export function clientFromEnvironment(env: NodeJS.ProcessEnv = process.env): MercatoClient {
  return new MercatoClient({ ...connectionFromEnvironment(env), userAgent: 'mercato-cli' });
}

function connectionFromEnvironment(env: NodeJS.ProcessEnv): Connection {
  const { endpoint, token } = environmentSettings(env);
  return { endpoint: endpoint ?? DEFAULT_ENDPOINT, token };
}

/** A failed API call in one line a person can act on; undefined for any other error. */
export function describeApiFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (error instanceof UnreachableError) return describeUnreachable(error);
  if (error instanceof ApiError) return describeFailure(error, connectionFromEnvironment(env));
  return undefined;
}

/** Name the usual socket errors in words. */
function describeUnreachable(error: UnreachableError): string {
  const where = `cannot reach the Mercato server at ${error.endpoint}`;
  switch (error.code) {
    case 'ECONNREFUSED':
      return `${where}: connection refused; is it running? (\`npm start\`)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: unknown host; check MERCATO_ENDPOINT`;
    case 'ETIMEDOUT':
    case 'ECONNABORTED':
      return `${where}: connection timed out; check MERCATO_ENDPOINT`;
    default:
      return `${where}: ${error.reason}`;
  }
}

/** What went wrong and, where we know, what to do about it. */
function describeFailure(error: ApiError, connection: Connection): string {
  const { problem, status } = error;
  if (status === 401) {
    return connection.token
      ? `the Mercato server at ${connection.endpoint} refused the token (401 Unauthorized); set MERCATO_TOKEN to a valid token`
      : `the Mercato server at ${connection.endpoint} needs a token (401 Unauthorized); set MERCATO_TOKEN (the admin token is in .mercato/admin-token)`;
  }
  if (status === 404) return `not found (404): ${problem.detail || error.request}`;
  return `${problem.title || 'request failed'} (${status}): ${problem.detail || error.request}${fieldErrorsNotIn(error)}`;
}

/** The server's `detail` usually lists the field errors already; add only those it left out. */
function fieldErrorsNotIn({ problem, fieldErrors }: ApiError): string {
  const missing = fieldErrors.map((e) => `${e.field}: ${e.message}`).filter((text) => !problem.detail?.includes(text));
  return missing.length ? ` [${missing.join('; ')}]` : '';
}
