import { CliError } from '../cli-error';

/** `--limit cpu=4 --limit ram=8` as the API's `limits`: `{ cpu: 4, ram: 8 }`. Errors name the option and the bad part. */
export function limitsOption(given: string[]): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const pair of given) {
    const [component, amount, ...rest] = pair.split('=');
    if (!component || amount === undefined || rest.length)
      throw new CliError(`--limit "${pair}": write COMPONENT=NUMBER, e.g. --limit cpu=4`);
    const number = Number(amount);
    if (amount.trim() === '' || !Number.isFinite(number))
      throw new CliError(`--limit ${component}: "${amount}" is not a number`);
    if (component in limits) throw new CliError(`--limit ${component} is given twice`);
    limits[component] = number;
  }
  return limits;
}
