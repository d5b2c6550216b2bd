import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The real Terraform CLI. */
const TERRAFORM = '/usr/local/bin/terraform';

/** A closed local port: any attempt to reach the Internet through the proxy fails at once. */
const NO_NETWORK = 'http://127.0.0.1:9';

export interface TerraformRun {
  code: number;
  /** stdout and stderr together, as a person sees them, without colors. */
  output: string;
}

/**
 * A fresh HOME for the real Terraform CLI, with a CLI configuration file of its own (empty unless
 * written), trusting the test server's CA (`SSL_CERT_FILE`, which Go reads) and with no network
 * but 127.0.0.1: what a CI job that installs modules from Mercato has.
 */
export class TerraformHome {
  readonly root = mkdtempSync(join(tmpdir(), 'mercato-registry-tf-'));
  readonly home = join(this.root, 'home');
  readonly cliConfig = join(this.root, 'terraform.rc');

  constructor(private readonly caFile: string) {
    mkdirSync(this.home);
    writeFileSync(this.cliConfig, '');
  }

  /** Writes the CLI configuration, e.g. a `credentials "<host>" { token = "..." }` block. */
  configure(text: string): void {
    writeFileSync(this.cliConfig, text);
  }

  /** A configuration folder with these files (name -> content). */
  configuration(name: string, files: Record<string, string>): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
    return dir;
  }

  env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.home,
      TF_CLI_CONFIG_FILE: this.cliConfig,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      SSL_CERT_FILE: this.caFile,
      HTTPS_PROXY: NO_NETWORK,
      HTTP_PROXY: NO_NETWORK,
      NO_PROXY: '127.0.0.1,localhost',
    };
  }

  /** `terraform <args> -no-color` in `dir`; a failure is a result, never a rejection. */
  terraform(dir: string, args: string[]): Promise<TerraformRun> {
    return new Promise((resolve) =>
      execFile(TERRAFORM, [...args, '-no-color'], { cwd: dir, env: this.env() }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
      ),
    );
  }

  /** `terraform <args>` that must succeed: its output. */
  async expectSuccess(dir: string, args: string[]): Promise<string> {
    const run = await this.terraform(dir, args);
    if (run.code !== 0) throw new Error(`terraform ${args.join(' ')} failed (exit ${run.code}):\n${run.output}`);
    return run.output;
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Terraform wraps diagnostics at 78 columns: text with runs of white space made one space. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');
