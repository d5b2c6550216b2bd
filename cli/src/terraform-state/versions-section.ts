import type { MercatoClient } from '@mercato/api';
import { formatAge, formatCell, renderTable, type Item } from '../objects/output';

const statePath = (state: Item) =>
  `/projects/${String(state.project_id)}/terraform-states/${encodeURIComponent(String(state.name))}`;

/** What `describe terraform-state` shows beside the state: every version, oldest first. */
export async function stateVersionsTable(
  client: MercatoClient,
  state: Item,
): Promise<{ items: Item[]; table: string }> {
  const items = await client.listAll<Item>(`${statePath(state)}/versions`);
  const table = renderTable(items, [
    { header: 'version', value: (v) => (v.number === state.version ? `${String(v.number)} (current)` : v.number) },
    { header: 'serial', value: (v) => v.serial },
    { header: 'lineage', value: (v) => v.lineage },
    { header: 'written by', value: (v) => v.created_by_username ?? v.created_by },
    { header: 'age', value: (v) => formatAge(v.created_at) },
    { header: 'bytes', value: (v) => v.size },
    { header: 'restored from', value: (v) => v.restored_from ?? '-' },
    { header: 'sha256', value: (v) => String(v.sha256).slice(0, 12) },
  ]);
  return { items, table };
}

/**
 * The current version's outputs as the server shows them (sensitive ones are `********` there,
 * whoever asks), or none for a state without a current version.
 */
export async function stateOutputsTable(client: MercatoClient, state: Item): Promise<{ items: Item[]; table: string }> {
  if (typeof state.version !== 'number') return { items: [], table: '' };
  const version = await client.get<{ outputs: Record<string, Item> }>(`${statePath(state)}/versions/${state.version}`);
  const items = Object.entries(version.outputs).map(([name, output]) => ({ name, ...output }));
  const table = renderTable(items, [
    { header: 'output', value: (o) => o.name },
    { header: 'type', value: (o) => (typeof o.type === 'string' ? o.type : formatCell(JSON.stringify(o.type))) },
    { header: 'sensitive', value: (o) => (o.sensitive ? 'yes' : 'no') },
    { header: 'value', value: (o) => (typeof o.value === 'string' ? o.value : JSON.stringify(o.value)) },
  ]);
  return { items, table };
}
