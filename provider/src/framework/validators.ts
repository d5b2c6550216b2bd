/**
 * Validators: small named objects that check one attribute's value at plan time
 * (ValidateResourceConfig and its data source and provider counterparts), as
 * terraform-plugin-framework's `stringvalidator.OneOf`, `LengthBetween`, `RegexMatches` and
 * `int64validator.AtLeast` do. Each says what it allows in words, plain and Markdown: the
 * framework appends the Markdown one to the attribute's description (describeAttribute in schema.ts), so
 * the registry docs and the CDKTF bindings say what a plan will refuse.
 */
import { isDecimalNumber, isUnknown } from '../protocol';
import { formatPath, keyStep, type PathLike, type PathStep } from './attribute-path';

export interface ValidatorRequest {
  /** The value: never null and never unknown (the framework skips those); a collection's elements may still be unknown. */
  readonly value: unknown;
  /** Where the value is in the configuration, e.g. ['component', 0, 'billing_type'] or ['prices', 'cpu']. */
  readonly path: readonly PathStep[];
  /** The name of the attribute the value is (or is inside of): `billing_type`, `prices`. */
  readonly attribute: string;
  /** The object holding the attribute (the resource, or one element of a block), for validators that compare attributes. */
  readonly object: Readonly<Record<string, unknown>>;
  /** The attribute is sensitive: say what is wrong without quoting the value. */
  readonly sensitive: boolean;
  /** Records an error; `path` defaults to the value's own. */
  error(summary: string, detail: string, path?: PathLike): void;
}

export interface Validator {
  /** What it allows, as a phrase that follows the attribute's name: `must be one of "a" or "b"`. Used in diagnostics and logs. */
  readonly description: string;
  /** The same as a Markdown sentence, `Must be one of \`a\` or \`b\`.`: appended to the attribute's description. */
  readonly markdownDescription: string;
  /** Checks a known, non-null value and reports each problem with `request.error`. */
  validate(request: ValidatorRequest): void;
}

/**
 * The common shape of the validators below: `problem` answers what is wrong with a value in a
 * few words (`got "mars"`), or undefined when it is allowed; the error says the rule and, unless
 * the attribute is sensitive, what was given.
 */
function simpleValidator(
  description: string,
  markdownDescription: string,
  problem: (value: unknown) => string | undefined,
): Validator {
  return {
    description,
    markdownDescription,
    validate(request) {
      const found = problem(request.value);
      if (found === undefined) return;
      const name = formatPath(request.path);
      request.error(`Invalid ${request.attribute}`, `${name} ${description}${request.sensitive ? '' : `; ${found}`}.`);
    },
  };
}

/** A string among `values` (case-sensitive), as stringvalidator.OneOf. */
export function oneOf(...values: readonly string[]): Validator {
  const allowed = new Set(values);
  return simpleValidator(
    `must be one of ${listed(values.map((v) => JSON.stringify(v)))}`,
    `Must be one of ${listed(values.map(code))}.`,
    (value) => (typeof value === 'string' && allowed.has(value) ? undefined : `got ${JSON.stringify(value)}`),
  );
}

/** A string of `min` to `max` characters (Unicode code points, as JSON Schema's minLength and maxLength count them). */
export function lengthBetween(min: number, max: number): Validator {
  return simpleValidator(
    `must be ${min} to ${max} characters long`,
    `Must be ${min} to ${max} characters long.`,
    (value) => {
      const length = typeof value === 'string' ? [...value].length : -1;
      return length >= min && length <= max ? undefined : `got ${length} characters`;
    },
  );
}

/**
 * A string that `pattern` (a JavaScript regular expression, as the API declares it) matches;
 * `what` says in words what it allows, e.g. `lowercase letters, digits and hyphens`.
 */
export function regexMatches(pattern: string, what: string): Validator {
  const regex = new RegExp(pattern, 'u');
  return simpleValidator(`must be ${what} (pattern ${pattern})`, `Must be ${what} (\`${pattern}\`).`, (value) =>
    typeof value === 'string' && regex.test(value) ? undefined : `got ${JSON.stringify(value)}`,
  );
}

/** A number of at least `min`, as int64validator.AtLeast (numbers of any size or precision). */
export function atLeast(min: number): Validator {
  return simpleValidator(`must be at least ${min}`, `Must be at least ${min}.`, (value) =>
    numberAtLeast(value, min) ? undefined : `got ${String(value)}`,
  );
}

/** Each element of a list, set or map passes `validator`, as listvalidator.ValueStringsAre and its kin; unknown elements are left for later. */
export function eachValue(validator: Validator): Validator {
  return {
    description: `each value ${validator.description}`,
    markdownDescription: `Each value ${validator.markdownDescription.charAt(0).toLowerCase()}${validator.markdownDescription.slice(1)}`,
    validate(request) {
      const entries: [PathStep, unknown][] = Array.isArray(request.value)
        ? request.value.map((item, i) => [i, item])
        : Object.entries(request.value as Record<string, unknown>).map(([key, item]) => [keyStep(key), item]);
      for (const [step, item] of entries) {
        if (item === null || isUnknown(item)) continue;
        const path = [...request.path, step];
        validator.validate({
          ...request,
          value: item,
          path,
          error: (summary, detail, where = path) => request.error(summary, detail, where),
        });
      }
    },
  };
}

/** `a`, `a or b`, `a, b or c`. */
function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function code(text: string): string {
  return `\`${text}\``;
}

/** Compares without rounding: a decimal written as text (DecimalNumber) is compared by its sign and value. */
function numberAtLeast(value: unknown, min: number): boolean {
  if (typeof value === 'number') return value >= min;
  if (typeof value === 'bigint') return value >= BigInt(Math.ceil(min));
  if (isDecimalNumber(value)) return Number(value.text) >= min && !(min === 0 && value.text.trim().startsWith('-'));
  return false;
}
