/**
 * cty numbers are arbitrary-precision decimals; JavaScript has doubles and bigints. A number whose
 * decimal text a double cannot give back (0.10000000000000000001, 1.23456789012345678) is kept as
 * its text in a DecimalNumber, so it travels back to Terraform unchanged instead of being rounded
 * without a word. Which numbers a provider accepts is the provider's business, not the protocol's.
 */
export class DecimalNumber {
  /** `text`: a decimal as Terraform writes it, e.g. "0.10000000000000000001" or "-1.5e-300". */
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

export function isDecimalNumber(value: unknown): value is DecimalNumber {
  return value instanceof DecimalNumber;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal as sign, significant digits (no leading or trailing zeros) and the exponent of its last digit. */
function normalize(text: string): { sign: string; digits: string; exponent: number } | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  let last = Number(exponent) - fraction.length;
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  last += trailing;
  if (digits === '') return { sign: '', digits: '', exponent: 0 }; // zero, whatever its sign
  return { sign: sign === '-' ? '-' : '', digits, exponent: last };
}

/** True when two decimal texts name the same number ("1e3" and "1000.0" do); false if either is not a decimal. */
export function sameDecimal(a: string, b: string): boolean {
  const x = normalize(a);
  const y = normalize(b);
  return x !== undefined && y !== undefined && x.sign === y.sign && x.digits === y.digits && x.exponent === y.exponent;
}

/** True when the double nearest to the decimal text gives that same decimal back (its shortest form names it). */
export function doubleKeepsDecimal(text: string): boolean {
  const value = Number(text);
  return Number.isFinite(value) && sameDecimal(String(value), text);
}
