import { isId, type MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import type { Kind } from './kinds';
import { NAME_FIELDS, type Named } from './names';
import { objectArguments } from './object-ref';
import {
  formatAge,
  formatCell,
  renderJson,
  renderTable,
  renderYaml,
  section,
  type DESCRIBE_FORMATS,
  type Item,
} from './output';
import { resolveId, resolveOrganizationId } from './references';
import { maskSecrets } from './secret-values';

export interface DescribeOptions {
  /** Omitted: a readable page (YAML of the object, plus related objects for an offering). */
  output?: (typeof DESCRIBE_FORMATS)[number];
  /** Print secret values (a resource's `secret_outputs`) instead of masking them. */
  showSecrets?: boolean;
}

const DESCRIBE_USAGE =
  'name it as `mercato describe offering postgresql` or `mercato describe offering/postgresql` (a Terraform state: `terraform-state PROJECT/NAME`; an invoice: `invoice ORG PERIOD`)';

/**
 * The id of the object a person named: an id as it is; an offering by slug (the server answers
 * it); an organization by slug or name; another kind by its name (`NAME_FIELDS`). Orders and
 * events have ids only.
 */
export async function idOf(client: MercatoClient, kind: Kind, ref: string): Promise<string> {
  if (isId(ref) || kind.plural === 'offerings') return ref;
  if (kind.plural === 'organizations') return resolveOrganizationId(client, ref);
  if (kind.plural === 'terraform-states') {
    const { stateIdOf }: typeof import('../terraform-state/state-ref') = require('../terraform-state/state-ref');
    return stateIdOf(client, ref);
  }
  if (!(kind.plural in NAME_FIELDS))
    throw new CliError(
      `${kind.plural} have no name: give the id (\`mercato get ${kind.plural}\` lists them), not "${ref}"`,
    );
  return resolveId(client, kind.plural as Named, ref);
}

/** `mercato describe <kind> <id|name>` (or `<kind>/<id|name>`). */
export async function runDescribe(
  client: MercatoClient,
  kindName: string,
  name: string | undefined,
  options: DescribeOptions = {},
  period?: string,
): Promise<string> {
  const { kind, ref } = objectArguments(kindName, name, DESCRIBE_USAGE);
  if (kind.plural === 'invoices') {
    const { describeInvoice }: typeof import('../billing/invoice-describe') = require('../billing/invoice-describe');
    return describeInvoice(client, ref, period, options.output);
  }
  if (period !== undefined)
    throw new CliError(`a third argument ("${period}") is an invoice's month; ${kind.plural} take only a name`);
  if (kind.plural === 'modules') {
    const { describeModule }: typeof import('../modules/module-describe') = require('../modules/module-describe');
    return describeModule(client, ref, options.output);
  }
  const answer = await client.get<Item>(`/${kind.plural}/${encodeURIComponent(await idOf(client, kind, ref))}`);
  const object = options.showSecrets ? answer : maskSecrets(answer);
  if (options.output === 'json') return renderJson(object);
  if (options.output === 'yaml') return renderYaml(object);
  const sections = [renderYaml(object), ...(await relatedSections(client, kind, object))];
  return sections.join('\n\n');
}

/** What a person looks for beside the object: an offering's plans and versions, who is in a project or organization, an order's plans. */
function relatedSections(client: MercatoClient, kind: Kind, object: Item): Promise<string[]> {
  const id = String(object.id);
  if (kind.plural === 'offerings') return offeringSections(client, id);
  if (kind.plural === 'projects' || kind.plural === 'organizations') return membersSection(client, kind.plural, id);
  if (kind.plural === 'terraform-states') return stateSections(client, object);
  if (kind.plural === 'orders') {
    const { orderPlanSections }: typeof import('../orders/order-plan') = require('../orders/order-plan');
    return Promise.resolve(orderPlanSections(object));
  }
  return Promise.resolve([]);
}

/** A Terraform state's current outputs (sensitive ones masked) and its versions: what `terraform-state restore` takes. */
async function stateSections(client: MercatoClient, state: Item): Promise<string[]> {
  const {
    stateOutputsTable,
    stateVersionsTable,
  }: typeof import('../terraform-state/versions-section') = require('../terraform-state/versions-section');
  const [outputs, versions] = await Promise.all([stateOutputsTable(client, state), stateVersionsTable(client, state)]);
  return [section('Outputs', outputs.items, outputs.table), section('Versions', versions.items, versions.table)];
}

/** What someone about to order needs beside the offering: its plans with prices and its versions' status. */
async function offeringSections(client: MercatoClient, offeringId: string): Promise<string[]> {
  const [plans, versions] = await Promise.all([
    client.listAll<Item>('/plans', { offering_id: offeringId }),
    client.listAll<Item>('/offering-versions', { offering_id: offeringId }),
  ]);
  return [
    section(
      'Plans',
      plans,
      renderTable(plans, [
        { header: 'name', value: (p) => p.name },
        { header: 'unit', value: (p) => p.unit },
        { header: 'currency', value: (p) => p.currency },
        { header: 'prices', value: (p) => p.prices },
        { header: 'archived', value: (p) => (p.archived ? 'yes' : 'no') },
        { header: 'id', value: (p) => p.id },
      ]),
    ),
    section(
      'Versions',
      versions,
      renderTable(versions, [
        { header: 'version', value: (v) => v.version },
        { header: 'status', value: (v) => v.status },
        { header: 'note', value: (v) => v.deprecation_message || firstLine(v.changelog) },
      ]),
    ),
  ];
}

/** Who has a role in the project or organization. */
async function membersSection(client: MercatoClient, collection: string, id: string): Promise<string[]> {
  const members = await client.listAll<Item>(`/${collection}/${id}/members`);
  return [
    section(
      'Members',
      members,
      renderTable(members, [
        { header: 'user', value: (m) => m.username },
        { header: 'role', value: (m) => m.role },
        { header: 'since', value: (m) => formatAge(m.created_at) },
      ]),
    ),
  ];
}

const firstLine = (text: unknown) => formatCell(String(text ?? '').split('\n')[0]);
