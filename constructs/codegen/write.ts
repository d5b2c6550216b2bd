/**
 * `mercato constructs generate --out DIR [--offering SLUG ...]`: typed constructs for the offerings
 * of the live catalog, one per offering version, written as TypeScript files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateTypedConstructs, readCatalog, type CatalogReader } from './typed-constructs';

export interface WriteOptions {
  /** The directory to write into, absolute or relative to the current directory. */
  out: string;
  /** Only these offerings, by slug; default every offering of the catalog. */
  offering?: string[];
  /** Module the generated code imports the constructs from. Default `@mercato/cdktf`. */
  library?: string;
}

/** Reads the catalog, generates the files and writes them; answers the paths written. */
export async function writeTypedConstructs(client: CatalogReader, options: WriteOptions): Promise<string[]> {
  const offerings = await readCatalog(client, options.offering ?? []);
  const files = await generateTypedConstructs(offerings, { library: options.library });
  const written: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const target = resolve(options.out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(target);
  }
  return written;
}
