/**
 * The provider as a Node single executable application (Node 20's "Single executable
 * applications" docs): one CommonJS bundle of the provider and every package it uses (a single
 * executable's `require()` loads only built-in modules), made into a preparation blob by
 * `node --experimental-sea-config`, and injected with postject into a copy of a node binary of
 * the target platform. Terraform then runs it with no Node installed: the executable IS node.
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { hostPlatform, platformName, type TerraformPlatform } from './platforms';

/** The fuse node checks to know a blob was injected (Node's docs name it; postject flips it). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** The resource name node looks the blob up by, and the Mach-O segment it must be in on macOS. */
const SEA_RESOURCE = 'NODE_SEA_BLOB';
const MACHO_SEGMENT = 'NODE_SEA';

export interface SingleExecutableOptions {
  /** The bundle to embed: bundleAll(release/sea-entry.ts) (scripts/build.js). */
  bundle: string;
  /** A node binary of `platform`, e.g. Node's official one for it; this machine's `process.execPath` for its own. */
  nodeBinary: string;
  platform: TerraformPlatform;
  /** Where the executable is written. */
  output: string;
  /**
   * What the blob holds to start faster: a start-up snapshot of the loaded provider (default; the
   * fastest launch, bench/README.md "Provider single executable"), V8's code cache of the script,
   * or none. Only for a binary this machine runs: a snapshot (as a code cache) is made by and for
   * the exact node binary that runs it; a binary of another platform always gets `none`.
   */
  startUp?: StartUp;
}

export type StartUp = 'snapshot' | 'code-cache' | 'none';

export interface SingleExecutable {
  path: string;
  /** What the blob holds beside the script (`none` for a binary of another platform). */
  startUp: StartUp;
}

/** Whether this machine can run `nodeBinary`: it is of the host's platform. */
const runsHere = (platform: TerraformPlatform): boolean => platformName(platform) === platformName(hostPlatform());

/**
 * Makes the executable. The blob is made by the target binary itself when it runs here (so a
 * snapshot matches it exactly), otherwise by this node with neither snapshot nor code cache, as
 * Node's docs ask for a blob meant for another platform (same Node version expected).
 */
export async function buildSingleExecutable(options: SingleExecutableOptions): Promise<SingleExecutable> {
  const native = runsHere(options.platform);
  const startUp: StartUp = native ? (options.startUp ?? 'snapshot') : 'none';
  const work = mkdtempSync(join(tmpdir(), 'mercato-sea-'));
  try {
    const blob = join(work, 'sea-prep.blob');
    const config = join(work, 'sea-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        main: resolve(options.bundle),
        output: blob,
        disableExperimentalSEAWarning: true,
        useSnapshot: startUp === 'snapshot',
        useCodeCache: startUp === 'code-cache',
      }),
    );
    const generator = native ? options.nodeBinary : process.execPath;
    await promisify(execFile)(generator, ['--experimental-sea-config', config], { cwd: work }).catch((error) => {
      throw new Error(
        `${generator} --experimental-sea-config failed: ${(error as { stderr?: string }).stderr || error.message}`,
      );
    });
    const output = resolve(options.output);
    // A copy, never the binary itself; realpath: /usr/bin/node may be a link.
    copyFileSync(realpathSync(options.nodeBinary), output);
    chmodSync(output, 0o755);
    await injectBlob(output, readFileSync(blob), options.platform);
    return { path: output, startUp };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type Inject = (
  file: string,
  name: string,
  data: Buffer,
  options: { sentinelFuse: string; machoSegmentName?: string; overwrite?: boolean },
) => Promise<void>;

/**
 * postject's API. LIEF's warnings about the ELF's note sections ("Can't find string offset"),
 * which are harmless (the result runs), are left out. A macOS binary is left with a broken code
 * signature, which must be signed again on a Mac (`codesign --sign - <file>`) before it runs there.
 */
async function injectBlob(file: string, blob: Buffer, platform: TerraformPlatform): Promise<void> {
  const { inject }: { inject: Inject } = require('postject');
  // postject's LIEF reports each note section of node's ELF it cannot name, through console.warn.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!/Can't find string offset for section name/.test(String(args[0]))) warn(...args);
  };
  try {
    await inject(file, SEA_RESOURCE, blob, {
      sentinelFuse: SEA_FUSE,
      ...(platform.os === 'darwin' ? { machoSegmentName: MACHO_SEGMENT } : {}),
      overwrite: true,
    });
  } finally {
    console.warn = warn;
  }
}
