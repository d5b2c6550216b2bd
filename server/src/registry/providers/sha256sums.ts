/**
 * A release's SHA256SUMS document, as `shasum -a 256` (and goreleaser) write it and Terraform
 * reads it: one `<64 hex digits><two spaces><file name>` line per file. Terraform looks the zip's
 * name up in it and compares the hash with the zip it downloaded.
 */

export interface ShasumEntry {
  shasum: string;
  filename: string;
}

/** The document for these files, sorted by name. */
export function formatSha256Sums(entries: ShasumEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.filename < b.filename ? -1 : 1))
    .map((e) => `${e.shasum}  ${e.filename}\n`)
    .join('');
}

/**
 * Its entries; throws naming the first line that is not `<sha256 hex>  <name>` (1-based), or a
 * name given twice. Hashes are compared lower-case, as Terraform does.
 */
export function parseSha256Sums(text: string): ShasumEntry[] {
  const entries: ShasumEntry[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const match = /^([0-9a-fA-F]{64}) [ *]?(\S+)\s*$/.exec(line);
    if (!match) throw new Error(`line ${index + 1} is not "<SHA-256 in hex>  <file name>": ${line.slice(0, 120)}`);
    if (seen.has(match[2])) throw new Error(`line ${index + 1} names ${match[2]} a second time`);
    seen.add(match[2]);
    entries.push({ shasum: match[1].toLowerCase(), filename: match[2] });
  });
  if (!entries.length) throw new Error('it names no file');
  return entries;
}
