/**
 * Plan modifiers: small named objects that adjust one attribute's planned value, as
 * terraform-plugin-framework's do (UseStateForUnknown and custom ones). They run after the
 * framework has planned defaults and "known after apply" values, in the order declared.
 */
import { isUnknown } from '../protocol';

type Obj = Record<string, unknown>;

export interface PlanModifierRequest {
  /** The attribute's value in the configuration. */
  readonly config: unknown;
  /** The attribute's value in the prior state; undefined when the object is being created. */
  readonly prior: unknown;
  /** The attribute's value planned so far (maybe unknown). */
  readonly planned: unknown;
  /** The whole objects the attribute belongs to, for modifiers that look at other attributes. */
  readonly configObject: Obj;
  readonly priorObject: Obj | null;
  readonly plannedObject: Obj;
}

export interface PlanModifier {
  /** What the modifier does, in one sentence (for docs and logs). */
  readonly description: string;
  /** The value to plan: `request.planned` to leave it as it is. */
  modify(request: PlanModifierRequest): unknown;
}

/**
 * Keeps the prior value of a computed attribute instead of "known after apply" when the object
 * changes: for values that never change after creation (an ID). Never for a create, nor when
 * the configuration sets the value or the prior value is null.
 */
export function useStateForUnknown(): PlanModifier {
  return useStateForUnknownIf('Keeps the prior value: it does not change after creation.', (request) => request.prior !== null);
}

/**
 * Keeps the prior value (null included) instead of "known after apply" while `keep` holds: for a
 * computed value that only some changes can alter (e.g. one the server sets only when an order
 * is placed). Never for a create, nor when the configuration sets the value.
 */
export function useStateForUnknownIf(description: string, keep: (request: PlanModifierRequest) => boolean): PlanModifier {
  return {
    description,
    modify(request) {
      const unset = (request.config ?? null) === null;
      return isUnknown(request.planned) && request.priorObject !== null && request.prior !== undefined && unset && keep(request) ? request.prior : request.planned;
    },
  };
}
