import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database';
import type { OrderRow } from '../db/tables';
import { newId } from '../ids';
import { json } from '../http/route-context';
import { Problem } from '../http/problem';
import { moveOrder } from '../orders/order-transitions';
import type { ProvisioningOutcome } from './plugin';
import type { PluginRegistry } from './plugins/registry';
import { loadJob } from './provisioning-job';
import { DEFAULT_LOG_LIMIT_BYTES, OrderRunLog } from './order-run-log';
import { PlanPreviewer, planSummary } from './plan-previews';
import {
  claimQueued,
  handOver,
  markWaiting,
  offeringsWithWaitingOrders,
  ordersWaitingSince,
  recordHeartbeat,
  removeWorker,
  requeueJobsOfDeadWorkers,
} from './jobs-repository';

export interface WorkerOptions {
  /** How often to look for work when nobody wakes the worker. */
  pollIntervalMs?: number;
  heartbeatIntervalMs?: number;
  /** A worker silent for this long is dead; its running jobs are queued again. */
  staleAfterMs?: number;
  concurrency?: number;
  /** Bytes an order's log (`GET /orders/{id}/logs`) holds at most, all its runs together (default 1 MiB). */
  logLimitBytes?: number;
}

/**
 * Takes executing orders through their offering's plugin. The job state lives in the order row
 * (queued, running with the claiming worker, waiting for an outside completion), so an order
 * survives a restart; a claim is a conditional update, so no order is run by two workers; the
 * final move is conditional on the claim, so an order completes exactly once.
 */
export class ProvisioningWorker {
  readonly id = newId();
  private readonly options: Required<WorkerOptions>;
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<void>>();
  private polling?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;
  private readonly abort = new AbortController();
  /** Plans the orders that wait for approval (plan-previews.ts), with this worker's id and heartbeat. */
  private readonly previews: PlanPreviewer;

  constructor(
    private readonly db: Db,
    private readonly plugins: PluginRegistry,
    private readonly log: FastifyBaseLogger,
    options: WorkerOptions = {},
  ) {
    this.options = {
      pollIntervalMs: 1000,
      heartbeatIntervalMs: 2000,
      staleAfterMs: 10000,
      concurrency: 16,
      logLimitBytes: DEFAULT_LOG_LIMIT_BYTES,
      ...options,
    };
    this.previews = new PlanPreviewer(db, plugins, log, this.id, {
      concurrency: this.options.concurrency,
      logLimitBytes: this.options.logLimitBytes,
    });
  }

  async start() {
    this.stopped = false;
    await this.heartbeat();
    await this.requeueJobsOfDeadWorkers();
    await this.previews.requeueDead();
    const beat = () =>
      this.heartbeat()
        .then(() => this.requeueJobsOfDeadWorkers())
        .then((requeued) => requeued && this.wake())
        .then(() => this.previews.requeueDead())
        .then(() => this.expireWaitingOrders());
    this.timers.push(
      setInterval(
        () => void beat().catch((e) => this.log.error({ err: e }, 'worker heartbeat failed')),
        this.options.heartbeatIntervalMs,
      ),
    );
    this.timers.push(setInterval(() => this.wake(), this.options.pollIntervalMs));
    this.timers.forEach((t) => t.unref());
    this.previews.start();
    this.wake();
  }

