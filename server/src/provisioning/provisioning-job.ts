import type { Db } from '../db/database';
import type { OrderRow } from '../db/tables';
import { json } from '../http/route-context';
import { storedSecrets, wholeAttributes } from '../orders/secret-attributes';
import type { ProvisioningJob } from './plugin';
import { jobSubject } from './jobs-repository';

/**
 * What a plugin is given to carry out an order (its resource and offering, secrets whole), and
 * the plugin type that carries it out: the worker runs it, and a site agent that polls reads it
 * (`GET /orders/{id}/provisioning-event`).
 */
export async function loadJob(db: Db, order: OrderRow): Promise<{ pluginType: string; job: ProvisioningJob }> {
  const row = await jobSubject(db, order);
  return {
    pluginType: row.type,
    job: {
      order: {
        id: order.id,
        type: order.type,
        attributes: wholeAttributes(order),
        limits: json(order.limits, {}),
        plan_id: order.plan_id,
        version: order.version,
        attempts: order.attempts,
        secret_attributes: storedSecrets(order.secret_attributes),
      },
      resource: {
        id: row.id,
        name: row.name,
        backend_id: row.backend_id,
        attributes: wholeAttributes(row),
        limits: json(row.limits, {}),
        outputs: json(row.outputs, {}),
        backend_state: json(row.backend_state, {}),
        state: row.state,
        secret_attributes: storedSecrets(row.secret_attributes),
      },
      offering: {
        id: row.offering_id,
        slug: row.slug,
        plugin_options: json(row.plugin_options, {}),
        secret_options: json(row.secret_options, {}),
      },
    },
  };
}
