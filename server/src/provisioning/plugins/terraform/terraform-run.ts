import type { Db } from '../../../db/database';
import type { StoredSecret } from '../../../orders/secret-attributes';
import type { KeyedSemaphore } from '../../keyed-semaphore';
import type { PlanSummary, RunLog } from '../../plugin';
import { cliConfiguration } from './cli-configuration';
import { clearDeadRuns } from './dead-runs';
import { resourceStateName } from '../../../terraform-state/state-access';
import { RunSecrets } from './masking';
import { splitOutputs } from './module-outputs';
import { streamedPlanSummary, type PlanJson } from './plan-summary';
import { readRunState } from './run-state';
import { inputValues, rootModule } from './root-module';
import { loadSubject, RunRefused, type RunSubject } from './run-subject';
import { issueRunToken, type RunToken } from './run-token';
import { failureText, findExecutable, renderOutput, runTerraform, type TerraformResult } from './terraform-process';
import { RunDirectory } from './working-directory';

/** What the plugin needs of the server it runs in. */
export interface RunSettings {
  /** The server's HTTPS listener once it listens (`app.httpsAddress`): Terraform reaches the registry and the state backend there. */
  httpsAddress: () => { url: string; port: number; caFile?: string } | undefined;
  /** The server's database: modules, resources, run tokens. */
  db: Db;
  /** The server's data directory (MERCATO_DATA_DIR): runs happen in `<dataDir>/terraform/runs/`. Undefined without HTTPS. */
  dataDir?: string;
  /** The Terraform CLI (MERCATO_TERRAFORM_BIN): a path, or a name looked up on PATH. Default `terraform`. */
  bin?: string;
  /** The operator's CLI configuration file (MERCATO_TERRAFORM_CLI_CONFIG), e.g. its `provider_installation`; see cli-configuration.ts. */
  cliConfigFile?: string;
  /** Seconds one run (init to apply) may take before it is stopped and its order erred. Default 3600. */
  runTimeoutSeconds?: number;
}

/** What a run is about: an order's (provision, plan) or a resource's as it is (pull). */
export interface RunRequest {
  resourceId: string;
  offeringOptions: Record<string, unknown>;
  /** The order carried out, if any. */
  orderId?: string;
  /** It applies the order (not a preview or a pull): it locks the state, once dead runs' locks are cleared (dead-runs.ts). */
  applies?: boolean;
  /** The module version: the order's; undefined: the resource's. */
  version?: string;
  /** The module's inputs, secret ones whole. */
  attributes: Record<string, unknown>;
  /** The secret attributes of the order and the resource, masked in what the run writes. */
  secrets: StoredSecret[];
  log?: RunLog;
}

/** A run that failed: Terraform's message (secrets masked) and the plan it was carrying out, if it had one. */
export class RunFailed extends Error {
  constructor(
    message: string,
    readonly plan?: PlanSummary,
  ) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_SECONDS = 3600;

/**
 * One run of Terraform for a resource: its working directory, root module, variables, CLI
 * configuration and run token, made by `start`, removed by `end`; `terraform` runs each step
 * there, writes its output (secrets masked) to the order's log, and throws RunFailed with
 * Terraform's own message when it fails.
 */
export class TerraformRun {
  private constructor(
    readonly subject: RunSubject,
    /** The state's name in the project's backend. */
    readonly stateName: string,
    private readonly directory: RunDirectory,
    private readonly db: Db,
    private readonly token: RunToken,
    private readonly env: NodeJS.ProcessEnv,
    private readonly bin: string,
    readonly secrets: RunSecrets,
    private readonly signal: AbortSignal,
    private readonly timeoutSeconds: number,
    private readonly log?: RunLog,
  ) {}

