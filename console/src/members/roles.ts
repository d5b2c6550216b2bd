import type { OrganizationRole, ProjectRole } from '@mercato/api';

// The roles the API grants (its generated constants are for Node, the console takes only its
// types): the type check keeps these lists to the API's names.
export const ORGANIZATION_ROLES: readonly OrganizationRole[] = ['owner', 'service-manager'];
export const PROJECT_ROLES: readonly ProjectRole[] = ['manager', 'member'];
