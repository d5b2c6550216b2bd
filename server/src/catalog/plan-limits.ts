import type { FieldError } from '../http/problem';
import { json } from '../http/route-context';
import type { Component } from './offering-model';

/**
 * A plan's range for one limit-billed component (Waldur: a plan sets "resource limits and
 * pricing"): an order's limit must lie within `minimum`..`maximum`; one left out takes `default`.
 * Absent `minimum` is 0, absent `maximum` no upper bound, absent `default` the minimum.
 */
export interface LimitRange {
  minimum?: number;
  maximum?: number;
  default?: number;
}

/** Per component type, its range. */
export type PlanLimits = Record<string, LimitRange>;

const AMOUNT = { type: 'number', minimum: 0 } as const;

/** The schema of a plan's `limits`, in requests and responses. */
export const PLAN_LIMITS = {
  type: 'object',
  description:
    'Per limit-billed component of the offering (by type), the range an order may choose: `minimum` (0 when left out), `maximum` (none when left out), `default` (taken by an order that leaves the limit out; the minimum when left out).',
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    properties: { minimum: AMOUNT, maximum: AMOUNT, default: AMOUNT },
  },
} as const;

const limitTypes = (componentsJson: string) =>
  json<Component[]>(componentsJson, [])
    .filter((c) => c.billing_type === 'limit')
    .map((c) => c.type);

/** What is wrong with a plan's ranges: a component that is not limit-billed, or minimum ≤ default ≤ maximum broken. */
export function planLimitProblems(limits: PlanLimits | undefined, componentsJson: string): FieldError[] {
  const types = limitTypes(componentsJson);
  return Object.entries(limits ?? {}).flatMap(([type, range]): FieldError[] => {
    const field = `limits.${type}`;
    if (!types.includes(type))
      return [{ field, message: `is not a limit component of the offering (limits: ${types.join(', ') || 'none'})` }];
    const { minimum = 0, maximum = Infinity } = range;
    if (minimum > maximum) return [{ field, message: `minimum ${minimum} is above maximum ${maximum}` }];
    if (range.default !== undefined && (range.default < minimum || range.default > maximum))
      return [{ field: `${field}.default`, message: `${range.default} is outside ${describeRange(range)}` }];
    return [];
  });
}

/** "1 to 64", "at least 1". */
function describeRange({ minimum = 0, maximum }: LimitRange): string {
  return maximum === undefined ? `at least ${minimum}` : `${minimum} to ${maximum}`;
}

/**
 * An order's limits under a plan: the ones left out take their default, and each must lie in its
 * range. Returns the limits the order holds and what is wrong, as `limits.<component>` fields.
 */
export function withinPlan(
  planLimitsJson: string,
  planName: string,
  ordered: Record<string, number>,
): { limits: Record<string, number>; errors: FieldError[] } {
  const ranges = json<PlanLimits>(planLimitsJson, {});
  const limits = { ...ordered };
  const errors: FieldError[] = [];
  for (const [type, range] of Object.entries(ranges)) {
    limits[type] ??= range.default ?? range.minimum ?? 0;
    const { minimum = 0, maximum = Infinity } = range;
    if (limits[type] < minimum || limits[type] > maximum)
      errors.push({
        field: `limits.${type}`,
        message: `${limits[type]} is outside plan ${planName}'s range for ${type}: ${describeRange(range)}`,
      });
  }
  return { limits, errors };
}
