import { MercatoClient, type Answer } from '@mercato/api';

export type ApiResponse<T = any> = Answer<T>;

/**
 * The tests' view of the API: every call goes over the network to the real server through
 * @mercato/api's client, and answers the status, body and headers as they came (no retry, no
 * error thrown for an error status), so a test can assert on any of them.
 */
export class Api {
  /** The client itself, for tests of what it does (retries, pages, errors). */
  readonly client: MercatoClient;

  constructor(
    readonly url: string,
    readonly token?: string,
  ) {
    this.client = new MercatoClient({ endpoint: url, token, attempts: 1, userAgent: 'mercato-tests' });
  }

  as(token: string) {
    return new Api(this.url, token);
  }

  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    return this.client.request<T>(method, path, { body, headers });
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request<T>('POST', path, body, headers);
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  /** Asserts a status and returns the body, showing the response when it differs. */
  async expect<T = any>(status: number, call: Promise<ApiResponse<T>>): Promise<T> {
    const response = await call;
    if (response.status !== status)
      throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }
}
