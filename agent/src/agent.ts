import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, MercatoClient, type Order, type Page } from '@mercato/api';
import type { AgentHandlers, AgentLog, BackendReport, OrderEvent } from './events';
import { eventListener } from './listener';
import { Reporter } from './reporter';

export interface AgentOptions {
  /** The Mercato server's base URL, e.g. `http://127.0.0.1:8080` (what MERCATO_ENDPOINT holds). */
  endpoint: string;
  /** An API token of an owner or service manager of the offering's provider organization. */
  token: string;
  /** The offering's `secret_options.signing_secret`: needed to `listen`, not to `poll`. */
  signingSecret?: string;
  /**
   * The offering(s) this agent serves, by id or slug. `poll` lists their orders (it needs one at
   * least); `listen` refuses events of other offerings with 422 (any, when left out).
   */
  offering?: string | string[];
  handlers: AgentHandlers;
  /** Largest distance in seconds between an event's `webhook-timestamp` and this clock; default 300. */
  toleranceSeconds?: number;
  /** Tries of a complete or fail report to the API; default 8 (about a minute). */
  reportAttempts?: number;
  /** Told of each order and of what went wrong; default: warnings and errors on stderr. */
  log?: AgentLog;
}

export interface PollOptions {
  /** Time between two looks for orders, in ms; default 5000. */
  intervalMs?: number;
  /** Orders carried out at once at most; default 16. */
  concurrency?: number;
}

/** A site agent: `listen` for signed events, or `poll` for orders, or both; `close` to stop. */
export interface Agent {
  /**
   * Listens for events on `port` (0: any free one) of `host` (default 127.0.0.1); resolves with
   * the URL to give the offering as `plugin_options.url`.
   */
  listen(port?: number, host?: string): Promise<string>;
  /** Looks for orders handed to the provider every `intervalMs`, until `close`. */
  poll(options?: PollOptions): void;
  /**
   * The node:http request listener `listen` serves: to take events on a route of another server
   * (before any body parser, as the signature covers the raw body).
   */
  readonly requestListener: http.RequestListener;
  /** Stops listening and polling, then waits for the orders under way to be reported. */
  close(): Promise<void>;
}

const stderrLog: AgentLog = (level, message, fields) => {
  if (level !== 'info')
    console.error(`[mercato-agent] ${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
};

/**
 * Makes a site agent for Mercato's `webhook` provisioning plugin. Each order event (received, or
 * found by polling) runs the handler of its order type; what the handler returns completes the
 * order through the API (`POST /orders/{id}/complete`), what it throws fails it with the error's
 * message (`/fail`), both retried while the server cannot be reached. An order already under way
 * is not started twice.
 *
 *     const agent = createAgent({ endpoint, token, signingSecret, offering: 'virtual-machine', handlers });
 *     const url = await agent.listen(8090);
 */
export function createAgent(options: AgentOptions): Agent {
  const client = new MercatoClient({
    endpoint: options.endpoint,
    token: options.token,
    userAgent: 'mercato-agent-sdk',
  });
  const log = options.log ?? stderrLog;
  const reporter = new Reporter(client, options.reportAttempts ?? 8, log);
  const offerings = options.offering === undefined ? [] : [options.offering].flat();
  const underWay = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let server: http.Server | undefined;
  let polling: Promise<void> | undefined;

  async function run(event: OrderEvent) {
    const { id, type } = event.order;
    const handler = options.handlers[type as keyof typeof options.handlers] as
      ((event: OrderEvent) => Promise<BackendReport | void>) | undefined;
    if (!handler || type === 'pull') return reporter.fail(id, `this site agent does not carry out ${type} orders`);
    log('info', `carrying out a ${type} order`, {
      order: id,
      resource: event.resource.id,
      offering: event.offering.slug,
    });
    let report: BackendReport;
    try {
      report = (await handler(event)) ?? {};
    } catch (error) {
      log('warn', `the ${type} handler failed`, { order: id });
      return reporter.fail(id, (error as Error)?.message ?? String(error));
    }
    const refused = await reporter.complete(id, report);
    if (refused !== undefined) await reporter.fail(id, `the server refused the site agent's report: ${refused}`);
  }

  function start(event: OrderEvent): boolean {
    const id = event.order.id;
    if (underWay.has(id)) return false;
    const done = run(event)
      .catch((error: unknown) => log('error', 'could not report the order', { order: id, error: String(error) }))
      .finally(() => underWay.delete(id));
    underWay.set(id, done);
    return true;
  }

  const serves = (offering: { id: string; slug: string }) =>
    !offerings.length || offerings.includes(offering.id) || offerings.includes(offering.slug);

  const requestListener = eventListener(options.signingSecret ?? '', options.toleranceSeconds ?? 300, {
    serves,
    start,
    pull: options.handlers.pull,
  });

  /** The ids of the offerings served: ids as given, slugs looked up. */
  const offeringIds = async () =>
    Promise.all(
      offerings.map(async (ref) => (await client.get<{ id: string }>(`/offerings/${encodeURIComponent(ref)}`)).id),
    );

  async function pollLoop({ intervalMs = 5000, concurrency = 16 }: PollOptions) {
    let ids: string[] | undefined;
    while (!stopping.signal.aborted) {
      try {
        ids ??= await offeringIds();
        for (const offeringId of ids) {
          const page = await client.get<Page<Order>>('/orders', {
            awaiting: 'provider',
            offering_id: offeringId,
            limit: 100,
          });
          for (const { id } of page.items) {
            if (underWay.size >= concurrency || stopping.signal.aborted) break;
            if (!id || underWay.has(id)) continue;
            const event = await client.find<OrderEvent>(`/orders/${id}/provisioning-event`).catch((error: unknown) => {
              // Completed or failed meanwhile (409): nothing to do.
              if (error instanceof ApiError && error.status === 409) return undefined;
              throw error;
            });
            if (event) start(event);
          }
        }
      } catch (error) {
        log('warn', 'could not look for orders', { error: (error as Error).message });
      }
      await sleep(intervalMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  }

  return {
    requestListener,
    async listen(port = 0, host = '127.0.0.1') {
      if (!options.signingSecret)
        throw new Error("createAgent: listen needs signingSecret (the offering's secret_options.signing_secret)");
      server = http.createServer(requestListener);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
    },
    poll(pollOptions = {}) {
      if (!offerings.length)
        throw new Error('createAgent: poll needs `offering` (the id or slug of the offering served)');
      polling ??= pollLoop(pollOptions);
    },
    async close() {
      stopping.abort();
      if (server) {
        const closed = new Promise((resolve) => server!.close(resolve));
        server.closeIdleConnections();
        await closed;
      }
      await polling;
      await Promise.all(underWay.values());
    },
  };
}
