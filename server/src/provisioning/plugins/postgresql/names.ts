import { createHash } from 'node:crypto';

/** PostgreSQL's longest identifier, in bytes (NAMEDATALEN - 1); longer ones are cut silently. */
const MAX_IDENTIFIER_BYTES = 63;
/** Hex digits of the suffix taken from the resource id. */
const SUFFIX_LENGTH = 15;

/**
 * The name of a resource's database and of its login role (one name for both: they live in
 * different catalogs). `prefix` + a readable part from `base` (lowercased, accents dropped, every
 * other character outside [a-z0-9_] made `_`, cut to fit) + `_` + a suffix from the resource id,
 * so two resources do not share a name, whatever they are called (60 bits of the id's hash; should
 * two ever meet, the role's mark keeps the second from taking the first one's objects). Always 63 bytes or fewer, made of
 * [a-z0-9_] only, so the name reads the same quoted or not. `prefix` (at most 30 characters of
 * [a-z0-9_], as the options schema allows) is kept whole.
 */
export function backendName(prefix: string, base: string, resourceId: string): string {
  const suffix = `_${idSuffix(resourceId)}`;
  let readable = readablePart(base) || 'db';
  // A name that starts with a letter needs no quotes in psql.
  if (!prefix && !/^[a-z]/.test(readable)) readable = `db_${readable}`;
  const room = MAX_IDENTIFIER_BYTES - prefix.length - suffix.length;
  return `${prefix}${readable.slice(0, room).replace(/_+$/, '')}${suffix}`;
}

function readablePart(base: string): string {
  return base
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // the accents NFKD split off: "Café" reads "cafe", not "caf_"
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A stable, short suffix for a resource id: the start of its SHA-256 in hex (60 bits). */
const idSuffix = (resourceId: string) => createHash('sha256').update(resourceId).digest('hex').slice(0, SUFFIX_LENGTH);

/** What the plugin writes as the COMMENT of the role it makes: the role of this resource, and no other. */
export const ownerMark = (resourceId: string) => `mercato resource ${resourceId}`;
