import { code as iso4217 } from 'currency-codes';

/**
 * ISO 4217 currencies and their minor units, from the `currency-codes` package (ISO 4217 list one,
 * as published by the ISO 4217 maintenance agency; the package names the publication date).
 */

/** A currency money can be kept in: its ISO 4217 code and minor unit (decimal places: EUR 2, JPY 0, BHD 3). */
export interface Currency {
  code: string;
  minorUnit: number;
}

/**
 * Codes ISO 4217 lists with minor unit "N.A." (precious metals, bond market units, the SDR, test and
 * "no currency" codes): `currency-codes` reports them as 0 places, but they have no minor unit to
 * round to, so no plan is priced in them.
 */
const NO_MINOR_UNIT = new Set([
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
]);

/** The currency of an ISO 4217 code (upper case, e.g. `EUR`); undefined for an unknown code or one without a minor unit. */
export function currencyOf(code: string): Currency | undefined {
  if (!/^[A-Z]{3}$/.test(code) || NO_MINOR_UNIT.has(code)) return undefined;
  const record = iso4217(code);
  return record ? { code: record.code, minorUnit: record.digits } : undefined;
}

/** Why a currency code is refused, or undefined when it is accepted. */
export function currencyProblem(code: string): string | undefined {
  if (currencyOf(code)) return undefined;
  if (NO_MINOR_UNIT.has(code))
    return `${code} has no minor unit in ISO 4217 (a metal, fund or test code); use a currency`;
  return `${JSON.stringify(code)} is not an ISO 4217 currency code (three capital letters, e.g. EUR, USD, JPY)`;
}

/** The currency of plans that had none before plans carried one (migration 018). */
export const DEFAULT_CURRENCY = 'EUR';
