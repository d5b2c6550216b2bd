/** Where the server is and who is calling: what every client of the API needs. */
export interface Connection {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`; a trailing `/` or `/api/v1` is allowed. */
  endpoint: string;
  /** An API token, sent as `Authorization: Bearer <token>`. */
  token?: string;
}

/** Where `npm start` serves the API. */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8080';

/**
 * MERCATO_ENDPOINT and MERCATO_TOKEN, the variables the CLI, the Terraform provider and the code
 * generator read (here only, so they read them alike). Blank counts as unset.
 */
export function environmentSettings(env: NodeJS.ProcessEnv = process.env): Partial<Connection> {
  return { endpoint: env.MERCATO_ENDPOINT?.trim() || undefined, token: env.MERCATO_TOKEN?.trim() || undefined };
}

/** The base URL alone: `http://host:8080`, `http://host:8080/` and `http://host:8080/api/v1` are the same server. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v1$/, '');
}
