import { parseJson, sentence, type ValidateContext } from '../framework';
import { jsonValueProblems, type ValueProblem } from '../client/json-values';

/**
 * Plan-time check of a JSON-valued argument (`attributes`, `limits`, `prices`, `plugin_options`)
 * against what the API keeps (client/json-values.ts): each number it would round and each place
 * it nests too deep is an error at its path. Answers true when there was nothing to report.
 */
export function checkJsonArgument(ctx: ValidateContext, name: string, value: unknown): boolean {
  const problems = jsonValueProblems(value, [name]);
  for (const problem of problems) ctx.error(summary(problem), sentence(problem.message), problem.path);
  return problems.length === 0;
}

/** The same for an argument holding JSON text (`options_schema`): reported at the argument, the path inside named in the detail. */
export function checkJsonTextArgument(ctx: ValidateContext, name: string, text: unknown): void {
  if (typeof text !== 'string') return;
  let value: unknown;
  try {
    value = parseJson(text);
  } catch {
    return; // not JSON: reported by the resource's own check
  }
  for (const problem of jsonValueProblems(value, [name])) ctx.error(summary(problem), sentence(problem.message), [name]);
}

function summary(problem: ValueProblem): string {
  return problem.kind === 'number' ? 'Number cannot be kept exactly' : 'Value nested too deeply';
}
