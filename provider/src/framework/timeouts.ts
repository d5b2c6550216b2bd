/**
 * The `timeouts` block (`timeouts { create = "30m" }`) and Go duration strings.
 */
import type { BlockSpec, TimeoutOperation } from './schema';
import type { Validator } from './validators';

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;

/** Parses a Go duration ("30m", "1h30m", "90s", "1.5h") into milliseconds; undefined if invalid. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit];
  return total;
}

/** A Go duration, checked at plan time: a typo in a time limit fails the plan, not the apply after a wait. */
const duration: Validator = {
  description: 'must be a duration: a number and a unit (s, m, h), like "30m" or "1h30m"',
  markdownDescription: 'Must be a duration: a number and a unit (`s`, `m`, `h`), like `30m` or `1h30m`.',
  validate(request) {
    if (typeof request.value === 'string' && parseDuration(request.value) !== undefined) return;
    request.error(
      'Invalid duration',
      `${JSON.stringify(request.value)} is not a duration. Use a number and a unit, like "30s", "10m" or "1h30m".`,
    );
  },
};

/** A `timeouts` block with an optional duration per operation; the defaults apply when unset. */
export function timeoutsBlock<const D extends Partial<Record<TimeoutOperation, string>>>(
  defaults: D,
): TimeoutsBlock<D> {
  for (const [operation, defaultDuration] of Object.entries(defaults)) {
    if (parseDuration(defaultDuration) === undefined)
      throw new Error(`timeoutsBlock: invalid default ${operation} = ${JSON.stringify(defaultDuration)}`);
  }
  const attributes = Object.fromEntries(
    Object.entries(defaults).map(([operation, defaultDuration]) => [
      operation,
      {
        type: 'string' as const,
        optional: true,
        validators: [duration],
        description: `How long to wait for the ${operation} operation. Default: \`${defaultDuration}\`.`,
      },
    ]),
  );
  return {
    nesting: 'single' as const,
    description: 'Time limits for the operations on this resource.',
    attributes,
    timeoutDefaults: defaults,
  } as unknown as TimeoutsBlock<D>;
}

export type TimeoutsBlock<D> = BlockSpec & {
  readonly nesting: 'single';
  readonly attributes: {
    readonly [K in keyof D]: {
      readonly type: 'string';
      readonly optional: true;
      readonly validators: readonly Validator[];
      readonly description: string;
    };
  };
  readonly blocks?: undefined;
};

/** The timeout of an operation from the `timeouts` value in a plan or state, else its default. */
export function operationTimeoutMs(
  block: BlockSpec | undefined,
  value: unknown,
  operation: TimeoutOperation,
): number | undefined {
  if (!block?.timeoutDefaults) return undefined;
  const configured = (value as Record<string, unknown> | null)?.[operation];
  const text = typeof configured === 'string' ? configured : block.timeoutDefaults[operation];
  return text === undefined ? undefined : parseDuration(text);
}
