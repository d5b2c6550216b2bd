import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Tables } from '../db/tables';
import {
  approvesForProvider,
  canSeeProject,
  memberProjectIds,
  ownedOrganizationIds,
  providerOrganizationIds,
} from './access';
import type { Principal } from './principal';
import { projectRef } from '../structure/projects-repository';
import { offeringProvider } from '../catalog/offerings-repository';

/**
 * The SQL condition "the caller may see this row" for rows that belong to a project (the
 * consumer side) and an offering (the provider side): orders, resources. Undefined means the
 * caller sees nothing of the kind.
 */
export function consumerOrProviderScope(p: Principal, projectColumn: string, offeringColumn: string) {
  const owned = ownedOrganizationIds(p);
  const member = memberProjectIds(p);
  const providers = providerOrganizationIds(p);
  if (!owned.length && !member.length && !providers.length) return undefined;
  return (eb: ExpressionBuilder<Tables, keyof Tables>) => {
    const conditions = [];
    if (owned.length)
      conditions.push(
        eb(
          sql.ref(projectColumn),
          'in',
          eb.selectFrom('projects').select('projects.id').where('projects.organization_id', 'in', owned),
        ),
      );
    if (member.length) conditions.push(eb(sql.ref(projectColumn), 'in', member));
    if (providers.length)
      conditions.push(
        eb(
          sql.ref(offeringColumn),
          'in',
          eb.selectFrom('offerings').select('offerings.id').where('offerings.organization_id', 'in', providers),
        ),
      );
    return eb.or(conditions);
  };
}

/** The condition "the row's offering is one the caller provides", for a query of orders or resources; undefined: none. */
export function providerScope(p: Principal, offeringColumn: string) {
  const providers = providerOrganizationIds(p);
  if (!providers.length) return undefined;
  return (eb: ExpressionBuilder<Tables, keyof Tables>) =>
    eb(
      sql.ref(offeringColumn),
      'in',
      eb.selectFrom('offerings').select('offerings.id').where('offerings.organization_id', 'in', providers),
    );
}

/** The condition of consumerOrProviderScope, for a query of orders or resources. */
export type RowScope = NonNullable<ReturnType<typeof consumerOrProviderScope>>;

export interface Side {
  /** `consumer`: the object's project is the caller's; `provider`: its offering is; undefined: neither. */
  side: 'consumer' | 'provider' | undefined;
  project: { id: string; organization_id: string };
}

/** Where the caller stands to one order or resource: on its consumer side, its provider side, or neither. */
export async function sideOf(db: Kysely<Tables>, p: Principal, projectId: string, offeringId: string): Promise<Side> {
  const project = await projectRef(db, projectId);
  if (canSeeProject(p, project)) return { side: 'consumer', project };
  const provider = await offeringProvider(db, offeringId);
  return { side: approvesForProvider(p, provider) ? 'provider' : undefined, project };
}
