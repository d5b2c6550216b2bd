import type { MercatoClient } from '@mercato/api';
import { CliError } from './cli-error';

/**
 * Runs a command's work and prints its answer on stdout (if any), or its error on stderr with exit code 1
 * (a CliError as it is, anything else as unexpected). The work may set another exit code itself.
 */
export async function report(work: () => Promise<string>): Promise<void> {
  try {
    const answer = await work();
    // Nothing to say (`get -o name` of no objects) is no output at all, not an empty line.
    if (answer) process.stdout.write(`${answer}\n`);
  } catch (error) {
    process.stderr.write(`error: ${messageOf(error)}\n`);
    process.exitCode = 1;
  }
}

/** A CliError as it is, a failed API call in words; anything else that escapes a command is a bug and says so. */
function messageOf(error: unknown): string {
  if (error instanceof CliError) return error.message;
  const { describeApiFailure }: typeof import('./api-client') = require('./api-client');
  const apiFailure = describeApiFailure(error);
  if (apiFailure) return apiFailure;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * For `.catch()`: errors of these classes, which another package throws for the person who ran
 * the command (Terraform missing, a build that failed), become CliErrors; others pass unchanged.
 */
export function forThePerson(...kinds: ErrorClass[]): (error: unknown) => never {
  return (error) => {
    throw kinds.some((kind) => error instanceof kind) ? new CliError((error as Error).message) : error;
  };
}

/**
 * `report` for a command that talks to the API: its work gets the client of MERCATO_ENDPOINT and
 * MERCATO_TOKEN, loaded only now, with the command's own code.
 */
export function reportWithClient(work: (client: MercatoClient) => Promise<string>): Promise<void> {
  return report(async () => {
    const { clientFromEnvironment }: typeof import('./api-client') = require('./api-client');
    return work(clientFromEnvironment());
  });
}
