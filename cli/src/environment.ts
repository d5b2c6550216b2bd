import { DEFAULT_ENDPOINT } from '@mercato/api';

/**
 * How long the CLI waits for each answer of the server, in seconds, unless MERCATO_TIMEOUT says
 * otherwise: a server that accepts the connection and never answers costs at most
 * CLI_ATTEMPTS tries of this plus the backoff between them (~31 s), not the 5 minutes of
 * @mercato/api's defaults (60 s, 5 tries), which the provider keeps.
 */
export const CLI_TIMEOUT_SECONDS = 10;
/** Tries of a request that is safe to repeat (@mercato/api's client says which are). */
export const CLI_ATTEMPTS = 3;
/** The largest MERCATO_TIMEOUT, in seconds (an hour). */
export const MAX_TIMEOUT_SECONDS = 3600;

/** The variables the commands that talk to the server read, as `mercato --help` lists them. */
export const ENVIRONMENT_HELP = `
Environment:
  MERCATO_ENDPOINT   the server, an http:// or https:// URL (default ${DEFAULT_ENDPOINT})
  MERCATO_TOKEN      the API token to send
  MERCATO_TIMEOUT    seconds to wait for each answer (default ${CLI_TIMEOUT_SECONDS}); a request that is
                     safe to repeat is tried ${CLI_ATTEMPTS} times, each retry noted on stderr
  HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY (or lower case)
                     the proxy for the endpoint's scheme, and the hosts that need none`;
