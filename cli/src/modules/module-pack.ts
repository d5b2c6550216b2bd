import fs from 'node:fs';
import path from 'node:path';
import { CliError } from '../cli-error';

/**
 * A module folder packed as the registry takes it: a gzip-compressed tar (node-tar) of the
 * folder's contents, paths relative to the folder, leaving out what belongs to a working copy
 * and never to a module: Terraform's working directory (.terraform/), state files (*.tfstate,
 * *.tfstate.backup, *.tfstate.*), and version control (.git/).
 */

/** Why a path inside the folder is left out, or undefined when it is packed. */
function leftOut(relative: string): string | undefined {
  const parts = relative.split(/[\\/]/);
  if (parts.includes('.terraform')) return "Terraform's working directory";
  if (parts.includes('.git')) return 'version control';
  if (/\.tfstate($|\.)/.test(parts[parts.length - 1])) return 'Terraform state';
  return undefined;
}

/** The folder's .tar.gz; a CliError when it is no folder. */
export async function packModule(dir: string): Promise<Buffer> {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new CliError(`${dir}: no such folder`);
  if (!stat.isDirectory()) throw new CliError(`${dir}: is not a folder; give the module's folder`);
  const top = fs
    .readdirSync(dir)
    .filter((name) => leftOut(name) === undefined)
    .sort();
  if (top.length === 0) throw new CliError(`${dir}: the folder is empty`);
  const tar: typeof import('tar') = require('tar');
  const chunks: Buffer[] = [];
  const stream = tar.create(
    {
      gzip: true,
      cwd: dir,
      portable: true,
      filter: (entry: string) => leftOut(path.relative(dir, path.resolve(dir, entry))) === undefined,
    },
    top,
  );
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
