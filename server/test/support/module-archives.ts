import { gzipSync } from 'node:zlib';

/**
 * Module archives for tests, written byte by byte (POSIX ustar headers, then gzip), so that a
 * test controls every entry exactly, including those a tar library would refuse to write: `..`
 * segments, absolute paths, links out of the archive.
 */
export interface TarEntry {
  name: string;
  /** A file's content; omitted for folders and links. */
  body?: string;
  /** `file` (default), `dir`, `symlink` or `hardlink`. */
  type?: 'file' | 'dir' | 'symlink' | 'hardlink';
  /** A link's target. */
  linkname?: string;
}

const TYPE_FLAGS = { file: '0', hardlink: '1', symlink: '2', dir: '5' } as const;

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(512);
  const put = (text: string, offset: number, length: number) => block.write(text, offset, length, 'utf8');
  const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, '0')}\0`;
  put(entry.name, 0, 100);
  put(octal(entry.type === 'dir' ? 0o755 : 0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(1700000000, 12), 136, 12);
  put('        ', 148, 8);
  put(TYPE_FLAGS[entry.type ?? 'file'], 156, 1);
  put(entry.linkname ?? '', 157, 100);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return block;
}

/** A .tar.gz of these entries, in this order. */
export function tarGz(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '');
    blocks.push(header(entry, body.length), body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** A .tar.gz of a module's files (path -> content). */
export function moduleArchive(files: Record<string, string>): Buffer {
  return tarGz(Object.entries(files).map(([name, body]) => ({ name, body })));
}
