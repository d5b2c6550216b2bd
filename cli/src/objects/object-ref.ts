import { isId } from '@mercato/api';
import { CliError } from '../cli-error';
import { findKind, type Kind } from './kinds';

/**
 * An object as a command takes it: a kind and a name given apart (`describe offering postgresql`)
 * or together as `-o name` prints it (`describe offering/postgresql`).
 */
export function objectArguments(
  kindOrBoth: string,
  name: string | undefined,
  usage: string,
): { kind: Kind; ref: string } {
  if (name !== undefined) return { kind: findKind(kindOrBoth), ref: name };
  const slash = kindOrBoth.indexOf('/');
  if (slash <= 0 || slash === kindOrBoth.length - 1) throw new CliError(`which ${kindOrBoth}? ${usage}`);
  return { kind: findKind(kindOrBoth.slice(0, slash)), ref: kindOrBoth.slice(slash + 1) };
}

/** An order's id, given as it is or as `order/<id>` (`get orders -o name`); orders have no other name. */
export function orderId(given: string): string {
  const id = given.replace(/^(order|orders|ord)\//i, '');
  if (!isId(id))
    throw new CliError(
      `<order> "${given}" is not an order's id; give the id, or order/<id> as \`mercato get orders -o name\` prints it`,
    );
  return id;
}
