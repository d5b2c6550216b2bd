/**
 * An error meant for the person at the terminal: its message is printed as is on stderr, one
 * line, and the command exits 1. Anything else that escapes a command is a bug and says so.
 */
export class CliError extends Error {}

export function messageOf(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}