  /** Prepares a run; throws RunFailed (nothing left behind) when it cannot start. */
  static async start(settings: RunSettings, request: RunRequest, signal: AbortSignal): Promise<TerraformRun> {
    const https = settings.httpsAddress();
    if (!https || !settings.dataDir)
      throw new RunFailed(
        "the terraform plugin needs the server's HTTPS listener (MERCATO_HTTPS_PORT): Terraform installs modules from Mercato's registry and keeps the state in its backend over HTTPS",
      );
    const wanted = settings.bin ?? 'terraform';
    const bin = findExecutable(wanted);
    if (!bin)
      throw new RunFailed(
        `the terraform plugin needs the Terraform CLI: ${settings.bin ? `MERCATO_TERRAFORM_BIN names ${settings.bin}, which is not an executable file` : "no terraform on the server's PATH; install it or set MERCATO_TERRAFORM_BIN to its path"}`,
      );
    let subject: RunSubject;
    try {
      subject = await loadSubject(
        settings.db,
        request.offeringOptions,
        request.resourceId,
        request.orderId,
        request.version,
      );
    } catch (error) {
      if (error instanceof RunRefused) throw new RunFailed(error.message);
      throw error;
    }
    const { values, set, ignored } = inputValues(request.attributes, subject.metadata.inputs);
    const secrets = new RunSecrets().add(
      request.secrets.map((s) => s.value),
      set.filter((input) => input.sensitive).map((input) => values[input.name]),
      subject.priorSecretOutputs,
    );
    const timeoutSeconds = settings.runTimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const registryHost = `127.0.0.1:${https.port}`;
    const stateName = resourceStateName(request.resourceId);
    if (request.applies && request.orderId) {
      const start = { orderId: request.orderId, resourceId: request.resourceId, projectId: subject.projectId };
      const released = await clearDeadRuns(settings.db, { ...start, stateName, userId: subject.userId });
      if (released)
        await request.log?.write(
          'init',
          `Released the lock on ${stateName} that a run stopped by a server's death held.\n`,
        );
    }
    const token = await issueRunToken(settings.db, {
      orderId: request.orderId ?? null,
      resourceId: request.resourceId,
      projectId: subject.projectId,
      stateName,
      moduleId: subject.module.id,
      userId: subject.userId,
      lifetimeSeconds: timeoutSeconds + 300,
    });
    secrets.add(token.token);
    let directory: RunDirectory | undefined;
    try {
      directory = await RunDirectory.create(settings.dataDir, (timeoutSeconds + 300) * 1000);
      const root = rootModule({
        registryHost,
        module: subject.modulePath,
        version: subject.version,
        inputs: set,
        outputs: subject.metadata.outputs,
        stateAddress: `https://${registryHost}/api/v1/projects/${subject.projectId}/terraform-states/${stateName}`,
      });
      await directory.write('main.tf.json', `${JSON.stringify(root, null, 2)}\n`);
      await directory.write('order.tfvars.json', JSON.stringify(values));
      await directory.write(
        'terraform.rc',
        await cliConfiguration({
          registryHost,
          token: token.token,
          pluginCacheDir: await RunDirectory.pluginCache(settings.dataDir),
          operatorFile: settings.cliConfigFile,
        }),
      );
      const env = runEnvironment(directory, token.token, https.caFile);
      const run = new TerraformRun(
        subject,
        stateName,
        directory,
        settings.db,
        token,
        env,
        bin,
        secrets,
        AbortSignal.any([signal, AbortSignal.timeout(timeoutSeconds * 1000)]),
        timeoutSeconds,
        request.log,
      );
      if (ignored.length)
        await run.write(
          'init',
          `Not inputs of module ${subject.modulePath} ${subject.version}, left out: ${ignored.join(', ')}\n`,
        );
      return run;
    } catch (error) {
      await directory?.remove();
      await token.revoke();
      // The working directory or the operator's CLI configuration: the order errs saying which.
      throw error instanceof RunFailed ? error : new RunFailed((error as Error).message);
    }
  }

  /** Writes to the order's log, secrets masked. A log that cannot be written does not fail the run. */
  async write(step: string, text: string): Promise<void> {
    try {
      await this.log?.write(step, this.secrets.mask(text));
    } catch {
      // The log is for people reading it later; the run's outcome does not depend on it.
    }
  }

