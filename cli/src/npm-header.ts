/**
 * `npm run mercato -- get offerings -o json | jq` cannot work: npm prints a header of its own
 * (`> mercato@0.1.0 mercato`) on stdout before it runs the script, and only npm's own `--silent`,
 * given before `--`, stops it. When npm has just done so into a pipe or a file, say it on stderr
 * with the two ways that give clean output.
 */
export function noteNpmHeader(
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean } = process.stdout,
): string | undefined {
  const headerPrinted =
    env.npm_command === 'run' && env.npm_lifecycle_event === 'mercato' && env.npm_config_loglevel !== 'silent';
  if (!headerPrinted || stdout.isTTY) return undefined;
  return 'mercato: npm printed a header of its own before this output; for output to read or pipe, run `npm run --silent mercato -- ...` or `npx mercato ...`';
}
