import equal from 'fast-deep-equal';
import type { FastifyBaseLogger } from 'fastify';
import { recordEvent } from '../audit/record';
import type { Db } from '../db/database';
import type { ResourceRow } from '../db/tables';
import { json } from '../http/route-context';
import { orderOrganizations } from '../orders/orders-repository';
import { redactSecrets, storedSecrets } from '../orders/secret-attributes';
import type { PullResult, Usage } from './plugin';
import { pluginOffering, pluginResource } from './provisioning-job';
import type { PluginRegistry } from './plugins/registry';
import { claimPull, type DueResource, resourcesDue, updatePulledResource } from './pulls-repository';
import { PULL_REPORT_ID, reportUsage } from '../usage/usage-report';
import { Problem } from '../http/problem';

export interface PullerOptions {
  /** How long a resource goes between two pulls, in milliseconds (default 60 s). */
  pullIntervalMs?: number;
  /** Pulls running at once, over all offerings (default 4). */
  pullConcurrency?: number;
}

/**
 * Asks plugins that can (`ProvisioningPlugin.pull`) what their backends have of each OK or
 * Paused resource, on a schedule. A change of outputs, secret outputs or backend state is written
 * and becomes a `resource.pulled` event (secret outputs masked); Terraform then sees it as a change
 * made outside it. A backend that lost the resource makes it Erred with the plugin's reason. Usage
 * is kept per component and month. A plugin that fails is logged and asked again next round: a
 * backend that cannot be reached has not lost anything.
 */
export class ResourcePuller {
  private readonly options: Required<PullerOptions>;
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private readonly abort = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly plugins: PluginRegistry,
    private readonly log: FastifyBaseLogger,
    options: PullerOptions = {},
  ) {
    this.options = { pullIntervalMs: 60_000, pullConcurrency: 4, ...options };
  }

  start() {
    const tick = Math.max(50, Math.min(this.options.pullIntervalMs / 4, 5_000));
    this.timer = setInterval(() => this.pullDue(), tick);
    this.timer.unref();
    this.pullDue();
  }

  /** Lets the round in hand finish, so no pull writes after the database closes. */
  async stop() {
    clearInterval(this.timer);
    this.abort.abort();
    await this.round;
  }

  /** Starts a round unless one is running: resources due now, `pullConcurrency` at a time. */
  pullDue() {
    if (this.round || this.abort.signal.aborted) return;
    this.round = this.pullRound()
      .catch((error) => this.log.error({ err: error }, 'pulling resources failed'))
      .finally(() => (this.round = undefined));
  }

  private async pullRound() {
    const types = this.plugins.types().filter((type) => this.plugins.get(type)?.pull);
    if (!types.length) return;
    const dueBefore = new Date(Date.now() - this.options.pullIntervalMs).toISOString();
    const due = await resourcesDue(this.db, types, dueBefore, 100);
    const queue = [...due];
    const next = async () => {
      for (let resource = queue.shift(); resource && !this.abort.signal.aborted; resource = queue.shift())
        await this.pullOne(resource);
    };
    await Promise.all(Array.from({ length: this.options.pullConcurrency }, next));
  }

  private async pullOne(row: DueResource) {
    const at = new Date().toISOString();
    if (!(await claimPull(this.db, row, at))) return;
    const plugin = this.plugins.get(row.type)!;
    let result: PullResult;
    try {
      result = await plugin.pull!({ resource: pluginResource(row), offering: pluginOffering(row) }, this.abort.signal);
    } catch (error) {
      const message = redactSecrets((error as Error).message, secretsOf(row));
      this.log.warn({ resource: row.id, offering: row.slug, error: message }, 'could not pull a resource');
      return;
    }
    if (this.abort.signal.aborted) return;
    if (result.status === 'missing') await this.markLost(row, redactSecrets(result.reason, secretsOf(row)));
    else await this.record(row, result, at);
  }

  private async record(row: DueResource, result: Extract<PullResult, { status: 'present' }>, at: string) {
    const changes = changedColumns(row, result);
    if (Object.keys(changes).length) {
      await this.db.transaction().execute(async (trx) => {
        if (!(await updatePulledResource(trx, row, { ...changes, updated_at: at }))) return;
        await recordEvent(trx, {
          actorId: null,
          action: 'resource.pulled',
          objectType: 'resource',
          objectId: row.id,
          ...(await eventScope(trx, row)),
          changes,
          secretFields: ['secret_outputs'],
        });
      });
    }
    if (result.usage) await this.recordUsage(row, result.usage, at);
  }

  /**
   * Usage goes the way a provider's report goes (usage/usage-report.ts), as report `pull` of this
   * month by no user; a refused one (not a usage component, a closed month...) is logged and left
   * out, never thrown: the other components and the next pulls go on.
   */
  private async recordUsage(row: DueResource, usage: Usage, at: string) {
    const period = at.slice(0, 7);
    for (const [component, amount] of Object.entries(usage)) {
      try {
        await reportUsage(
          this.db,
          { resource_id: row.id, component, period, amount, report_id: PULL_REPORT_ID },
          null,
          at,
        );
      } catch (error) {
        const reason = error instanceof Problem ? error.detail : (error as Error).message;
        this.log.warn({ resource: row.id, component, reason }, 'a pulled usage report was refused');
      }
    }
  }

  private async markLost(row: DueResource, reason: string) {
    const at = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const changes = { state: 'Erred', error_message: reason, updated_at: at };
      if (!(await updatePulledResource(trx, row, changes))) return;
      await recordEvent(trx, {
        actorId: null,
        action: 'resource.erred',
        objectType: 'resource',
        objectId: row.id,
        ...(await eventScope(trx, row)),
        changes: { state: { from: row.state, to: 'Erred' }, reason },
      });
    });
    this.log.warn({ resource: row.id, offering: row.slug }, 'the backend has lost a resource');
  }
}

/** The resource columns a pull changes; none when the backend reports what Mercato has. */
function changedColumns(row: ResourceRow, report: Extract<PullResult, { status: 'present' }>): Partial<ResourceRow> {
  const changes: Partial<ResourceRow> = {};
  const compare = (column: 'outputs' | 'secret_outputs' | 'backend_state', value?: Record<string, unknown>) => {
    if (value !== undefined && !equal(value, json(row[column], {}))) changes[column] = JSON.stringify(value);
  };
  compare('outputs', report.outputs);
  compare('secret_outputs', report.secret_outputs);
  compare('backend_state', report.state);
  if (report.backend_id !== undefined && report.backend_id !== row.backend_id) changes.backend_id = report.backend_id;
  return changes;
}

/** What a pull's reason or error must not quote: the resource's secret attributes and outputs, the offering's secret options. */
function secretsOf(row: DueResource) {
  return [
    ...storedSecrets(row.secret_attributes),
    { path: [], value: json(row.secret_outputs, {}) },
    { path: [], value: json(row.secret_options, {}) },
  ];
}

async function eventScope(db: Db, row: ResourceRow) {
  const scope = await orderOrganizations(db, { project_id: row.project_id, offering_id: row.offering_id });
  return {
    organizationId: scope.organization_id,
    projectId: row.project_id,
    providerOrganizationId: scope.provider_organization_id,
  };
}
