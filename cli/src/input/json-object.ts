import { readFileSync } from 'node:fs';
import { CliError } from '../cli-error';
import { userPath } from '../working-directory';

/**
 * A JSON object an option takes (`--attributes '{"size": 10}'`), or read from a file with
 * `@path` (relative to where the user ran the command) or from standard input with `@-`, so that
 * secret values need not be typed on the command line. Errors name the option and never quote
 * the value, which may hold a secret.
 */
export function jsonObjectOption(
  option: string,
  given: string,
  readStdin: () => string = () => readFileSync(0, 'utf8'),
): Record<string, unknown> {
  const text = given.startsWith('@') ? readSource(option, given.slice(1), readStdin) : given;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text; say only where it broke.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new CliError(
      `${option} is not valid JSON${position === undefined ? '' : ` (at character ${Number(position) + 1})`}; give a JSON object, e.g. ${option} '{"size": 10}', or @FILE`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CliError(
      `${option} must be a JSON object ({...}), not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}`,
    );
  return value as Record<string, unknown>;
}

function readSource(option: string, source: string, readStdin: () => string): string {
  if (source === '-') return readStdin();
  if (!source)
    throw new CliError(`${option} @ names no file: write ${option} @FILE, or ${option} @- for standard input`);
  try {
    return readFileSync(userPath(source), 'utf8');
  } catch (error) {
    throw new CliError(
      `${option} @${source}: cannot read ${userPath(source)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}
