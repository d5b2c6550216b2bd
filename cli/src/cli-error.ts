/**
 * An error meant for the person at the terminal: its message is printed as is on stderr, one
 * line, and the command exits 1 (report.ts).
 */
export class CliError extends Error {}
