import type { AxiosInstance, AxiosProxyConfig, AxiosRequestConfig } from 'axios';
import { ApiError, UnreachableError, type Problem, type ProxyInUse } from './errors';
import { proxyFor } from './proxy';
import { normalizeEndpoint, withoutCredentials, type Connection } from './settings';

export interface ClientSettings extends Connection {
  /** Tries of a request that is safe to repeat (see MercatoClient). Default 5. */
  attempts?: number;
  /** Longest wait for an answer, in milliseconds. Default 60,000 (a long poll waits up to 60 s). */
  timeoutMs?: number;
  /** Sent as `User-Agent`. */
  userAgent?: string;
  /**
   * Told of each retry, before its wait: `message` is `retrying Mercato API request` and `fields`
   * a RetryNote.
   */
  log?: (message: string, fields?: RetryNote) => void;
  /** Where the proxy variables are read (HTTP_PROXY, HTTPS_PROXY, NO_PROXY...; see proxy.ts). Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * A request body as JSON text, or throws to keep it from being sent. Default `JSON.stringify`;
   * the provider's refuses numbers the API would round (`request` is `METHOD /path`).
   */
  serialize?: (body: unknown, request: string) => string;
}

/** What the client tells `log` of a retry: the request, which try failed and why. */
export type RetryNote = {
  /** `METHOD /path`, the path below /api/v1. */
  request: string;
  /** The try that failed, from 1; the next one is `attempt + 1`. */
  attempt: number;
  /** How many tries there are in all. */
  attempts: number;
  /** The status of an answer that says "try again" (429, 502, 503, 504)... */
  status?: number;
  /** ...or Node's error code when there was no answer (`ETIMEDOUT` for the client's timeout, `ECONNREFUSED`...). */
  code?: string;
};

/** Query parameters; `undefined`, `null` and `''` are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

/** A page of a collection: `GET /api/v1/<collection>` answers these. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** An answer as it came, whatever its status (MercatoClient.request). */
export interface Answer<T> {
  status: number;
  /** The JSON body; text when it is not JSON; null when empty. */
  body: T;
  /** A header's value by name (any case), as fetch's Headers gives it: null when absent. */
  headers: { get(name: string): string | null };
}

