import type { MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import { runDeleteMember, type MemberOptions } from '../structure/members';
import { idOf } from './describe';
import type { Kind } from './kinds';
import { objectArguments } from './object-ref';
import type { Item, WriteFormat } from './output';
import { resolveId, resolveOfferingId } from './references';
import { renderWritten } from './written';

/** Options of `mercato delete`: a plan or version is found by name within `--offering`; a member within `--project` or `--organization`. */
export interface DeleteOptions extends MemberOptions {
  offering?: string;
  output?: WriteFormat;
}

const DELETE_USAGE = 'name it as `mercato delete project team-a` or `mercato delete project/team-a`';

/** Kinds that are not deleted, and what to do instead. */
const NOT_DELETED: Record<string, string> = {
  orders: 'orders are kept; a pending one is canceled: `mercato order cancel ORDER --reason TEXT`',
  resources: 'a resource ends through a terminate order: `mercato order create --type terminate --resource NAME`',
  users: 'users are not deleted; revoke their roles with `mercato delete member`',
  events: 'events are the audit log and are kept',
};

/** The id of the object to delete; a plan or version by name needs its offering. */
async function targetId(client: MercatoClient, kind: Kind, ref: string, options: DeleteOptions): Promise<string> {
  if (options.offering === undefined) return idOf(client, kind, ref);
  const offeringId = await resolveOfferingId(client, options.offering);
  // runDelete allows --offering only for plans and offering-versions.
  return resolveId(
    client,
    kind.plural as 'plans' | 'offering-versions',
    ref,
    { offering_id: offeringId },
    ` in offering ${options.offering}`,
  );
}

/** `mercato delete <kind> <name|id>` (or `<kind>/<name|id>`, or `member USER --project P`). */
export async function runDelete(
  client: MercatoClient,
  kindName: string,
  name: string | undefined,
  options: DeleteOptions = {},
): Promise<string> {
  if (/^members?$/i.test(kindName)) {
    if (name === undefined)
      throw new CliError('which member? `mercato delete member USER --project P` (or --organization O)');
    return runDeleteMember(client, name, options);
  }
  const { kind, ref } = objectArguments(kindName, name, DELETE_USAGE);
  if (NOT_DELETED[kind.plural]) throw new CliError(NOT_DELETED[kind.plural]);
  if (options.offering !== undefined && kind.plural !== 'plans' && kind.plural !== 'offering-versions')
    throw new CliError(`--offering finds a plan or version by name; ${kind.plural} need none`);
  if (options.project !== undefined || options.organization !== undefined)
    throw new CliError(`--project and --organization say where a member's role is; ${kind.plural} need neither`);
  const object = await client.get<Item>(
    `/${kind.plural}/${encodeURIComponent(await targetId(client, kind, ref, options))}`,
  );
  await client.delete(`/${kind.plural}/${object.id}`);
  return renderWritten(kind, object, 'deleted', options.output);
}
