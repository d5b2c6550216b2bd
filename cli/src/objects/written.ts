import { qualifiedName, type Kind } from './kinds';
import { renderJson, renderYaml, type Item, type WriteFormat } from './output';
import { maskSecrets } from './secret-values';

/**
 * What a command that wrote prints about the object it wrote, as kubectl does: `<kind>/<name>
 * <verb>` and what to know next (`detail`); the object itself as JSON or YAML, secrets masked;
 * or only `<kind>/<name>` (`-o name`), for the next command of a script.
 */
export function renderWritten(
  kind: Kind,
  object: Item,
  verb: string,
  format: WriteFormat | undefined,
  detail = '',
): string {
  if (format === 'json') return renderJson(maskSecrets(object));
  if (format === 'yaml') return renderYaml(maskSecrets(object));
  if (format === 'name') return qualifiedName(kind, object);
  return `${qualifiedName(kind, object)} ${verb}${detail ? `: ${detail}` : ''}`;
}
