import { decimalText, money, type Money } from './money';

/**
 * A plan's `prices`: per component type, a non-negative decimal. Requests give each as a JSON
 * number (kept exactly by the API's number rule) or a decimal string (any number of digits, up to
 * the lengths below); the API answers decimal strings in plain notation without trailing zeros
 * (`"0.05"`, `"8"`), so no client's floating point ever rounds a price.
 */

/** At most 20 digits before the point and 20 after: far beyond any price, and exact in Money's 200 digits. */
export const DECIMAL_PATTERN = '^(0|[1-9][0-9]{0,19})(\\.[0-9]{1,20})?$';

/** One schema for both forms (so that a bad price gets one error): `minimum` checks numbers only, `pattern` strings only. */
export const PRICE_INPUT = {
  type: ['number', 'string'],
  minimum: 0,
  pattern: DECIMAL_PATTERN,
  description:
    'A non-negative decimal: a JSON number or a decimal string such as `"0.015"` (at most 20 digits each side of the point).',
} as const;

export const PRICE_OUTPUT = {
  type: 'string',
  description: 'A decimal string, exactly as given, without trailing zeros: `"0.05"`, `"8"`.',
} as const;

/** The prices as stored: JSON text of decimal strings (rows from before migration 018 may hold numbers). */
export function storedPrices(prices: Record<string, number | string>): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(prices).map(([type, price]) => [type, decimalText(money(price))])),
  );
}

/** The stored prices as decimals, by component type. */
export function pricesOf(text: string): Record<string, Money> {
  const stored = (text ? JSON.parse(text) : {}) as Record<string, number | string>;
  return Object.fromEntries(Object.entries(stored).map(([type, price]) => [type, money(price)]));
}

/** The stored prices as the API answers them. */
export function presentPrices(text: string): Record<string, string> {
  return Object.fromEntries(Object.entries(pricesOf(text)).map(([type, price]) => [type, decimalText(price)]));
}
