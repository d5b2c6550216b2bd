import { chmod, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../../../ids';

/**
 * Where one run of the plugin happens: `<data dir>/terraform/runs/<run id>/` (mode 0700), with
 * the root module (`main.tf.json`), the CLI configuration (`terraform.rc`), the variables file
 * (`order.tfvars.json`, mode 0600: it holds secret attributes), a HOME of its own (`home/`),
 * the saved plan and Terraform's `.terraform/`. All of it is removed when the run ends: the
 * variables file, the saved plan and the CLI configuration hold secrets. Providers are cached
 * across runs in `<data dir>/terraform/plugin-cache/`.
 */
export class RunDirectory {
  private constructor(
    /** The working directory. */
    readonly dir: string,
  ) {}

  /**
   * A new, empty run directory under `dataDir`. Directories older than `staleAfterMs` (longer
   * than a run may last) are removed first: a server killed mid-run left them, variables file
   * and all.
   */
  static async create(dataDir: string, staleAfterMs: number): Promise<RunDirectory> {
    const runs = path.join(dataDir, 'terraform', 'runs');
    await mkdir(runs, { recursive: true, mode: 0o700 });
    await removeStale(runs, Date.now() - staleAfterMs);
    const dir = path.join(runs, newId());
    await mkdir(path.join(dir, 'home'), { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    return new RunDirectory(dir);
  }

  /** The providers' cache shared by the runs of a server. */
  static async pluginCache(dataDir: string): Promise<string> {
    const dir = path.join(dataDir, 'terraform', 'plugin-cache');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  get home(): string {
    return path.join(this.dir, 'home');
  }

  get cliConfigFile(): string {
    return path.join(this.dir, 'terraform.rc');
  }

  get varsFile(): string {
    return path.join(this.dir, 'order.tfvars.json');
  }

  get planFile(): string {
    return path.join(this.dir, 'run.tfplan');
  }

  /** Writes a file of the run, readable by the server's user only. */
  async write(file: string, content: string): Promise<void> {
    await writeFile(path.join(this.dir, file), content, { mode: 0o600 });
  }

  /** Removes the directory and everything in it. */
  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

/** Removes the run directories in `runs` last changed before `before` (ms since the epoch). */
async function removeStale(runs: string, before: number): Promise<void> {
  for (const name of await readdir(runs)) {
    const dir = path.join(runs, name);
    const changed = await stat(dir).then(
      (s) => s.mtimeMs,
      () => Infinity,
    );
    if (changed < before) await rm(dir, { recursive: true, force: true });
  }
}
