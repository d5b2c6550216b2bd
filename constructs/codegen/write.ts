/**
 * `mercato constructs generate --out DIR [--offering SLUG ...]`: typed constructs for the offerings
 * of the live catalog, one per offering version, written as TypeScript files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { generateTypedConstructs, readCatalog, type CatalogReader } from './typed-constructs';

export interface WriteOptions {
  /** The directory to write into, absolute or relative to the current directory. */
  out: string;
  /** Only these offerings, by slug; default every offering of the catalog. */
  offering?: string[];
  /**
   * Module the generated code imports the constructs from. Default `@mercato/cdktf`. A package name
   * is used as given; a path (`./lib`, `../lib`, absolute) is relative to the current directory,
   * like `out`, and each generated file imports it relative to where it stands.
   */
  library?: string;
}

/** Reads the catalog, generates the files and writes them; answers the paths written. */
export async function writeTypedConstructs(client: CatalogReader, options: WriteOptions): Promise<string[]> {
  const offerings = await readCatalog(client, options.offering ?? []);
  const files = await generateTypedConstructs(offerings, { library: libraryFromOut(options.out, options.library) });
  const written: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const target = resolve(options.out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(target);
  }
  return written;
}

/** `library` as the output folder imports it: a package name as given, a path made relative to `out`. */
function libraryFromOut(out: string, library: string | undefined): string | undefined {
  if (!library || !(library.startsWith('.') || isAbsolute(library))) return library;
  const fromOut = relative(resolve(out), resolve(library)).split(sep).join('/');
  return fromOut.startsWith('.') ? fromOut : `./${fromOut}`;
}