  /** Look for work now (called when an order is placed or moves): jobs to run, plans to preview. */
  wake() {
    if (this.stopped) return;
    this.previews.wake();
    if (this.polling) {
      this.wakeAgain = true;
      return;
    }
    this.polling = this.poll()
      .catch((error) => this.log.error({ err: error }, 'worker poll failed'))
      .finally(() => {
        this.polling = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  /** Finishes the jobs in hand, then leaves: nothing is left claimed by a worker that is gone. */
  async stop() {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await this.polling;
    await Promise.all(this.running);
    await this.previews.stop();
    await removeWorker(this.db, this.id);
  }

  /** Stops without cleaning up, as a crash would; for tests of recovery. */
  abandon() {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    this.abort.abort();
    this.running.clear();
    this.previews.abandon();
  }

  private async heartbeat() {
    await recordHeartbeat(this.db, this.id, new Date().toISOString());
  }

  private async poll() {
    while (!this.stopped) {
      const free = this.options.concurrency - this.running.size;
      if (free <= 0) {
        await Promise.race(this.running);
        continue;
      }
      const claimed = await claimQueued(this.db, this.id, free);
      if (!claimed.length) return;
      for (const order of claimed) {
        const job = this.run(order).finally(() => this.running.delete(job));
        this.running.add(job);
      }
    }
  }

  /** Runs with the heartbeat, not with every wake: placing an order should not sweep for the dead. */
  private async requeueJobsOfDeadWorkers(): Promise<number> {
    const deadline = new Date(Date.now() - this.options.staleAfterMs).toISOString();
    const count = await requeueJobsOfDeadWorkers(this.db, deadline);
    if (count) this.log.warn({ count }, 'requeued orders of workers that stopped without finishing them');
    return count;
  }

  /**
   * Orders that waited for an outside completion longer than their plugin allows become erred.
   * Each move is conditional on the order still waiting, so a completion that comes meanwhile wins
   * or loses whole; runs with the heartbeat, so every worker sweeps and the first one wins.
   */
  private async expireWaitingOrders() {
    const types = this.plugins.types().filter((type) => this.plugins.get(type)!.waitingTimeout);
    if (!types.length) return;
    for (const offering of await offeringsWithWaitingOrders(this.db, types)) {
      const limit = this.plugins.get(offering.type)!.waitingTimeout!({
        plugin_options: json(offering.plugin_options, {}),
      });
      if (!limit) continue;
      const deadline = new Date(Date.now() - limit.seconds * 1000).toISOString();
      for (const order of await ordersWaitingSince(this.db, offering.id, deadline)) {
        try {
          await this.db
            .transaction()
            .execute((trx) => moveOrder(trx, order, 'erred', { actorId: null, reason: limit.reason, claimedBy: null }));
          this.log.warn({ order: order.id, reason: limit.reason }, 'order waited too long for an outside completion');
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
    }
  }

  private async run(order: OrderRow) {
    let outcome: ProvisioningOutcome;
    try {
      await this.previews.settle(order.id);
      const job = await loadJob(this.db, order);
      job.job.log = new OrderRunLog(this.db, order.id, order.attempts, job.job, this.options.logLimitBytes);
      const plugin = this.plugins.get(job.pluginType);
      outcome = plugin
        ? await plugin.provision(job.job, this.abort.signal, () => handOver(this.db, this.id, order.id))
        : { status: 'erred', reason: `no provisioning plugin "${job.pluginType}" is installed on this server` };
    } catch (error) {
      outcome = { status: 'erred', reason: `provisioning failed: ${(error as Error).message}` };
    }
    if (this.abort.signal.aborted) return;
    try {
      await this.finish(order, outcome);
    } catch (error) {
      // A handed-over order may be completed (or timed out) before its plugin returns: that one counts.
      if (isConflict(error)) this.log.info({ order: order.id }, 'the order was completed while its plugin ran');
      else this.log.error({ err: error, order: order.id }, 'could not record the outcome of an order');
    }
  }

  private async finish(order: OrderRow, outcome: ProvisioningOutcome) {
    if (outcome.status === 'waiting') {
      await markWaiting(this.db, this.id, order.id);
      return;
    }
    // The plan this run carried out replaces that of an earlier attempt: none reported, none kept.
    const set = { applied_plan: outcome.plan ? JSON.stringify(planSummary(outcome.plan)) : '' };
    await this.db
      .transaction()
      .execute((trx) =>
        outcome.status === 'done'
          ? moveOrder(trx, order, 'done', { actorId: null, provisioned: outcome, claimedBy: this.id, set })
          : moveOrder(trx, order, 'erred', { actorId: null, reason: outcome.reason, claimedBy: this.id, set }),
      );
    this.log.info({ order: order.id, type: order.type, state: outcome.status }, 'order provisioned');
  }
}

const isConflict = (error: unknown) => error instanceof Problem && error.status === 409;
