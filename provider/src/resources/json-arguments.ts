import { formatPath, parseJson, sentence, sentences, type PathStep, type Validator } from '../framework';
import { jsonValueProblems, MAX_JSON_DEPTH, type ValueProblem } from '../client/json-values';
import { uncheckablePatterns } from './attributes-validation';

type ReportError = (summary: string, detail: string, path?: PathStep[]) => void;

const NUMBERS = `integers within ±${Number.MAX_SAFE_INTEGER} or decimals of at most 15 significant digits`;

/**
 * Reports what the API cannot keep of a JSON value (client/json-values.ts): each number it would
 * round and each place it nests too deep, at its path under `path`. A sensitive value is never
 * quoted. Answers true when there was nothing to report.
 */
export function reportJsonProblems(
  error: ReportError,
  path: readonly PathStep[],
  value: unknown,
  sensitive: boolean,
): boolean {
  const problems = jsonValueProblems(value, [...path]);
  for (const problem of problems)
    error(summary(problem), sensitive ? unquoted(problem) : sentence(problem.message), problem.path);
  return problems.length === 0;
}

/** `secret_attributes.pin: the number cannot be kept exactly: ...`, never the number itself. */
function unquoted(problem: ValueProblem): string {
  const why =
    problem.kind === 'number'
      ? `the number cannot be kept exactly: a number must be an integer within ±${Number.MAX_SAFE_INTEGER} or a decimal of at most 15 significant digits`
      : problem.message.slice(problem.message.indexOf(': ') + 2);
  return sentence(`${formatPath(problem.path)}: ${why}`);
}

function summary(problem: ValueProblem): string {
  return problem.kind === 'number' ? 'Number cannot be kept exactly' : 'Value nested too deeply';
}

/** A map of numbers (`limits`, `prices`): each a number the API keeps exactly. */
export const exactNumbers: Validator = {
  description: `must hold numbers the API keeps exactly: ${NUMBERS}`,
  markdownDescription: `Numbers must be ${NUMBERS}.`,
  validate: (request) => void reportJsonProblems(request.error, request.path, request.value, request.sensitive),
};

/** A JSON-valued argument (`attributes`, `plugin_options`): numbers the API keeps exactly, nested at most 32 levels. */
export const exactJson: Validator = {
  description: `must hold numbers the API keeps exactly (${NUMBERS}) and nest at most ${MAX_JSON_DEPTH} levels deep`,
  markdownDescription: `Numbers must be ${NUMBERS}, nested at most ${MAX_JSON_DEPTH} levels deep.`,
  validate: (request) => void reportJsonProblems(request.error, request.path, request.value, request.sensitive),
};

/**
 * `options_schema`: JSON text the API keeps exactly (reported at the argument, the path inside
 * named in the detail), whose user-written patterns a linear-time engine (RE2) can run, so no
 * order can make a plan or the server hang.
 */
export const jsonSchemaText: Validator = {
  description:
    'must be JSON text of a JSON Schema whose patterns run in linear time (no lookarounds or backreferences)',
  markdownDescription: `Must be JSON; numbers must be ${NUMBERS}, and patterns must run in linear time (RE2: no lookarounds or backreferences).`,
  validate(request) {
    try {
      JSON.parse(request.value as string);
    } catch (error) {
      request.error(
        `Invalid ${request.attribute}`,
        sentence(`${formatPath(request.path)} is not JSON: ${(error as Error).message}`),
      );
      return;
    }
    // Exact numbers need the exact parser; JSON.parse above gives the familiar syntax errors.
    const schema = parseJson(request.value as string);
    reportJsonProblems((summaryText, detail) => request.error(summaryText, detail), request.path, schema, false);
    for (const problem of uncheckablePatterns(schema)) {
      const why =
        'Mercato runs user-written patterns with RE2, in time linear in the input: lookarounds and backreferences are not supported';
      request.error(
        'Pattern cannot run in linear time',
        sentences(`${formatPath(request.path)} has the pattern ${problem}`, why),
      );
    }
  },
};
