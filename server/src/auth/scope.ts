import type { ExpressionBuilder } from 'kysely';
import type { Tables } from '../db/tables';
import { memberProjectIds, ownedOrganizationIds, providerOrganizationIds } from './access';
import type { Principal } from './principal';

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
  return (eb: ExpressionBuilder<Tables, any>) => {
    const conditions = [];
    if (owned.length) conditions.push(eb(projectColumn as any, 'in', eb.selectFrom('projects').select('projects.id').where('projects.organization_id', 'in', owned)));
    if (member.length) conditions.push(eb(projectColumn as any, 'in', member));
    if (providers.length) conditions.push(eb(offeringColumn as any, 'in', eb.selectFrom('offerings').select('offerings.id').where('offerings.organization_id', 'in', providers)));
    return eb.or(conditions);
  };
}
