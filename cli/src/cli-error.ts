/**
 * An error meant for the person at the terminal: its message is printed as is on stderr, one
 * line, and the command exits 1. A failed API call is said in words too; anything else that
 * escapes a command is a bug and says so.
 */
export class CliError extends Error {}

export function messageOf(error: unknown): string {
  if (error instanceof CliError) return error.message;
  const { describeApiFailure }: typeof import('./api-client') = require('./api-client');
  const apiFailure = describeApiFailure(error);
  if (apiFailure) return apiFailure;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}
