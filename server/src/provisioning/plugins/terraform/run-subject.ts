import type { Db } from '../../../db/database';
import { json } from '../../../http/route-context';
import type { ModuleMetadata } from '../../../registry/modules/module-reader';
import { findModule, findVersion, type ModuleWithNamespace } from '../../../registry/modules/modules-repository';

/**
 * What a run needs to know besides the job, read from the database: the resource's project (its
 * state lives there), the module named by the offering and the version the order pins (with the
 * inputs and outputs the registry read from it), whom the run acts for, and the resource's
 * secret outputs so far (masked in the run's log).
 */
export interface RunSubject {
  projectId: string;
  module: ModuleWithNamespace;
  /** `NAMESPACE/NAME/SYSTEM`. */
  modulePath: string;
  version: string;
  metadata: ModuleMetadata;
  userId: string;
  priorSecretOutputs: Record<string, unknown>;
}

/** A reason the run cannot start; the order errs with it. */
export class RunRefused extends Error {}

/**
 * Reads the subject of a run for `resourceId` at module `version` (the order's; a pull's: the
 * resource's; yanked or not: resources on it are still updated and terminated). Throws
 * RunRefused naming what is missing (the module, the version, the resource) or when staff has
 * not allowed the module's organization to run Terraform on the server.
 */
export async function loadSubject(
  db: Db,
  options: Record<string, unknown>,
  resourceId: string,
  orderId: string | undefined,
  version: string | undefined,
): Promise<RunSubject> {
  const modulePath = options.module;
  if (typeof modulePath !== 'string' || modulePath.split('/').length !== 3)
    throw new RunRefused('the offering has no plugin_options.module (NAMESPACE/NAME/SYSTEM)');
  const resource = await db
    .selectFrom('resources')
    .select(['project_id', 'version', 'secret_outputs'])
    .where('id', '=', resourceId)
    .executeTakeFirst();
  if (!resource) throw new RunRefused(`resource ${resourceId} was not found`);
  const [namespace, name, system] = modulePath.split('/');
  const module = await findModule(db, namespace, name, system);
  if (!module) throw new RunRefused(`module ${modulePath} is not in Mercato's registry`);
  const wanted = version ?? resource.version;
  const found = await findVersion(db, module.id, wanted);
  if (!found)
    throw new RunRefused(
      `module ${modulePath} has no version ${wanted}: each offering version pins the module version of the same number; publish it`,
    );
  const owner = await db
    .selectFrom('organizations')
    .select('terraform_runs_allowed')
    .where('id', '=', module.organization_id)
    .executeTakeFirst();
  if (owner?.terraform_runs_allowed !== 1)
    throw new RunRefused(
      `module ${modulePath} would run code on this server (Terraform, its provisioners, data sources and providers), and organization ${namespace} is not allowed to: staff allow it with PATCH /api/v1/organizations/${namespace} {"terraform_runs_allowed": true}`,
    );
  return {
    projectId: resource.project_id,
    module,
    modulePath,
    version: wanted,
    metadata: JSON.parse(found.metadata) as ModuleMetadata,
    userId: await actingUser(db, resourceId, orderId),
    priorSecretOutputs: json(resource.secret_outputs, {}),
  };
}

/** The user who placed the order; for a pull (or an order not found): who placed the resource's latest order. */
async function actingUser(db: Db, resourceId: string, orderId: string | undefined): Promise<string> {
  const orders = db.selectFrom('orders').select('created_by');
  const placed = orderId ? await orders.where('id', '=', orderId).executeTakeFirst() : undefined;
  const row =
    placed ??
    (await orders
      .where('resource_id', '=', resourceId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst());
  if (!row) throw new RunRefused(`resource ${resourceId} has no order`);
  return row.created_by;
}
