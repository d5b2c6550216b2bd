import type { FastifyBaseLogger } from 'fastify';
import { recordEvent } from '../audit/record';
import type { Db } from '../db/database';
import type { OrderRow } from '../db/tables';
import { orderOrganizations } from '../orders/orders-repository';
import { withoutSecrets } from '../orders/order-transitions';
import type { PlanSummary } from './plugin';
import type { PluginRegistry } from './plugins/registry';
import { loadJob } from './provisioning-job';
import { OrderRunLog, PREVIEW_ATTEMPT } from './order-run-log';
import {
  claimQueuedPlans,
  type PlanResult,
  plansNoLongerHeld,
  releasePlans,
  requeuePlansOfDeadWorkers,
  storePlan,
} from './plan-previews-repository';

/** How long a run waits for its order's aborted preview to end before it starts anyway, in milliseconds. */
const SETTLE_PATIENCE_MS = 5000;

export interface PlanPreviewOptions {
  /** Previews running at once on this server. */
  concurrency: number;
  /** Bytes an order's log holds at most (order-run-log.ts). */
  logLimitBytes: number;
}

/**
 * Plans the orders that wait for approval, once each, so an approver sees what an order would
 * change before approving (`ProvisioningPlugin.plan`): the order is queued for it when placed
 * (orders/order-placement.ts), a worker claims it with a conditional update, runs the plugin's
 * `plan` with the order's log, and keeps the summary, or the error, on the order with an event
 * (`order.planned`, `order.plan_failed`). Nothing waits for it: placing and approving go on while
 * it runs. It belongs to a ProvisioningWorker and shares its id and heartbeat: the previews of a
 * worker that died are queued again, and a preview whose order left approval (approved, rejected,
 * canceled) is aborted.
 */
export class PlanPreviewer {
  private readonly inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private polling?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly plugins: PluginRegistry,
    private readonly log: FastifyBaseLogger,
    private readonly workerId: string,
    private readonly options: PlanPreviewOptions,
  ) {}

  start() {
    this.stopped = false;
    this.wake();
  }

  /** Looks for previews to run now, and lets go of those whose order moved on. */
  wake() {
    if (this.stopped) return;
    if (this.polling) {
      this.wakeAgain = true;
      return;
    }
    this.polling = this.poll()
      .catch((error) => this.log.error({ err: error }, 'plan previews poll failed'))
      .finally(() => {
        this.polling = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  /** Queues again the previews of workers that died; with the worker's heartbeat, after it forgot the dead. */
  async requeueDead() {
    const count = await requeuePlansOfDeadWorkers(this.db);
    if (count)
      this.log.warn({ count }, 'queued again the plan previews of workers that stopped without finishing them');
    if (count) this.wake();
  }

  /**
   * Aborts this server's preview of the order, if it runs one, and waits for it to end: the order
   * was approved, and its run should not meet its own preview (a Terraform plan holds the state's
   * lock). A preview on another server is aborted at that server's next poll.
   */
  async settle(orderId: string) {
    const running = this.inFlight.get(orderId);
    if (!running) return;
    running.controller.abort();
    // A plugin that does not heed the abort must not hold the run up for ever.
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_PATIENCE_MS)));
    await Promise.race([running.done, patience]);
    clearTimeout(timer);
  }

  /** Aborts the previews in hand and lets other workers take them. */
  async stop() {
    this.stopped = true;
    await this.polling;
    const running = [...this.inFlight.values()];
    running.forEach(({ controller }) => controller.abort());
    await Promise.all(running.map(({ done }) => done));
    await releasePlans(this.db, this.workerId);
  }

  /** Stops without cleaning up, as a crash would; for tests of recovery. */
  abandon() {
    this.stopped = true;
    this.inFlight.forEach(({ controller }) => controller.abort());
    this.inFlight.clear();
  }

  private async poll() {
    for (const id of await plansNoLongerHeld(this.db, this.workerId, [...this.inFlight.keys()])) {
      this.inFlight.get(id)?.controller.abort();
      this.log.info({ order: id }, 'the order left approval before its plan was ready: planning stopped');
    }
    const free = this.options.concurrency - this.inFlight.size;
    if (this.stopped || free <= 0) return;
    for (const order of await claimQueuedPlans(this.db, this.workerId, free)) {
      const controller = new AbortController();
      const done = this.preview(order, controller.signal).finally(() => this.inFlight.delete(order.id));
      this.inFlight.set(order.id, { controller, done });
    }
  }

  private async preview(order: OrderRow, signal: AbortSignal) {
    const result = await this.plan(order, signal);
    if (signal.aborted) return;
    try {
      await this.keep(order, result);
    } catch (error) {
      this.log.error({ err: error, order: order.id }, 'could not keep the plan of an order');
    }
  }

  private async plan(order: OrderRow, signal: AbortSignal): Promise<PlanResult> {
    try {
      const { pluginType, job } = await loadJob(this.db, order);
      const plugin = this.plugins.get(pluginType);
      if (!plugin?.plan)
        return {
          state: 'failed',
          error: `no provisioning plugin "${pluginType}" that plans is installed on this server`,
        };
      job.log = new OrderRunLog(this.db, order.id, PREVIEW_ATTEMPT, job, this.options.logLimitBytes);
      return { state: 'planned', summary: JSON.stringify(planSummary(await plugin.plan(job, signal))) };
    } catch (error) {
      return { state: 'failed', error: (error as Error)?.message || String(error) };
    }
  }

  /** Keeps the result and its event in one transaction, if the preview is still this worker's. */
  private async keep(order: OrderRow, result: PlanResult) {
    const kept = await this.db.transaction().execute(async (trx) => {
      const shown: PlanResult =
        result.state === 'failed' ? { state: 'failed', error: await withoutSecrets(trx, order, result.error) } : result;
      if (!(await storePlan(trx, this.workerId, order.id, shown, new Date().toISOString()))) return false;
      const scope = await orderOrganizations(trx, order);
      await recordEvent(trx, {
        actorId: null,
        action: shown.state === 'planned' ? 'order.planned' : 'order.plan_failed',
        objectType: 'order',
        objectId: order.id,
        organizationId: scope.organization_id,
        projectId: order.project_id,
        providerOrganizationId: scope.provider_organization_id,
        changes:
          shown.state === 'planned'
            ? { plan: countsOf(JSON.parse(shown.summary) as PlanSummary) }
            : { plan_error: shown.error },
      });
      return true;
    });
    this.log.info({ order: order.id, plan: result.state, kept }, 'order planned');
  }
}

/** A plugin's summary with only the fields of PlanSummary, counts as whole numbers: what is kept and shown. */
export function planSummary(given: PlanSummary): PlanSummary {
  const count = (n: unknown) => (Number.isInteger(n) && (n as number) >= 0 ? (n as number) : 0);
  return {
    add: count(given?.add),
    change: count(given?.change),
    destroy: count(given?.destroy),
    resource_changes: (given?.resource_changes ?? []).map(({ address, actions }) => ({
      address: String(address),
      actions: (actions ?? []).map(String),
    })),
    output_changes: (given?.output_changes ?? []).map(String),
  };
}

const countsOf = ({ add, change, destroy }: PlanSummary) => ({ add, change, destroy });
