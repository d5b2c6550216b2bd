import path from 'node:path';
import type { ReadEntry } from 'tar';

/**
 * A module's distribution package as Mercato takes it: a gzip-compressed tar archive (.tar.gz)
 * with the module's files at its root, the form Terraform's module installer (go-getter) unpacks
 * from an `X-Terraform-Get` URL ending in `.tar.gz`.
 *
 * It is read into memory with node-tar's parser, never written to disk, and refused whole when
 * it could hurt whoever unpacks it: absolute paths, `..` segments, hard links, symbolic links
 * pointing out of the archive, devices and FIFOs; or when it is larger than the limits below.
 */

/** Limits of one archive; past them it is refused (a zip bomb, a repository packed by mistake). */
export const ARCHIVE_LIMITS = {
  /** The compressed archive, in bytes: the request body of a publish. */
  compressedBytes: 10 * 1024 * 1024,
  /** All files unpacked, in bytes. */
  unpackedBytes: 50 * 1024 * 1024,
  /** Files, folders and links. */
  entries: 5000,
} as const;

/** What an archive holds: each regular file's bytes and each folder, by path relative to its root (`/`-separated, no `./`). */
export interface ModuleFiles {
  files: Map<string, Buffer>;
  /** Folders, named or implied by a file's path. */
  folders: Set<string>;
  /** Symbolic links that stay inside the archive: path to the path of what they point at. */
  links: Map<string, string>;
}

/** An archive Mercato refuses, with why (a sentence naming the entry when there is one). */
export class ArchiveProblem extends Error {}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/**
 * Unpacks a .tar.gz in memory. Throws ArchiveProblem for what is not a gzip-compressed tar
 * archive, a broken or truncated one, an unsafe entry or one past ARCHIVE_LIMITS.
 */
export async function readModuleArchive(bytes: Buffer): Promise<ModuleFiles> {
  if (bytes.length === 0) throw new ArchiveProblem('the archive is empty: send the module as a .tar.gz file');
  if (bytes.length > ARCHIVE_LIMITS.compressedBytes)
    throw new ArchiveProblem(`the archive is larger than ${ARCHIVE_LIMITS.compressedBytes} bytes`);
  if (!bytes.subarray(0, 2).equals(GZIP_MAGIC))
    throw new ArchiveProblem('is not gzip-compressed: send the module folder as a .tar.gz archive');
  const contents: ModuleFiles = { files: new Map(), folders: new Set(), links: new Map() };
  const symlinks: [string, string][] = [];
  let unpacked = 0;
  let entries = 0;
  const { Parser }: typeof import('tar') = require('tar');
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (problem: Error) => {
      if (failed) return;
      failed = true;
      parser.abort(problem);
      reject(problem);
    };
    const parser = new Parser({
      strict: true,
      // A header whose extended attributes (pax) claim megabytes is refused rather than buffered.
      maxMetaEntrySize: 64 * 1024,
      onReadEntry: (entry: ReadEntry) => {
        try {
          entries++;
          if (entries > ARCHIVE_LIMITS.entries)
            throw new ArchiveProblem(`the archive has more than ${ARCHIVE_LIMITS.entries} entries`);
          const name = entryPath(entry.path);
          if (entry.type === 'Directory') {
            if (name) addFolder(contents, name);
            entry.resume();
            return;
          }
          if (entry.type === 'SymbolicLink') {
            symlinks.push([name, linkTarget(name, entry.linkpath ?? '')]);
            entry.resume();
            return;
          }
          if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile')
            throw new ArchiveProblem(
              `${name}: is a ${entry.type === 'Link' ? 'hard link' : entry.type} entry; a module archive holds files, folders and links within itself only`,
            );
          unpacked += entry.size;
          if (unpacked > ARCHIVE_LIMITS.unpackedBytes)
            throw new ArchiveProblem(`the archive unpacks to more than ${ARCHIVE_LIMITS.unpackedBytes} bytes`);
          const chunks: Buffer[] = [];
          entry.on('data', (chunk: Buffer) => chunks.push(chunk));
          entry.on('end', () => {
            contents.files.set(name, Buffer.concat(chunks));
            const parent = path.posix.dirname(name);
            if (parent !== '.') addFolder(contents, parent);
          });
        } catch (error) {
          entry.resume();
          fail(error as Error);
        }
      },
    });
    parser.on('error', (error: Error & { code?: string }) =>
      fail(error instanceof ArchiveProblem ? error : new ArchiveProblem(brokenArchive(error))),
    );
    parser.on('end', () => {
      if (!failed) resolve();
    });
    parser.end(bytes);
  });
  for (const [name, target] of symlinks) {
    if (!contents.files.has(target) && !contents.folders.has(target))
      throw new ArchiveProblem(`${name}: is a link to ${target}, which the archive does not hold`);
    contents.links.set(name, target);
  }
  return contents;
}

/** A header's path made relative and `/`-separated; an absolute path or a `..` segment is refused. */
function entryPath(raw: string): string {
  if (raw.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(raw) || raw.startsWith('\\'))
    throw new ArchiveProblem(`${raw}: is an absolute path; entries of a module archive are relative to its root`);
  const segments = raw.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..'))
    throw new ArchiveProblem(`${raw}: has a ".." segment; entries of a module archive stay inside it`);
  return segments.join('/');
}

/** The archive path a symbolic link points at; one pointing out of the archive is refused. */
function linkTarget(name: string, linkpath: string): string {
  if (linkpath.startsWith('/'))
    throw new ArchiveProblem(`${name}: is a link to the absolute path ${linkpath}; links stay inside the archive`);
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(name), linkpath));
  if (target === '..' || target.startsWith('../'))
    throw new ArchiveProblem(`${name}: is a link to ${linkpath}, outside the archive; links stay inside it`);
  return target === '.' ? '' : target;
}

function addFolder(contents: ModuleFiles, folder: string): void {
  for (let f = folder; f !== '.' && !contents.folders.has(f); f = path.posix.dirname(f)) contents.folders.add(f);
}

/** What node-tar or zlib said of a broken archive, as a person reads it. */
function brokenArchive(error: Error & { code?: string }): string {
  if (error.code === 'Z_BUF_ERROR' || /unexpected end/i.test(error.message))
    return 'the archive is truncated: its gzip stream ends early';
  if (error.code?.startsWith('Z_')) return `the archive is not valid gzip data (${error.message})`;
  if (error.code === 'TAR_BAD_ARCHIVE' || error.code === 'TAR_ENTRY_INVALID')
    return `the archive is not a valid tar archive inside its gzip compression (${error.message.replace(/^TAR_\w+: /, '')})`;
  return `the archive cannot be read: ${error.message}`;
}
