import { CliError } from './cli-error';

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8080';
const API_PREFIX = '/api/v1';
/** The largest page the server gives; fewer round trips when following cursors. */
const PAGE_SIZE = 500;

export interface ClientSettings {
  /** Base URL of the server, without `/api/v1`. */
  endpoint: string;
  token?: string;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

interface FieldError {
  field: string;
  message: string;
}

interface ProblemBody {
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

/** Reads the same variables as the Terraform provider, so one setup serves both. */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ClientSettings {
  return { endpoint: normalizeEndpoint(env.MERCATO_ENDPOINT || DEFAULT_ENDPOINT), token: env.MERCATO_TOKEN || undefined };
}

/** The client of the server MERCATO_ENDPOINT and MERCATO_TOKEN name. */
export function clientFromEnvironment(env: NodeJS.ProcessEnv = process.env): MercatoClient {
  return new MercatoClient(settingsFromEnvironment(env));
}

/** Accepts `http://host:8080`, `http://host:8080/` and `http://host:8080/api/v1` alike. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

/** A small read-only client of the Mercato API over Node's fetch, with errors a person can act on. */
export class MercatoClient {
  constructor(
    readonly settings: ClientSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** GET `/api/v1<path>`; `path` starts with a slash, e.g. `/offerings/postgresql`. */
  async get<T>(path: string, query: Query = {}): Promise<T> {
    const url = this.urlOf(path, query);
    const response = await this.send(url);
    const text = await response.text();
    if (!response.ok) throw new CliError(describeFailure(response.status, text, `GET ${API_PREFIX}${path}`, this.settings));
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Every item of a collection, following `next_cursor` to the end. */
  async listAll<T>(path: string, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await this.get<Page<T>>(path, { limit: PAGE_SIZE, ...query, cursor: cursor ?? undefined });
      items.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    return items;
  }

  urlOf(path: string, query: Query = {}): string {
    const url = new URL(`${this.settings.endpoint}${API_PREFIX}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private async send(url: string): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.settings.token) headers.authorization = `Bearer ${this.settings.token}`;
    try {
      return await this.fetchImpl(url, { headers });
    } catch (error) {
      throw new CliError(describeUnreachable(this.settings.endpoint, error));
    }
  }
}

/** fetch hides the socket error in `cause`; name the usual ones in words. */
export function describeUnreachable(endpoint: string, error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const where = `cannot reach the Mercato server at ${endpoint}`;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return `${where}: connection refused; is it running? (\`npm start\`)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: unknown host; check MERCATO_ENDPOINT`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `${where}: connection timed out; check MERCATO_ENDPOINT`;
    default:
      return `${where}: ${cause?.message ?? (error as Error)?.message ?? String(error)}`;
  }
}

/** One line saying what went wrong and, where we know, what to do about it. */
export function describeFailure(status: number, body: string, request: string, settings: ClientSettings): string {
  const problem = parseProblem(body);
  if (status === 401) {
    return settings.token
      ? `the Mercato server at ${settings.endpoint} refused the token (401 Unauthorized); set MERCATO_TOKEN to a valid token`
      : `the Mercato server at ${settings.endpoint} needs a token (401 Unauthorized); set MERCATO_TOKEN (the admin token is in .mercato/admin-token)`;
  }
  if (status === 404) return `not found (404): ${problem.detail || request}`;
  const title = problem.title || 'request failed';
  return `${title} (${status}): ${problem.detail || request}${fieldErrorsNotIn(problem)}`;
}

function parseProblem(body: string): ProblemBody {
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ProblemBody) : {};
  } catch {
    return { detail: body.trim().slice(0, 300) };
  }
}

/** The server's `detail` usually lists the field errors already; add only those it left out. */
function fieldErrorsNotIn(problem: ProblemBody): string {
  const missing = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).filter((text) => !problem.detail?.includes(text));
  return missing.length ? ` [${missing.join('; ')}]` : '';
}
