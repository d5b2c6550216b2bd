/** A provider's zip for one platform, as Terraform installs it: the executable alone at the top. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * A fixed time for the entry, so the same executable always zips to the same bytes (and the
 * same `zh:` hash in lock files). 1980-01-01 is the earliest a zip's DOS time can say.
 */
const FIXED_MTIME = new Date(1980, 0, 1);

/** Zips `executable` as `entryName`, executable by all (0755), into `zipPath`; answers the zip's SHA-256 (hex). */
export async function zipExecutable(executable: string, entryName: string, zipPath: string): Promise<string> {
  const { ZipFile }: typeof import('yazl') = require('yazl');
  const zip = new ZipFile();
  zip.addFile(executable, entryName, { mtime: FIXED_MTIME, mode: 0o100755, compress: true });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
  return sha256OfFile(zipPath);
}

/** SHA-256 of a file's bytes, hex: what SHA256SUMS and the registry's `shasum` hold. */
async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
