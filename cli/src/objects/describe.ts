import type { MercatoClient } from '@mercato/api';
import { findKind } from './kinds';
import { formatCell, renderJson, renderTable, renderYaml, type DESCRIBE_FORMATS, type Item } from './output';
import { maskSecrets } from './secret-values';

export interface DescribeOptions {
  /** Omitted: a readable page (YAML of the object, plus related objects for an offering). */
  output?: (typeof DESCRIBE_FORMATS)[number];
  /** Print secret values (a resource's `secret_outputs`) instead of masking them. */
  showSecrets?: boolean;
}

/** `mercato describe <kind> <id|slug>`; the server answers offerings by slug as well as by id. */
export async function runDescribe(client: MercatoClient, kindName: string, ref: string, options: DescribeOptions = {}): Promise<string> {
  const kind = findKind(kindName);
  const answer = await client.get<Item>(`/${kind.plural}/${encodeURIComponent(ref)}`);
  const object = options.showSecrets ? answer : maskSecrets(answer);
  if (options.output === 'json') return renderJson(object);
  if (options.output === 'yaml') return renderYaml(object);
  const sections = [renderYaml(object)];
  if (kind.plural === 'offerings') sections.push(...(await offeringSections(client, String(object.id))));
  return sections.join('\n\n');
}

/** What someone about to order needs beside the offering: its plans with prices and its versions' status. */
async function offeringSections(client: MercatoClient, offeringId: string): Promise<string[]> {
  const [plans, versions] = await Promise.all([
    client.listAll<Item>('/plans', { offering_id: offeringId }),
    client.listAll<Item>('/offering-versions', { offering_id: offeringId }),
  ]);
  return [
    section('Plans', plans, renderTable(plans, [
      { header: 'name', value: (p) => p.name },
      { header: 'unit', value: (p) => p.unit },
      { header: 'prices', value: (p) => p.prices },
      { header: 'archived', value: (p) => (p.archived ? 'yes' : 'no') },
      { header: 'id', value: (p) => p.id },
    ])),
    section('Versions', versions, renderTable(versions, [
      { header: 'version', value: (v) => v.version },
      { header: 'status', value: (v) => v.status },
      { header: 'note', value: (v) => v.deprecation_message || firstLine(v.changelog) },
    ])),
  ];
}

function section(title: string, items: Item[], table: string): string {
  const body = items.length ? table : '<none>';
  return `${title}:\n${body.split('\n').map((line) => `  ${line}`).join('\n')}`;
}

const firstLine = (text: unknown) => formatCell(String(text ?? '').split('\n')[0]);
