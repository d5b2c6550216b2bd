/** The shapes the console reads, by the names `@mercato/api` gives them. */
import type { ResponseBody } from '@mercato/api';

export type { Offering, OfferingVersion, Order, Plan, Project, User } from '@mercato/api';
export type OfferingSearch = ResponseBody<'/api/v1/offerings'>;
export type Facet = NonNullable<NonNullable<OfferingSearch['facets']>['category']>[number];
export type CostEstimate = ResponseBody<'/api/v1/cost-estimates', 'post'>;
export interface ListOf<T> {
  items: T[];
  next_cursor?: string | null;
}
