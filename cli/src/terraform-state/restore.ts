import type { MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import { findKind } from '../objects/kinds';
import type { Item, WriteFormat } from '../objects/output';
import { renderWritten } from '../objects/written';
import { resolveStateRef } from './state-ref';

/** Options of `mercato terraform-state restore`, as commander parses them. */
export interface RestoreOptions {
  version: string;
  lockId?: string;
  output?: WriteFormat;
}

/**
 * `mercato terraform-state restore PROJECT/NAME --version N`: version N becomes the current one,
 * as a new version with a serial past every serial the state had (the server's
 * `POST .../versions/N/restore`, sent with an Idempotency-Key so a retry restores once).
 */
export async function runRestore(client: MercatoClient, ref: string, options: RestoreOptions): Promise<string> {
  const number = Number(options.version);
  if (!/^\d+$/.test(options.version) || number < 1)
    throw new CliError(
      `--version "${options.version}" is not a version number (1, 2, ...): \`mercato describe terraform-state ${ref}\` lists them`,
    );
  const state = await resolveStateRef(client, ref);
  const query = options.lockId ? `?lock_id=${encodeURIComponent(options.lockId)}` : '';
  const version = await client.create<Item>(`${state.path}/versions/${number}/restore${query}`, {});
  const object = { ...version, project_id: state.projectId, name: state.name };
  return renderWritten(
    findKind('terraform-states'),
    object,
    'restored',
    options.output,
    `version ${String(version.number)} (serial ${String(version.serial)}) is now current, a copy of version ${number}`,
  );
}
