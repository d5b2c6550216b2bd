/** Synthesizes the example app (examples/cdktf) as `cdktf synth` would: the app run as its own process. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSTRUCTS, REPO } from './build';

export const EXAMPLE_APP = join(REPO, 'examples/cdktf/main.ts');

export type Flavour = 'cdktf' | 'cdktn';

export interface Synthesized {
  /** The project directory the app ran in. */
  project: string;
  /** Its cdktf.out. */
  outdir: string;
  /**
   * Each stack's cdk.tf.json, parsed, by stack name, with the project directory written as
   * `<project>` (cdktf's default local backend keeps state there by absolute path).
   */
  stacks: Record<string, Record<string, any>>;
}

/**
 * Makes `cdktf` resolve to `cdktn` and `@mercato/cdktf` to the library's cdktn flavour
 * (dist/cdktn), so the same app source runs on CDK Terrain.
 */
function cdktnHook(dir: string): string {
  const file = join(dir, 'cdktn-hook.js');
  const targets = {
    cdktf: require.resolve('cdktn', { paths: [REPO] }),
    '@mercato/cdktf': join(CONSTRUCTS, 'dist/cdktn/lib/index.js'),
  };
  writeFileSync(
    file,
    `const Module = require('module');
const targets = ${JSON.stringify(targets)};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, targets[request] ?? request, ...rest);
};
`,
  );
  return file;
}

/**
 * Each stack's cdk.tf.json, parsed; none for a synthesis to HCL (`cdk.tf`). With `project`, that
 * directory is written as `<project>` so the JSON does not depend on where synth ran.
 */
export function readStacks(outdir: string, project?: string): Record<string, Record<string, any>> {
  const stacksDir = join(outdir, 'stacks');
  const files = readdirSync(stacksDir)
    .map((name) => [name, join(stacksDir, name, 'cdk.tf.json')])
    .filter(([, file]) => existsSync(file));
  const read = (file: string) => {
    const json = readFileSync(file, 'utf8');
    return JSON.parse(project ? json.replaceAll(JSON.stringify(project).slice(1, -1), '<project>') : json);
  };
  return Object.fromEntries(files.map(([name, file]) => [name, read(file)]));
}

/** Runs a CDKTF app file (TypeScript, through tsx) into a fresh outdir. */
export function synthApp(app: string, flavour: Flavour = 'cdktf', env: NodeJS.ProcessEnv = {}): Promise<Synthesized> {
  // As in a project: cdktf.out beside where the app runs, which keeps the stacks' state.
  const project = mkdtempSync(join(tmpdir(), `mercato-synth-${flavour}-`));
  const outdir = join(project, 'cdktf.out');
  const hooks = ['-r', require.resolve('tsx/cjs', { paths: [REPO] })];
  if (flavour === 'cdktn') hooks.push('-r', cdktnHook(project));
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [...hooks, app],
      { cwd: project, env: { ...process.env, ...env, CDKTF_OUTDIR: outdir } },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`synth of ${app} (${flavour}) failed: ${stderr || error.message}`));
        else resolvePromise({ project, outdir, stacks: readStacks(outdir, project) });
      },
    );
  });
}
