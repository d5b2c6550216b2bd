/**
 * Checks a provider's zip before it is published: that it is a zip (Terraform unpacks it with
 * Go's archive/zip) and holds the provider's executable at its top, named
 * `terraform-provider-<type>` with any suffix (`_v1.2.3`, `.exe`), which is what Terraform runs.
 */
import type { Entry, ZipFile } from 'yauzl';

/** The entry names of a zip; throws the zip library's message for bytes that are not one. */
function entryNames(archive: Buffer): Promise<string[]> {
  const yauzl: typeof import('yauzl') = require('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(archive, { lazyEntries: true, strictFileNames: true }, (error, zip?: ZipFile) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const names: string[] = [];
      zip.on('entry', (entry: Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Undefined when the zip is a provider package of `type`; otherwise what is wrong with it, in words. */
export async function providerArchiveProblem(archive: Buffer, type: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await entryNames(archive);
  } catch (error) {
    return `is not a valid zip archive: ${(error as Error).message}`;
  }
  const executable = `terraform-provider-${type}`;
  if (!names.some((name) => !name.includes('/') && name.startsWith(executable)))
    return `holds no ${executable}* executable at its top (it holds ${names.slice(0, 5).join(', ') || 'nothing'})`;
  return undefined;
}
