import type { MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import { resolveOrganizationId } from '../objects/references';

/** A calendar month as the API takes it (server/src/billing/billing-month.ts): `YYYY-MM`, months 01 to 12. */
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/**
 * `value` when it is a `YYYY-MM` month; else a CliError naming `what` (a flag such as `--period`,
 * or an argument) and the form wanted, before any request.
 */
export function checkedPeriod(value: string, what = '--period'): string {
  if (PERIOD.test(value)) return value;
  throw new CliError(`${what} "${value}" is not a month: give YYYY-MM with a month from 01 to 12, e.g. 2026-11`);
}

/** An organization's invoice of one month, as the API names it. */
export interface InvoiceRef {
  organizationId: string;
  period: string;
}

/**
 * The invoice `ORG/PERIOD` (as `get invoices -o name` prints it), or ORG and PERIOD given apart;
 * ORG by id, slug or name. A bad month is refused naming `periodName` (the argument, or a flag).
 */
export async function invoiceRef(
  client: MercatoClient,
  ref: string,
  period?: string,
  periodName = '<period>',
): Promise<InvoiceRef> {
  const slash = ref.lastIndexOf('/');
  const [organization, month] =
    period !== undefined || slash < 0 ? [ref, period] : [ref.slice(0, slash), ref.slice(slash + 1)];
  if (!month)
    throw new CliError(
      `which month? name the invoice as \`mercato describe invoice ORG PERIOD\` or \`invoice/ORG/PERIOD\` (PERIOD: YYYY-MM)`,
    );
  const checked = checkedPeriod(month, periodName);
  return { organizationId: await resolveOrganizationId(client, organization), period: checked };
}

/** The API path of one invoice. */
export const invoicePath = ({ organizationId, period }: InvoiceRef) =>
  `/invoices/${encodeURIComponent(organizationId)}/${period}`;
