/** Where the server is and who is calling: what every client of the API needs. */
export interface Connection {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`; a trailing `/` or `/api/v1` is allowed. */
  endpoint: string;
  /** An API token, sent as `Authorization: Bearer <token>`. */
  token?: string;
}

/** The client's variables as they were set (trimmed; blank counts as unset), before any check. */
export interface EnvironmentSettings extends Partial<Connection> {
  /**
   * MERCATO_TIMEOUT as given: how many seconds a client that opts in (the CLI) waits for each
   * answer. Read here with the others; `secondsSetting` checks it.
   */
  timeout?: string;
}

/** Where `npm start` serves the API. */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8080';

/**
 * MERCATO_ENDPOINT, MERCATO_TOKEN and MERCATO_TIMEOUT, the variables the CLI, the Terraform
 * provider and the code generator read (here only, so they read them alike). Blank counts as
 * unset. Nothing is checked here: a user checks what it uses (`checkedEndpoint`,
 * `secondsSetting`), so a variable one user ignores never fails another.
 */
export function environmentSettings(env: NodeJS.ProcessEnv = process.env): EnvironmentSettings {
  const read = (name: string) => env[name]?.trim() || undefined;
  return { endpoint: read('MERCATO_ENDPOINT'), token: read('MERCATO_TOKEN'), timeout: read('MERCATO_TIMEOUT') };
}

/** The base URL alone: `http://host:8080`, `http://host:8080/` and `http://host:8080/api/v1` are the same server. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v1$/, '');
}

/**
 * A URL as it may be printed: its userinfo (`user:password@`) becomes `user:***@`, or `***@`
 * when there is a user only (which may be a token). Works on any text, a URL or not, so that
 * a value refused as a URL is printed safely too; text without userinfo is returned as it is.
 */
export function withoutCredentials(url: string): string {
  return url.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)@/i,
    (_match, scheme: string | undefined, userinfo: string) => {
      const colon = userinfo.indexOf(':');
      return `${scheme ?? ''}${colon > 0 ? `${userinfo.slice(0, colon)}:***` : '***'}@`;
    },
  );
}

/** A setting (an environment variable) whose value is refused: its message names it, the value and what is expected. */
export class SettingError extends Error {
  constructor(
    /** The variable, e.g. `MERCATO_TIMEOUT`. */
    readonly variable: string,
    /** Its value as given (the message prints it without credentials). */
    readonly value: string,
    /** What is wrong and what is expected, e.g. `is not a number of seconds: ...`. */
    readonly problem: string,
  ) {
    super(`${variable} "${withoutCredentials(value)}" ${problem}`);
  }
}

/**
 * The endpoint `value` of `variable` as a base URL (`normalizeEndpoint`). Throws a SettingError
 * naming `variable` when it is not an http:// or https:// URL with a host (`not-a-url`,
 * `ftp://host`, `127.0.0.1:8080` without its scheme).
 */
export function checkedEndpoint(value: string, variable: string): string {
  const expected = `expected an http:// or https:// URL such as ${DEFAULT_ENDPOINT}`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SettingError(variable, value, `is not a URL: ${expected}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SettingError(variable, value, `has the scheme ${url.protocol.slice(0, -1)}: ${expected}`);
  if (!url.hostname) throw new SettingError(variable, value, `names no host: ${expected}`);
  return normalizeEndpoint(value);
}

/**
 * `value` of `variable` as a number of seconds, greater than 0 and at most `max`: `10`, `2.5`.
 * Throws a SettingError naming `variable` for anything else (`abc`, `0`, `-1`, `10s`).
 */
export function secondsSetting(value: string, variable: string, max: number): number {
  const expected = `expected seconds greater than 0 and at most ${max}, without a unit, such as 10`;
  const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (Number.isNaN(seconds)) throw new SettingError(variable, value, `is not a number: ${expected}`);
  if (seconds <= 0 || seconds > max) throw new SettingError(variable, value, `is out of range: ${expected}`);
  return seconds;
}
