import type { Db } from '../db/database';
import type { PlanRow } from '../db/tables';
import type { Page } from '../http/route-context';
import type { Viewer } from './search-index';
import { onlyVisibleOfferings } from './offering-children-repository';

/** The SQL of plans. `db` may be a transaction. */

interface PlanFilters {
  offering_id?: string;
  name?: string;
  archived?: boolean;
}

/** One page of the plans of offerings the viewer sees, by id; one row more than the limit tells there is a next page. */
export function listPlans(db: Db, page: Page, filters: PlanFilters, viewer: Viewer) {
  let query = db
    .selectFrom('plans')
    .innerJoin('offerings', 'offerings.id', 'plans.offering_id')
    .selectAll('plans')
    .where('plans.deleted_at', 'is', null)
    .orderBy('plans.id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('plans.id', '>', page.after);
  if (filters.offering_id) query = query.where('plans.offering_id', '=', filters.offering_id);
  if (filters.name) query = query.where('plans.name', '=', filters.name);
  if (filters.archived !== undefined) query = query.where('plans.archived', '=', filters.archived ? 1 : 0);
  return onlyVisibleOfferings(query, viewer).execute();
}

/** A plan of an offering. */
export function findPlanOf(db: Db, offeringId: string, planId: string) {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .where('offering_id', '=', offeringId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertPlan(db: Db, row: PlanRow) {
  await db.insertInto('plans').values(row).execute();
}

export async function updatePlan(db: Db, id: string, changes: Partial<PlanRow>) {
  await db.updateTable('plans').set(changes).where('id', '=', id).execute();
}

/** Hides the plan and keeps it: invoices of months not closed yet bill with it (migration 020). */
export async function deletePlan(db: Db, id: string, at: string) {
  await db.updateTable('plans').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
}
