import fs from 'node:fs';
import type { MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import { invoicePath, invoiceRef } from './invoice-ref';

export interface ExportOptions {
  organization: string;
  period: string;
  format: 'csv' | 'json';
  /** A file to write; without one, standard output. */
  output?: string;
}

/**
 * `mercato invoices export`: an organization's invoice of a month as the server exports it, CSV
 * (RFC 4180: a header row of the item fields, one row per item, CRLF line ends) or JSON (the
 * invoice with its items and totals), byte for byte, to a file or standard output.
 */
export async function exportInvoice(
  client: MercatoClient,
  options: ExportOptions,
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<string> {
  if (options.organization.includes('/'))
    throw new CliError(`--organization "${options.organization}" is an organization's id, slug or name`);
  const ref = await invoiceRef(client, options.organization, options.period, '--period');
  const body = await client.get<unknown>(invoicePath(ref), { format: options.format });
  const text = options.format === 'csv' ? String(body) : `${JSON.stringify(body, null, 2)}\n`;
  if (!options.output) {
    write(text);
    return '';
  }
  try {
    fs.writeFileSync(options.output, text);
  } catch (error) {
    throw new CliError(`cannot write --output ${options.output}: ${(error as Error).message}`);
  }
  return `wrote the invoice of ${ref.period} (${options.format}) to ${options.output}`;
}