/** The largest page the server gives: fewer round trips when following cursors. */
const PAGE_SIZE = 500;
/** Answers that say "try again": too many requests, and a gateway or the server unavailable for now. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** Network failures worth another try. */
const RETRY_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);
/** Backoff: 200 ms, doubling, at most 3 s. */
const retryDelay = (attempt: number) => Math.min(200 * 2 ** (attempt - 1), 3000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A kept-alive agent for the endpoint's protocol only: every request goes to the endpoint, and
 * an http:// endpoint then never loads node:https with TLS (~5 ms of a CLI command's start).
 */
function keepAliveAgent(endpoint: string): Pick<AxiosRequestConfig, 'httpAgent' | 'httpsAgent'> {
  if (/^https:/i.test(endpoint)) {
    const https = require('node:https') as typeof import('node:https');
    return { httpsAgent: new https.Agent({ keepAlive: true }) };
  }
  const http = require('node:http') as typeof import('node:http');
  return { httpAgent: new http.Agent({ keepAlive: true }) };
}

/**
 * The one client of the Mercato API (`/api/v1`). Paths are below `/api/v1`: `/offerings/postgresql`.
 *
 * Retries with backoff (`attempts`), on network errors and on 429, 502, 503 and 504, only what is
 * safe to repeat: GETs, and creates (POSTs), which always carry an Idempotency-Key so that a
 * repeated one answers the first result instead of making a second object. Other requests
 * (actions, PATCH, DELETE) are repeated only when the connection was refused, as the server
 * never saw them. Connections are kept alive. Requests go through the proxy that HTTP_PROXY,
 * HTTPS_PROXY, ALL_PROXY and NO_PROXY choose (proxy.ts), which errors name. Failures are an ApiError
 * (the server answered an error, or a redirect, which is never followed) or an UnreachableError
 * (no answer; its message never shows the endpoint's or the proxy's credentials).
 */
export class MercatoClient {
  /** The server's base URL, without `/api/v1`. */
  readonly endpoint: string;
  private readonly http: AxiosInstance;
  private readonly attempts: number;
  /** The proxy requests go through, as errors name it; undefined for none. */
  private readonly proxy?: ProxyInUse;
  private readonly serialize: (body: unknown, request: string) => string;

  constructor(readonly settings: ClientSettings) {
    // axios and Node's HTTP modules are loaded here, not with the module: a Terraform provider
    // launch or a CLI command that makes no request (`mercato --help`) does not pay for them.
    const axios = require('axios') as typeof import('axios');
    this.endpoint = normalizeEndpoint(settings.endpoint);
    const proxy = endpointProxy(this.endpoint, settings.env ?? process.env);
    this.proxy = proxy && { url: withoutCredentials(proxy.url.href.replace(/\/$/, '')), variable: proxy.variable };
    this.http = axios.create({
      baseURL: `${this.endpoint}/api/v1`,
      headers: {
        accept: 'application/json',
        ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        'user-agent': settings.userAgent ?? 'mercato-api-client',
      },
      ...keepAliveAgent(this.endpoint),
      validateStatus: () => true,
      // The API never redirects: a redirect is an error naming where it pointed, never followed,
      // so the token is never sent to another host. With 0, axios uses node:http(s) itself, not
      // follow-redirects (which the CLI's bundle of axios leaves out: cli/scripts/build.js).
      maxRedirects: 0,
      // The proxy chosen above, or none: axios then reads no proxy variable itself.
      proxy: proxy ? axiosProxy(proxy.url) : false,
      timeout: settings.timeoutMs ?? 60000,
      // A timeout is ETIMEDOUT, not ECONNABORTED (which an aborted request is too).
      transitional: { clarifyTimeoutError: true },
    });
    this.attempts = settings.attempts ?? 5;
    this.serialize = settings.serialize ?? ((body) => JSON.stringify(body));
  }

  /** GET: the answer's JSON body. */
  get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>({ method: 'GET', url: path, params: withoutBlanks(query) }, true);
  }

  /** GET that answers undefined for 404: the object is not there. */
  async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (error) {
      if (error instanceof ApiError && error.isNotFound) return undefined;
      throw error;
    }
  }

  /** Every item of a collection, following `next_cursor` to the end. */
  async listAll<T>(path: string, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<T> = await this.get<Page<T>>(path, { limit: PAGE_SIZE, ...query, cursor: cursor ?? undefined });
      items.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    return items;
  }

  /** POST a new object, with an Idempotency-Key (a fresh one unless given): retried safely. */
  create<T>(path: string, body: unknown, idempotencyKey: string = globalThis.crypto.randomUUID()): Promise<T> {
    return this.send<T>(
      { method: 'POST', url: path, data: body, headers: { 'idempotency-key': idempotencyKey } },
      true,
    );
  }

  /** POST an action (`/orders/<id>/approve`...): repeated only when the server never saw it. */
  action<T>(path: string, body: unknown = {}): Promise<T> {
    return this.send<T>({ method: 'POST', url: path, data: body }, false);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>({ method: 'PATCH', url: path, data: body }, false);
  }

  async delete(path: string): Promise<void> {
    await this.send({ method: 'DELETE', url: path }, false);
  }

  /**
   * POST bytes as they are (an archive to publish), with their content type: repeated only when
   * the server never saw it, like an action.
   */
  upload<T>(path: string, bytes: Buffer, contentType: string, query?: Query): Promise<T> {
    return this.send<T>(
      {
        method: 'POST',
        url: path,
        params: withoutBlanks(query),
        data: bytes,
        headers: { 'content-type': contentType },
      },
      false,
    );
  }

  /**
   * One request as given, answered whatever its status: no retry, and an Idempotency-Key only
   * when `headers` has one. For tests and tools that look at the answer itself.
   */
  async request<T = unknown>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; query?: Query } = {},
  ): Promise<Answer<T>> {
    const label = `${method} ${path}`;
    const body = options.body === undefined ? undefined : this.serialize(options.body, label);
    const headers = { 'content-type': body === undefined ? false : 'application/json', ...options.headers };
    try {
      const response = await this.http.request({
        method,
        url: path,
        params: withoutBlanks(options.query),
        data: body,
        headers,
      });
      return {
        status: response.status,
        body: (response.data === '' ? null : response.data) as T,
        headers: {
          get: (name) =>
            response.headers[name.toLowerCase()] === undefined ? null : String(response.headers[name.toLowerCase()]),
        },
      };
    } catch (error) {
      if (!(error as { isAxiosError?: boolean }).isAxiosError) throw error;
      throw this.unreachable((error as { code?: string }).code ?? '', label, error as Error);
    }
  }

  private async send<T>(request: AxiosRequestConfig, repeatable: boolean): Promise<T> {
    const label = `${request.method} ${request.url}`;
    // Without a body, no Content-Type either (axios would send a form's); bytes go as they are, with their own.
    const bytes = Buffer.isBuffer(request.data);
    const body = request.data === undefined || bytes ? request.data : this.serialize(request.data, label);
    request = {
      ...request,
      data: body,
      headers: {
        ...request.headers,
        'content-type': body === undefined ? false : bytes ? request.headers?.['content-type'] : 'application/json',
      },
    };
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.attempts;
      try {
        const response = await this.http.request(request);
        if (response.status < 300) return response.data as T;
        if (response.status < 400)
          throw new ApiError(response.status, redirectProblem(response.status, response.headers.location), label);
        if (!repeatable || last || !RETRY_STATUSES.has(response.status))
          throw new ApiError(response.status, problemOf(response.data), label);
        this.settings.log?.('retrying Mercato API request', {
          request: label,
          attempt,
          attempts: this.attempts,
          status: response.status,
        });
      } catch (error) {
        // Only a failure to talk to the server is "cannot reach"; anything else is what it is.
        if (error instanceof ApiError || !(error as { isAxiosError?: boolean }).isAxiosError) throw error;
        const code = (error as { code?: string }).code ?? '';
        // A refused connection never reached the server: even a request that is not repeatable is safe to send again.
        const safe = repeatable || code === 'ECONNREFUSED';
        if (!safe || last || !RETRY_CODES.has(code)) throw this.unreachable(code, label, error as Error);
        this.settings.log?.('retrying Mercato API request', { request: label, attempt, attempts: this.attempts, code });
      }
      await sleep(retryDelay(attempt));
    }
  }

  private unreachable(code: string, request: string, error: Error): UnreachableError {
    return new UnreachableError(withoutCredentials(this.endpoint), code, request, error.message, this.proxy);
  }
}

