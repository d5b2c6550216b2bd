import type { Offering, Plan } from '../api/types';

type Component = NonNullable<Offering['components']>[number];
type Range = NonNullable<Plan['limits']>[string];

/** The offering's `limit` components: what an order chooses, within the plan's range. */
export function limitComponents(offering: Offering): Component[] {
  return (offering.components ?? []).filter((c) => c.billing_type === 'limit');
}

/** The limits an order starts with: each range's default, else its minimum. */
export function defaultLimits(offering: Offering, plan: Plan | undefined): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const c of limitComponents(offering)) {
    const range: Range = plan?.limits?.[c.type ?? ''] ?? {};
    limits[c.type ?? ''] = range.default ?? range.minimum ?? 0;
  }
  return limits;
}

/** Why a limit is out of its plan's range, or '' when it is within. */
export function limitProblem(value: number | undefined, range: Range): string {
  if (value === undefined || Number.isNaN(value)) return 'Enter a number.';
  if (value < (range.minimum ?? 0)) return `At least ${range.minimum ?? 0}.`;
  if (range.maximum !== undefined && value > range.maximum) return `At most ${range.maximum}.`;
  return '';
}

export function LimitsInputs(props: {
  offering: Offering;
  plan: Plan | undefined;
  limits: Record<string, number>;
  onChange(limits: Record<string, number>): void;
}) {
  const components = limitComponents(props.offering);
  if (components.length === 0) return null;
  return (
    <fieldset className="limits">
      <legend>Limits</legend>
      {components.map((c) => {
        const type = c.type ?? '';
        const range: Range = props.plan?.limits?.[type] ?? {};
        const value = props.limits[type];
        const problem = limitProblem(value, range);
        const id = `limit-${type}`;
        const hint = `${range.minimum ?? 0}${range.maximum !== undefined ? ` to ${range.maximum}` : ' or more'} ${c.measured_unit ?? ''}`;
        return (
          <div key={type} className="field">
            <label htmlFor={id}>
              {c.name} ({c.measured_unit})
            </label>
            <input
              id={id}
              type="number"
              min={range.minimum ?? 0}
              max={range.maximum}
              value={Number.isNaN(value) || value === undefined ? '' : value}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
              onChange={(e) => props.onChange({ ...props.limits, [type]: e.target.valueAsNumber })}
            />
            <span id={`${id}-hint`} className="help">
              {hint}
            </span>
            {problem && (
              <span id={`${id}-error`} className="error">
                {problem}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
