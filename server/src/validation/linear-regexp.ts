import { RE2JS } from 're2js';

/**
 * Regular expressions written by users (JSON Schema `pattern` and `patternProperties` in an
 * offering version's schema) run on RE2 (the re2js port): matching takes time linear in the
 * text whatever the pattern, where JavaScript's backtracking engine can take years on
 * `^(a+)+$`. RE2 has no backreferences and no lookaround; a pattern that needs them is refused
 * when the schema is saved (see `linearPatternProblem`).
 */

/** Largest RE2 program a pattern may compile to: matching costs up to this much per character. */
const MAX_PATTERN_PROGRAM = 2000;

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/**
 * Compiles ECMAScript regular expression syntax (as JSON Schema writes it) to RE2. Flags `i`, `m`
 * and `s` keep their meaning; `u` is how RE2 reads every pattern; `g` and `y` do not change `test`.
 * Throws an RE2JS syntax error for what RE2 cannot run.
 */
export function compileLinear(source: string, flags = ''): RE2JS {
  let bits = 0;
  for (const flag of flags) bits |= FLAG_BITS[flag] ?? 0;
  return RE2JS.compile(RE2JS.translateRegExp(source), bits);
}

/** Why a user-written pattern cannot be used, or undefined when RE2 runs it. */
export function linearPatternProblem(source: string): string | undefined {
  let compiled: RE2JS;
  try {
    compiled = compileLinear(source, 'u');
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    return `cannot be used: patterns run on a linear-time engine (RE2), which has no backreferences or lookaround (${reason})`;
  }
  if (compiled.programSize() > MAX_PATTERN_PROGRAM) {
    return `is too large: it compiles to ${compiled.programSize()} RE2 instructions, at most ${MAX_PATTERN_PROGRAM}`;
  }
  return undefined;
}

/** The object ajv calls `test` on; `toString` tells patterns apart in ajv's cache of them. */
class LinearRegExp {
  private readonly compiled: RE2JS;

  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {
    this.compiled = compileLinear(source, flags);
  }

  test(text: string): boolean {
    return this.compiled.test(text);
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

/** ajv's `code.regExp` option: every `pattern` and `patternProperties` key compiled to RE2. */
export const linearRegExpEngine = Object.assign((source: string, flags: string) => new LinearRegExp(source, flags), {
  code: 'linearRegExp',
});
