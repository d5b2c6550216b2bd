/**
 * Plan modifiers: small named objects that adjust one attribute's plan, as
 * terraform-plugin-framework's do (`UseStateForUnknown()`, `RequiresReplace()`,
 * `RequiresReplaceIf(...)` and custom ones). A modifier may set the planned value, say that a
 * change forces replacement, or both. Value modifiers run after the framework has planned defaults
 * and "known after apply" values, in the order declared; replacement is asked once the values are
 * final, and only of an attribute whose planned value differs from the prior one. Each says what
 * it does, plain and Markdown: the framework appends the Markdown one to the attribute's
 * description (describeAttribute in schema.ts).
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
  /** What it does, as a plain sentence (for logs). */
  readonly description: string;
  /** The same in Markdown: appended to the attribute's description in the schema. */
  readonly markdownDescription: string;
  /** The value to plan: `request.planned` to leave it as it is. */
  planValue?(request: PlanModifierRequest): unknown;
  /** True when this change of the attribute forces replacement. Asked only on update, when the planned value differs from the prior one. */
  requiresReplace?(request: PlanModifierRequest): boolean;
}

/** What a modifier does, as a plain sentence and in Markdown. */
export interface PlanModifierDescription {
  readonly plain: string;
  readonly markdown: string;
}

/**
 * Keeps the prior value of a computed attribute instead of "known after apply" when the object
 * changes: for values that never change after creation (an ID). Never for a create, nor when
 * the configuration sets the value or the prior value is null.
 */
export function useStateForUnknown(): PlanModifier {
  return useStateForUnknownIf(
    {
      plain: 'Known in plans once the object exists: the prior value is kept unless the configuration sets another.',
      markdown: 'Known in plans once the object exists.',
    },
    (request) => request.prior !== null,
  );
}

/**
 * Keeps the prior value (null included) instead of "known after apply" while `keep` holds: for a
 * computed value that only some changes can alter (e.g. one the server sets only when an order
 * is placed). Never for a create, nor when the configuration sets the value.
 */
export function useStateForUnknownIf(
  description: PlanModifierDescription,
  keep: (request: PlanModifierRequest) => boolean,
): PlanModifier {
  return {
    description: description.plain,
    markdownDescription: description.markdown,
    planValue(request) {
      const unset = (request.config ?? null) === null;
      return isUnknown(request.planned) &&
        request.priorObject !== null &&
        request.prior !== undefined &&
        unset &&
        keep(request)
        ? request.prior
        : request.planned;
    },
  };
}

/** Any change of the attribute replaces the object (Terraform destroys it and creates another). */
export function requiresReplace(): PlanModifier {
  return requiresReplaceIf(
    {
      plain: 'Changing it replaces the object: Terraform destroys it and creates a new one.',
      markdown: 'Changing it replaces the object: Terraform destroys it and creates a new one.',
    },
    () => true,
  );
}

/** A change of the attribute replaces the object when `replace` holds for it. */
export function requiresReplaceIf(
  description: PlanModifierDescription,
  replace: (request: PlanModifierRequest) => boolean,
): PlanModifier {
  return { description: description.plain, markdownDescription: description.markdown, requiresReplace: replace };
}
