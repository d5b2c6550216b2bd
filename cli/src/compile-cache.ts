/**
 * Node 20's stand-in for `module.enableCompileCache()` (Node 22.1+), for the CLI's own bundles
 * (lib/ and lib/node_modules/): the code V8 compiled for a bundle, including the functions the
 * command ran, is kept in a file and given back to V8 on the next run, which then skips parsing
 * and compiling it: `mercato get offerings` ~2.8x -> ~2.2x a bare `node -e 0` (bench/README.md).
 * v8-compile-cache, the package for this, gained nothing measurable there: it keeps only what V8
 * compiles before a module runs, and loads node:crypto (~3 ms) to name its files.
 *
 * A cache file is written at exit when it was missing, made for another build of the bundle, or
 * refused by V8 (another Node). V8 itself checks only the source's length, so each file starts
 * with the bundle's size and modification time, and a bundle rebuilt since is compiled afresh.
 * Files go to `$XDG_CACHE_HOME/mercato/compile-cache/<node version>-<arch>` (`~/.cache` without
 * XDG_CACHE_HOME), made readable and writable by its user only. `NODE_DISABLE_COMPILE_CACHE=1` turns it
 * off, as it does Node's. Any failure to read or write the cache only means compiling as usual.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** The bundles whose code is kept: this file's directory (lib/) and below. */
const LIB = __dirname + path.sep;
/** Bytes before V8's data in a cache file: the bundle's size and mtime (ms), two float64s. */
const HEADER_BYTES = 16;

interface Compiled {
  script: vm.Script;
  cacheFile: string;
  header: Buffer;
}

/** Installs the cache for the bundles loaded from now on; nothing when NODE_DISABLE_COMPILE_CACHE is set. */
export function keepCompiledCode(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const dir = cacheDirectory();
  if (!dir) return;
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

/** The bundle compiled, with V8's data from its cache file when that file was made for this build of it. */
function compileWithCache(content: string, filename: string, dir: string): Compiled & { needsWriting: boolean } {
  const header = bundleHeader(filename);
  const cacheFile = path.join(dir, `${path.relative(LIB, filename).replace(/[^\w.-]/g, '_')}.cache`);
  const cachedData = readCache(cacheFile, header);
  const script = new vm.Script(Module.wrap(content), {
    filename,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  return { script, cacheFile, header, needsWriting: !cachedData || script.cachedDataRejected === true };
}

function bundleHeader(filename: string): Buffer {
  const { size, mtimeMs } = fs.statSync(filename);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeDoubleLE(size, 0);
  header.writeDoubleLE(mtimeMs, 8);
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
