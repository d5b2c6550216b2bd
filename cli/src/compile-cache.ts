/**
 * Node 20's stand-in for `module.enableCompileCache()` (Node 22.1+), for the CLI's own bundles
 * (lib/ and lib/node_modules/): the code V8 compiled for a bundle, including the functions the
 * command ran, is kept in a file and given back to V8 on the next run, which then skips parsing
 * and compiling it: `mercato get offerings` ~2.8x -> ~2.2x a bare `node -e 0` (bench/README.md).
 * v8-compile-cache, the package for this, gained nothing measurable there: it keeps only what V8
 * compiles before a module runs, and loads node:crypto (~3 ms) to name its files.
 *
 * A cache file is written at exit when it was missing, made for another build of the bundle, or
 * refused by V8 (another Node). V8 checks only the source's length and trusts the data it is given,
 * so each file starts with the bundle's identity (size, inode, mtime and ctime in nanoseconds): any
 * write to the bundle changes its ctime, which no tool sets back (`cp -a`, `touch -r` and npm's
 * fixed tarball mtimes do not), and a bundle rebuilt since is compiled afresh. Hashing the content
 * instead costs 3-6 ms a run (a JS hash, or loading node:zlib or node:crypto), more than it saves.
 *
 * Files go to `$XDG_CACHE_HOME/mercato/compile-cache/<node version>-<arch>` (`~/.cache` without
 * XDG_CACHE_HOME), one per bundle path, in a directory made for its user only; a directory that
 * another user owns or may write is not read (its files would run as this user's code).
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as it does Node's, and so do source maps
 * (`--enable-source-maps`), which V8 cannot apply to code it did not compile from the file. Any
 * failure to read or write the cache only means compiling as usual.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** The bundles whose code is kept: this file's directory (lib/) and below. */
const LIB = __dirname + path.sep;
/** The bundle's identity before V8's data in a cache file: size, inode, mtime and ctime (ns), four uint64s. */
const IDENTITY = ['size', 'ino', 'mtimeNs', 'ctimeNs'] as const;
const HEADER_BYTES = IDENTITY.length * 8;

interface Compiled {
  script: vm.Script;
  cacheFile: string;
  header: Buffer;
}

/** Installs the cache for the bundles loaded from now on; nothing when NODE_DISABLE_COMPILE_CACHE is set. */
export function keepCompiledCode(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE || process.sourceMapsEnabled) return;
  const dir = cacheDirectory();
  if (!dir || !isOwnOrMissing(dir)) return;
  const toWrite: Compiled[] = [];
  const prototype = Module.prototype as CompilingModule;
  const compile = prototype._compile;
  prototype._compile = function (this: Module, content: string, filename: string) {
    if (!filename.startsWith(LIB)) return compile.call(this, content, filename);
    const compiled = compileWithCache(content, filename, dir);
    if (compiled.needsWriting) toWrite.push(compiled);
    const run = compiled.script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
    return run.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once('exit', () => toWrite.forEach(writeCache));
}

/** Node's internal that compiles and runs a CommonJS module's source: what code caches and ts-node hook. */
interface CompilingModule extends Module {
  _compile(content: string, filename: string): unknown;
}

type ModuleWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => unknown;

/** None without a home directory (a container's user with no passwd entry and no HOME); a relative XDG_CACHE_HOME is ignored, as XDG says. */
function cacheDirectory(): string | undefined {
  const xdg = process.env.XDG_CACHE_HOME;
  let base: string;
  try {
    base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  } catch {
    return undefined;
  }
  return path.join(base, 'mercato', 'compile-cache', `${process.version}-${process.arch}`);
}

/**
 * Whether the directory is this user's alone, or not made yet (it is made with mode 0700). Where
 * there are no user ids (Windows), the user's profile is taken as theirs.
 */
function isOwnOrMissing(dir: string): boolean {
  let stats: fs.Stats;
  try {
    stats = fs.lstatSync(dir);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  const uid = process.getuid?.();
  return stats.isDirectory() && (uid === undefined || (stats.uid === uid && (stats.mode & 0o022) === 0));
}

/** The bundle compiled, with V8's data from its cache file when that file was made for this build of it. */
function compileWithCache(content: string, filename: string, dir: string): Compiled & { needsWriting: boolean } {
  const header = bundleHeader(filename);
  const cacheFile = path.join(dir, cacheFileName(filename));
  const cachedData = readCache(cacheFile, header);
  const script = new vm.Script(Module.wrap(content), {
    filename,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  return { script, cacheFile, header, needsWriting: !cachedData || script.cachedDataRejected === true };
}

/** `<install>/lib/node_modules/axios/index.js` -> `node_modules_axios_index.js-1a2b3c4d.cache`, named apart per install. */
function cacheFileName(filename: string): string {
  const name = path.relative(LIB, filename).replace(/[^\w.-]/g, '_');
  return `${name}-${fnv1a(filename).toString(16).padStart(8, '0')}.cache`;
}

/** 32-bit FNV-1a of a string's UTF-16 code units: a short name for a path, not a checksum. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function bundleHeader(filename: string): Buffer {
  const stats = fs.statSync(filename, { bigint: true });
  const header = Buffer.alloc(HEADER_BYTES);
  IDENTITY.forEach((field, i) => header.writeBigUInt64LE(stats[field], i * 8));
  return header;
}

function readCache(cacheFile: string, header: Buffer): Buffer | undefined {
  try {
    const data = fs.readFileSync(cacheFile);
    return data.subarray(0, HEADER_BYTES).equals(header) ? data.subarray(HEADER_BYTES) : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all: another `mercato` may be reading the file now. */
function writeCache({ script, cacheFile, header }: Compiled): void {
  const partial = `${cacheFile}.${process.pid}`;
  quietly(() => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(partial, Buffer.concat([header, script.createCachedData()]), { mode: 0o600 });
    fs.renameSync(partial, cacheFile);
  });
  quietly(() => fs.rmSync(partial, { force: true }));
}

function quietly(work: () => void): void {
  try {
    work();
  } catch {
    // Only a cache: the next run compiles as this one did.
  }
}
