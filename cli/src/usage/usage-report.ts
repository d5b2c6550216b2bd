import type { MercatoClient } from '@mercato/api';
import { inOptionTerms } from '../input/field-options';
import { renderJson, renderYaml, type Item } from '../objects/output';
import { resolveId } from '../objects/references';

/** Options of `mercato usage report`, as commander parses them. */
export interface UsageReportOptions {
  resource: string;
  component: string;
  period: string;
  /** Sent as the string given, so that no float rounds it. */
  amount: string;
  reportId?: string;
  output?: 'json' | 'yaml';
}

/**
 * `mercato usage report`: `POST /usage-reports`, then one line saying what is stored (or the
 * report as `-o` asks). The server's refusals come back in the options' terms (`--period: ...`).
 */
export async function runUsageReport(client: MercatoClient, options: UsageReportOptions): Promise<string> {
  const resourceId = await resolveId(client, 'resources', options.resource);
  const stored = await client
    .create<Item>('/usage-reports', {
      resource_id: resourceId,
      component: options.component,
      period: options.period,
      amount: options.amount,
      ...(options.reportId === undefined ? {} : { report_id: options.reportId }),
    })
    .catch(
      inOptionTerms({
        resource_id: '--resource',
        component: '--component',
        period: '--period',
        amount: '--amount',
        report_id: '--report-id',
      }),
    );
  if (options.output === 'json') return renderJson(stored);
  if (options.output === 'yaml') return renderYaml(stored);
  return `usage of ${stored.component} by resource ${options.resource} in ${stored.period}: ${stored.amount} (report ${stored.report_id})`;
}