/** The proxy for the endpoint; none for an endpoint that is no URL (its requests fail, as an UnreachableError). */
function endpointProxy(endpoint: string, env: NodeJS.ProcessEnv) {
  return URL.canParse(endpoint) ? proxyFor(endpoint, env) : undefined;
}

/** A proxy URL as axios takes it, credentials decoded (axios sends them as Basic Proxy-Authorization). */
function axiosProxy(url: URL): AxiosProxyConfig {
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const auth = url.username
    ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
    : undefined;
  return { protocol: url.protocol, host, port, ...(auth ? { auth } : {}) };
}

function withoutBlanks(query: Query = {}): Query {
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
}

/** A 3xx answer as a problem: where it pointed, and why it is not followed. */
function redirectProblem(status: number, location: unknown): Problem {
  const target = typeof location === 'string' && location ? location : '(no Location header)';
  return {
    detail: `the server answered ${status}, a redirect to ${target}, which is not followed (the Mercato API never redirects, and the token must not go elsewhere): check MERCATO_ENDPOINT`,
  };
}

/** The problem in an error answer; a body that is not one (a proxy's HTML page) becomes its detail. */
function problemOf(body: unknown): Problem {
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Problem;
  const text = typeof body === 'string' ? body.trim().slice(0, 300) : '';
  return text ? { detail: text } : {};
}
