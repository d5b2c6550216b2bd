import { redactSecrets } from '../../../orders/secret-attributes';

/**
 * The secrets of one run, masked in everything it writes to the order's log and in the reason
 * an order errs with: the order's and the resource's secret attributes, the values of the
 * module's sensitive inputs, the run token, and the module's secret outputs once known. Each is
 * masked as written and as a JSON string quotes it (`-json` output escapes `"`, `\` and newlines).
 * Terraform masks sensitive values in its own messages; this also covers what it cannot know
 * (a provisioner printing an input, a provider's error quoting a value).
 */
export class RunSecrets {
  private readonly values: unknown[] = [];

  /** Adds values (strings, numbers, objects and arrays of them) to mask from now on. */
  add(...values: unknown[]): this {
    for (const value of values) this.values.push(value, jsonEscaped(value));
    return this;
  }

  /** `text` with every secret of 4 characters or more replaced by `********`, and terminal escapes removed. */
  mask(text: string): string {
    return (
      redactSecrets(text, [{ path: [], value: this.values }])
        // eslint-disable-next-line no-control-regex -- ANSI escape sequences: terminal colours and cursor moves
        .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
        // eslint-disable-next-line no-control-regex -- control characters other than newline and tab
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    );
  }
}

function jsonEscaped(value: unknown): unknown {
  if (typeof value === 'string') return JSON.stringify(value).slice(1, -1);
  if (Array.isArray(value)) return value.map(jsonEscaped);
  if (typeof value === 'object' && value !== null) return Object.values(value).map(jsonEscaped);
  return value;
}
