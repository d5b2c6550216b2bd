import type { Db } from '../../../db/database';
import { findLiveProject } from '../../../structure/projects-repository';
import { findState } from '../../../terraform-state/terraform-states-repository';
import { unlockState } from '../../../terraform-state/state-changes';

/** An order run about to start: its order, and the resource's state in its project. */
export interface OrderRunStart {
  orderId: string;
  resourceId: string;
  projectId: string;
  stateName: string;
  /** Whom the run acts for: named as the actor of a lock it releases. */
  userId: string;
}

/** Order states after which no run of the order is left. */
const ENDED = ['done', 'erred', 'canceled', 'rejected'];

/**
 * Clears what earlier runs of a resource left when their server died mid-run (killed, not
 * stopped: a stopping server lets its runs finish): their run tokens, and the lock on the
 * resource's state an apply held, which would make Terraform refuse every later run. A run is
 * known dead when it ran this very order (the worker runs an order again only once the worker
 * that ran it is gone) or an order that has ended (or is gone). Only an executing order's run
 * locks the state (previews and pulls plan with `-lock=false`): when no live one holds a token, a
 * lock left on the state is a dead run's and is force-unlocked (event
 * `terraform-state.force-unlocked`). Answers whether it was.
 */
export async function clearDeadRuns(db: Db, start: OrderRunStart): Promise<boolean> {
  const tokens = await db
    .selectFrom('terraform_run_tokens as t')
    .leftJoin('orders as o', 'o.id', 't.order_id')
    .select(['t.id', 't.order_id', 'o.state'])
    .where('t.resource_id', '=', start.resourceId)
    .where('t.order_id', 'is not', null)
    .execute();
  const dead = tokens.filter((t) => t.order_id === start.orderId || !t.state || ENDED.includes(t.state));
  if (dead.length)
    await db
      .deleteFrom('terraform_run_tokens')
      .where(
        'id',
        'in',
        dead.map((t) => t.id),
      )
      .execute();
  if (tokens.some((t) => !dead.includes(t) && t.state === 'executing')) return false;
  const state = await findState(db, start.projectId, start.stateName);
  const project = state?.lock_id ? await findLiveProject(db, start.projectId) : undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', start.userId).executeTakeFirst();
  if (!state?.lock_id || !project || !user) return false;
  const principal = { user, isStaff: false, organizationRoles: new Map(), projectRoles: new Map() };
  await unlockState(db, { project, name: start.stateName, principal }, undefined);
  return true;
}
