import Decimal from 'decimal.js';
import type { Currency } from './currencies';

/**
 * Exact decimal arithmetic for money. Prices and quantities are decimals written in at most a few
 * dozen digits; 200 significant digits keep every product and sum of them exact, so the one rounding
 * is the one `roundToMinorUnit` does.
 */
export const Money = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Money = Decimal;

/** A decimal from a JSON number (kept exactly by the API's number rule, http/exact-numbers.ts) or a decimal string. */
export function money(value: number | string): Money {
  return new Money(typeof value === 'number' ? String(value) : value);
}

/** A decimal as plain text without exponent or trailing zeros: `0.05`, `12`, `0.0000001`. */
export function decimalText(value: Money): string {
  return value.toFixed();
}

/**
 * An amount rounded to the currency's minor unit, half-up (0.005 EUR → 0.01, 2.5 JPY → 3, -0.005
 * → -0.01: away from zero), written with exactly that many decimals: `12.30` EUR, `12` JPY,
 * `0.125` BHD. Call it once per amount billed, on the exact amount: rounding sums of rounded
 * parts would drift.
 */
export function roundToMinorUnit(amount: Money, currency: Currency): string {
  return amount.toDecimalPlaces(currency.minorUnit, Decimal.ROUND_HALF_UP).toFixed(currency.minorUnit);
}
