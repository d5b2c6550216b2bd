import type { Db } from '../db/database';
import type { OrderRow, ResourceRow } from '../db/tables';
import { json } from '../http/route-context';
import { storedSecrets, wholeAttributes } from '../orders/secret-attributes';
import type { PluginOffering, PluginResource, ProvisioningJob } from './plugin';
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
      resource: pluginResource(row),
      offering: pluginOffering(row),
    },
  };
}

/** A resource row as plugins see it (provision and pull alike): JSON parsed, secret attributes whole. */
export function pluginResource(
  row: Pick<
    ResourceRow,
    'id' | 'name' | 'backend_id' | 'attributes' | 'secret_attributes' | 'limits' | 'outputs' | 'backend_state' | 'state'
  >,
): PluginResource {
  return {
    id: row.id,
    name: row.name,
    backend_id: row.backend_id,
    attributes: wholeAttributes(row),
    limits: json(row.limits, {}),
    outputs: json(row.outputs, {}),
    backend_state: json(row.backend_state, {}),
    state: row.state,
    secret_attributes: storedSecrets(row.secret_attributes),
  };
}

/** An offering's columns, read beside a resource, as plugins see them: options parsed, secret ones whole. */
export function pluginOffering(row: {
  offering_id: string;
  slug: string;
  plugin_options: string;
  secret_options: string;
}): PluginOffering {
  return {
    id: row.offering_id,
    slug: row.slug,
    plugin_options: json(row.plugin_options, {}),
    secret_options: json(row.secret_options, {}),
  };
}
