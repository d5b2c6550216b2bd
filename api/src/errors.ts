/** One field the server refused, by its path in the request (`attributes.db.port`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The server's `application/problem+json` answer (RFC 9457) with the fields it refused. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** The server answered a request with an error status, or with a redirect (never followed). */
export class ApiError extends Error {
  /** The problem the server answered; a body that is not a problem becomes its `detail`. */
  readonly problem: Problem;

  constructor(
    /** The HTTP status, 400-599; 300-399 for a redirect. */
    readonly status: number,
    problem: Problem,
    /** The request as `METHOD /path`, e.g. `POST /orders` (paths below /api/v1). */
    readonly request: string,
  ) {
    const detail = problem.detail || problem.title || `HTTP ${status}`;
    super(`${request}: ${detail}`);
    this.problem = problem;
  }

  /** What went wrong, in the server's words (the problem's detail, else its title). */
  get detail(): string {
    return this.problem.detail || this.problem.title || `HTTP ${this.status}`;
  }

  /** The fields the server refused, with why; empty when the problem names none. */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** The proxy a request went through, as errors name it: its URL without credentials, and the variable that set it. */
export interface ProxyInUse {
  /** E.g. `http://user:***@proxy:3128` (`withoutCredentials`). */
  url: string;
  /** E.g. `HTTPS_PROXY`. */
  variable: string;
}

/**
 * The request got no answer: no connection, a connection lost or a timeout. Through a proxy,
 * the connection that failed may be the one to the proxy, and the message says so.
 */
export class UnreachableError extends Error {
  constructor(
    /** The server's base URL, without credentials (`withoutCredentials`). */
    readonly endpoint: string,
    /** Node's error code (`ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`...), or '' when there is none. */
    readonly code: string,
    /** The request as `METHOD /path`. */
    readonly request: string,
    /** What Node said. */
    readonly reason: string,
    /** The proxy the request went through, if any. */
    readonly proxy?: ProxyInUse,
  ) {
    const where = proxy
      ? `the proxy ${proxy.url} (${proxy.variable}) for ${endpoint}`
      : `the Mercato server at ${endpoint}`;
    super(`cannot reach ${where} (${code || reason}) for ${request}`);
  }
}