  /**
   * Runs `terraform <args>` as step `step`; its output goes to the log unless `quiet` (commands
   * whose output holds values: `show -json`). Throws RunFailed when it fails, with the plan it was
   * carrying out (`plan`, or the one it printed).
   */
  async terraform(
    step: string,
    args: string[],
    options: { quiet?: boolean; plan?: PlanSummary } = {},
  ): Promise<TerraformResult> {
    const result = await runTerraform([...args, '-no-color'], {
      bin: this.bin,
      cwd: this.directory.dir,
      env: this.env,
      signal: this.signal,
    });
    if (!options.quiet || result.code !== 0)
      await this.write(step, options.quiet ? result.stderr : renderOutput(result));
    const plan = options.plan ?? streamedPlanSummary(result.messages);
    if (result.stopped)
      throw new RunFailed(
        this.signal.reason instanceof DOMException && this.signal.reason.name === 'TimeoutError'
          ? `terraform ${step} was stopped: the run took longer than ${this.timeoutSeconds} s`
          : `terraform ${step} was stopped: the server is stopping`,
        plan,
      );
    if (result.code !== 0)
      throw new RunFailed(this.secrets.mask(`terraform ${step} failed: ${failureText(result)}`).slice(0, 8000), plan);
    return result;
  }

  /**
   * `terraform init`: the module from Mercato's registry, its providers, the backend. One init at
   * a time per server process (`inits`): Terraform's plugin cache, shared by the runs, is not safe
   * for concurrent installs.
   */
  async init(inits: KeyedSemaphore): Promise<void> {
    const release = await inits.acquire('plugin-cache', 1, this.signal);
    try {
      await this.terraform('init', ['init', '-input=false', '-json']);
    } finally {
      release();
    }
  }

  /**
   * Plans and applies in one `terraform apply -auto-approve` with these extra flags (`-destroy`):
   * what it applied is what it planned, and one process fewer than a saved plan. Answers the
   * plan's summary, from the messages it printed.
   */
  async apply(extra: string[] = []): Promise<PlanSummary> {
    const result = await this.terraform('apply', [
      'apply',
      '-auto-approve',
      '-input=false',
      '-json',
      `-var-file=${this.directory.varsFile}`,
      ...extra,
    ]);
    return streamedPlanSummary(result.messages)!;
  }

  /** What `terraform plan` with these extra flags would do, from the messages it printed; nothing applied. */
  async preview(extra: string[] = []): Promise<PlanSummary> {
    const result = await this.terraform('plan', [
      'plan',
      '-input=false',
      '-json',
      `-var-file=${this.directory.varsFile}`,
      ...extra,
    ]);
    return streamedPlanSummary(result.messages)!;
  }

  /** A saved plan (`plan -out`) with these extra flags, and what `show -json` reads of it (drift, refreshed values). */
  async savedPlan(extra: string[]): Promise<PlanJson> {
    await this.terraform('plan', [
      'plan',
      '-input=false',
      '-json',
      `-out=${this.directory.planFile}`,
      `-var-file=${this.directory.varsFile}`,
      ...extra,
    ]);
    const shown = await this.terraform('show', ['show', '-json', this.directory.planFile], { quiet: true });
    return JSON.parse(shown.stdout) as PlanJson;
  }

  /**
   * What the apply left in the resource's state: the root outputs (the module's) split into
   * outputs and secret outputs, secret ones masked from now on, and the resource instances.
   */
  async appliedState() {
    const state = await readRunState(this.db, this.subject.projectId, this.stateName);
    const split = splitOutputs(state.outputs);
    this.secrets.add(split.secret_outputs);
    return { ...split, resources: state.resources };
  }

  /** Removes the working directory (variables, plan, CLI configuration) and deletes the run token. */
  async end(): Promise<void> {
    await this.directory.remove();
    await this.token.revoke();
  }
}

/**
 * The environment Terraform runs with: nothing of the server's own (database URL, admin token)
 * but PATH (for provisioners) and proxy settings (for a network mirror); a HOME and a CLI
 * configuration of the run's own; the run token for the http backend; no prompts; no checkpoint
 * calls; the server's CA when it made its own (Go still reads the system's certificates too).
 */
function runEnvironment(directory: RunDirectory, token: string, caFile: string | undefined): NodeJS.ProcessEnv {
  const passed = ['PATH', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
  return {
    ...Object.fromEntries(
      passed.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]),
    ),
    HOME: directory.home,
    TF_CLI_CONFIG_FILE: directory.cliConfigFile,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    TF_HTTP_USERNAME: 'terraform-run',
    TF_HTTP_PASSWORD: token,
    ...(caFile && { SSL_CERT_FILE: caFile }),
  };
}
