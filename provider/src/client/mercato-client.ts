import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import { ApiError, UnreachableError } from './api-error';
import { jsonBody } from './json-values';

export interface ClientSettings {
  endpoint: string;
  token: string;
  /** Attempts for a request that may be retried safely. */
  attempts?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

const RETRIABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way the provider talks to the Mercato server. Connections are kept alive (a plan opens
 * many); GETs, PATCHes and DELETEs are retried with backoff on connection errors, 429 and 5xx;
 * every create carries an Idempotency-Key so that retrying it never makes a second object.
 */
export class MercatoClient {
  private readonly http: AxiosInstance;
  private readonly attempts: number;

  constructor(readonly settings: ClientSettings) {
    // axios is loaded here, not at start-up: most provider launches never make a request.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const axios = require('axios') as typeof import('axios');
    this.http = axios.create({
      baseURL: `${settings.endpoint.replace(/\/+$/, '')}/api/v1`,
      headers: { authorization: `Bearer ${settings.token}`, 'user-agent': 'terraform-provider-mercato' },
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ keepAlive: true }),
      validateStatus: () => true,
      // The API never redirects; without follow-redirects in the way a request costs ~15 % less CPU.
      maxRedirects: 0,
      timeout: 60000,
    });
    this.attempts = settings.attempts ?? 5;
  }

  get<T>(path: string, params?: Record<string, unknown>): Promise<T> {
    return this.send<T>({ method: 'GET', url: path, params }, true);
  }

  /** GET that answers undefined for 404: the object is gone. */
  async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (error) {
      if (error instanceof ApiError && error.isNotFound) return undefined;
      throw error;
    }
  }

  /** Every page of a collection. */
  async list<T>(path: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<T> = await this.get<Page<T>>(path, { ...params, limit: 500, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    return items;
  }

  create<T>(path: string, body: unknown, idempotencyKey: string = randomUUID()): Promise<T> {
    return this.send<T>({ method: 'POST', url: path, data: body, headers: { 'idempotency-key': idempotencyKey } }, true);
  }

  /** A POST action (approve, cancel...): retried only when the request never reached the server. */
  action<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>({ method: 'POST', url: path, data: body ?? {} }, false);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>({ method: 'PATCH', url: path, data: body }, true);
  }

  async delete(path: string): Promise<void> {
    await this.send({ method: 'DELETE', url: path }, true);
  }

  private async send<T>(request: AxiosRequestConfig, retriable: boolean): Promise<T> {
    const label = `${request.method} ${request.url}`;
    if (request.data !== undefined) request = { ...request, data: jsonBody(request.data, label), headers: { ...request.headers, 'content-type': 'application/json' } };
    for (let attempt = 1; ; attempt++) {
      let status: number;
      try {
        const response = await this.http.request(request);
        status = response.status;
        if (status < 400) return response.data as T;
        const retryable = retriable && (status === 429 || status >= 500);
        if (!retryable || attempt >= this.attempts) throw this.apiError(status, response.data, label);
      } catch (error) {
        // Only a failure to talk to the server is "cannot reach"; anything else is what it is.
        if (error instanceof ApiError || !(error as { isAxiosError?: boolean }).isAxiosError) throw error;
        const code = (error as { code?: string }).code ?? '';
        // A refused connection never reached the server: even a non-idempotent call is safe to repeat.
        const safe = retriable || code === 'ECONNREFUSED';
        if (!RETRIABLE_CODES.has(code) || !safe || attempt >= this.attempts) {
          throw new UnreachableError(`cannot reach the Mercato server at ${this.settings.endpoint} (${code || (error as Error).message}) for ${label}`);
        }
      }
      const delay = Math.min(200 * 2 ** (attempt - 1), 3000);
      this.settings.log?.('retrying Mercato API request', { request: label, attempt, delay_ms: delay });
      await sleep(delay);
    }
  }

  private apiError(status: number, body: unknown, label: string): ApiError {
    const problem = (body ?? {}) as { detail?: string; title?: string; errors?: { field: string; message: string }[] };
    const detail = problem.detail ?? problem.title ?? `HTTP ${status}`;
    return new ApiError(status, `${label}: ${detail}`, problem.errors ?? [], label);
  }
}
