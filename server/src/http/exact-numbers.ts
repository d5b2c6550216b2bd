/**
 * The API keeps numbers as IEEE-754 doubles (JavaScript numbers) and stores them as JSON text, so
 * a number is accepted only when that keeps it exactly (contract shared with the provider):
 * - an integral value lies within ±9007199254740991 (Number.MAX_SAFE_INTEGER), however written:
 *   `1e3` passes, `1e20` and `9007199254740993` do not;
 * - any other value is a decimal whose text names the double it parses to: `0.1`, `1e-7` and
 *   `123456789.123` pass (every decimal of at most 15 significant digits does),
 *   `0.10000000000000000001` does not.
 */

const NUMBER_RULE =
  'a number must be an integer within ±9007199254740991 or a decimal of at most 15 significant digits';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const JSON_NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** A decimal as significant digits (no leading or trailing zeros; '' for zero) times 10^exponent. */
interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

function decimalOf(text: string): Decimal | undefined {
  const match = JSON_NUMBER.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const all = `${whole}${fraction}`;
  // Loops, not /0+$/: a backtracking engine tries that from every position of a long run of zeros.
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48) start++;
  let end = all.length;
  while (end > start && all.charCodeAt(end - 1) === 48) end--;
  const digits = all.slice(start, end);
  return {
    negative: sign === '-' && digits !== '',
    digits,
    exponent: Number(exponent) - fraction.length + (all.length - end),
  };
}

const sameDecimal = (a: Decimal, b: Decimal) =>
  a.negative === b.negative && a.digits === b.digits && (a.digits === '' || a.exponent === b.exponent);

/** True when the number a JSON number token writes survives a round trip through a double. */
export function isExactNumber(token: string): boolean {
  // Fast path: 15 characters hold at most 15 digits and no exponent.
  if (token.length <= 15 && !/[eE]/.test(token)) return true;
  const written = decimalOf(token);
  if (!written) return false;
  if (written.exponent >= 0 || written.digits === '') {
    // An integral value: compared exactly, after a cheap bound on its number of digits.
    if (written.digits.length + written.exponent > 16) return false;
    return BigInt(written.digits + '0'.repeat(written.exponent)) <= MAX_SAFE;
  }
  const parsed = decimalOf(JSON.stringify(Number(token)) ?? '');
  return parsed !== undefined && sameDecimal(written, parsed);
}

/**
 * The message for a number that is not kept exactly. It does not quote the number: the field may
 * be a secret attribute, and no answer shows a secret, not even to its sender.
 */
export const INEXACT_NUMBER_MESSAGE = `the number cannot be kept exactly: ${NUMBER_RULE}`;
