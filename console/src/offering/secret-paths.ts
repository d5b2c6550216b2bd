/**
 * A secret's path as the API writes it in `secret_attribute_paths` (`admin_password`,
 * `db.password`, `db["odd key"]`, server/src/orders/secret-attributes.ts formatSecretPath) back to
 * its property names; undefined for a path that is not only names (a list index).
 */
const STEP = /(?:^|\.)([A-Za-z_][\w-]*)|\[("(?:[^"\\]|\\.)*")\]/y;

export function secretPathNames(path: string): string[] | undefined {
  const names: string[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const match = STEP.exec(path);
    if (!match) return undefined;
    names.push(match[1] ?? (JSON.parse(match[2]) as string));
  }
  return names.length ? names : undefined;
}
