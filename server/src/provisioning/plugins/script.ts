import { MANAGEMENT_ACTIONS, type OrderType } from '../../orders/order-states';
import { redactSecrets, secretTexts, type StoredSecret } from '../../orders/secret-attributes';
import { KeyedSemaphore } from '../keyed-semaphore';
import type {
  PluginOffering,
  PluginResource,
  ProvisioningJob,
  ProvisioningOutcome,
  ProvisioningPlugin,
  PullResult,
} from '../plugin';
import { runCommand, type CommandResult } from './script-command';
import { parsePull, parseReport } from './script-output';

/**
 * The `script` plugin: each order runs a command the provider names in the offering's
 * `plugin_options`, with the order as JSON on stdin, and takes what it prints on stdout.
 */

const DEFAULT_TIMEOUT_SECONDS = 600;
const DEFAULT_MAX_CONCURRENCY = 4;
const MAX_STDOUT_BYTES = 1024 * 1024;
const STDERR_TAIL_BYTES = 4096;

/** The commands an offering names: one per order type, and `pull`. */
type CommandName = OrderType | 'pull';

const argv = (description: string) => ({
  type: 'array',
  description: `${description} An argv array, run without a shell: argv[0] is an absolute path or a program name found on PATH (/usr/local/bin:/usr/bin:/bin); the rest are its arguments as they are. No secret belongs here: secrets go in \`secret_options\`, which the command reads on stdin.`,
  minItems: 1,
  maxItems: 256,
  items: [{ type: 'string', minLength: 1, maxLength: 4096, pattern: '^(/|[^/]+$)' }],
  additionalItems: { type: 'string', maxLength: 65536 },
});

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['create', 'update', 'terminate'],
  properties: {
    create: argv('Creates the resource; prints its `backend_id`, `outputs`, `secret_outputs` and `state`.'),
    update: argv('Changes the resource to the order’s plan, version, attributes and limits.'),
    terminate: argv('Removes the resource from the backend.'),
    pull: argv(
      'Optional. Reports what the backend has of the resource now: the report of the others plus `usage` (amounts by component type since the start of the month, UTC), or `{"missing": true, "reason": "..."}` when the backend lost it.',
    ),
    pause: argv('Optional. Pauses the resource; without it the offering’s resources cannot be paused.'),
    resume: argv('Optional. Resumes a paused resource; without it the offering’s resources cannot be resumed.'),
    restart: argv('Optional. Restarts the resource; without it the offering’s resources cannot be restarted.'),
    timeout_seconds: {
      type: 'integer',
      minimum: 1,
      maximum: 86400,
      default: DEFAULT_TIMEOUT_SECONDS,
      description: `Seconds a command may run; then its process group gets SIGTERM, SIGKILL a few seconds later, and the order is erred. Default ${DEFAULT_TIMEOUT_SECONDS}.`,
    },
    max_concurrency: {
      type: 'integer',
      minimum: 1,
      maximum: 256,
      default: DEFAULT_MAX_CONCURRENCY,
      description: `Commands of this offering that run at once on one server process (pulls included); more wait their turn. Default ${DEFAULT_MAX_CONCURRENCY}. Each server replica counts its own.`,
    },
  },
};

const DESCRIPTION = [
  'Runs the provider’s commands: `plugin_options.create`, `update` and `terminate` (and `pull`, `pause`, `resume`, `restart` when given) are argv arrays run without a shell.',
  'A command gets a clean environment (PATH, LANG=C.UTF-8, and HOME: a fresh temporary directory, also its working directory, removed afterwards) and on stdin one JSON object:',
  '`{"order": {id, type, attributes, limits, plan_id, version, attempts}, "resource": {id, name, backend_id, attributes, limits, outputs, backend_state, state}, "offering": {id, slug, plugin_options}, "secret_options": {...}}`',
  '(a pull gets the same without `order`). Secrets (secret attributes, `secret_options`) come only on stdin, never in argv or the environment.',
  'On success it prints one JSON object on stdout, each field optional: `{"backend_id": "...", "outputs": {...}, "secret_outputs": {...}, "state": {...}}`; `state` is kept as the resource’s `backend_state` and given back next time. Empty stdout reports nothing.',
  'A non-zero exit, a signal, bad stdout, more than 1 MiB of stdout or the timeout (`timeout_seconds`, default 600) makes the order erred, with the end of stderr (secret values masked) as the reason.',
  'At most `max_concurrency` (default 4) commands of an offering run at once on each server process.',
].join(' ');

/** How the plugin runs commands on this server. */
export interface ScriptPluginSettings {
  /** The commands' PATH. Default `/usr/local/bin:/usr/bin:/bin`. */
  searchPath?: string;
  /** Milliseconds from SIGTERM to SIGKILL when a command is stopped. Default 5000. */
  killGraceMs?: number;
}

/** The value of a command's JSON field on stdin. */
type Stdin = Record<string, unknown>;

/** The `script` plugin; the registry holds one, so its concurrency limit is per server process. */
export function createScriptPlugin(settings: ScriptPluginSettings = {}): ProvisioningPlugin {
  const searchPath = settings.searchPath ?? '/usr/local/bin:/usr/bin:/bin';
  const killGraceMs = settings.killGraceMs ?? 5000;
  // Counted in this process's memory, as the worker runs orders: with R server replicas, up to
  // R x max_concurrency commands of one offering run at once. A limit across replicas would need a
  // lease in the database per command; providers whose backend cannot take R x N set N lower.
  const running = new KeyedSemaphore();

  /** Runs one command of an offering; the reason it failed (secrets masked) or its stdout. */
  async function run(
    offering: PluginOffering,
    name: CommandName,
    stdin: Stdin,
    secrets: StoredSecret[],
    signal: AbortSignal,
  ): Promise<{ stdout: Buffer } | { reason: string }> {
    const options = offering.plugin_options;
    const command = commandOf(options, name);
    if (typeof command === 'string') return { reason: `offering ${offering.slug}: ${command}` };
    const release = await running.acquire(
      offering.id,
      positiveInteger(options.max_concurrency, DEFAULT_MAX_CONCURRENCY),
      signal,
    );
    try {
      const timeoutSeconds = positiveInteger(options.timeout_seconds, DEFAULT_TIMEOUT_SECONDS);
      const result = await runCommand({
        argv: command,
        stdin: JSON.stringify(stdin),
        timeoutMs: timeoutSeconds * 1000,
        killGraceMs,
        searchPath,
        maxStdoutBytes: MAX_STDOUT_BYTES,
        stderrTailBytes: STDERR_TAIL_BYTES,
        signal,
      });
      const failure = failureOf(name, result, timeoutSeconds, secrets);
      if (failure) return { reason: masked(failure, secrets) };
      return { stdout: result.stdout };
    } finally {
      release();
    }
  }

  return {
    type: 'script',
    description: DESCRIPTION,
    optionsSchema: OPTIONS_SCHEMA,
    actions: [...MANAGEMENT_ACTIONS],
    actionsFor: (offering) => MANAGEMENT_ACTIONS.filter((action) => offering.plugin_options[action] !== undefined),

    async provision(job: ProvisioningJob, signal: AbortSignal): Promise<ProvisioningOutcome> {
      const secrets = secretsOf(job.offering, job.resource, job.order.secret_attributes);
      const ran = await run(job.offering, job.order.type, stdinOf(job), secrets, signal);
      if ('reason' in ran) return { status: 'erred', reason: ran.reason };
      const parsed = parseReport(ran.stdout);
      if ('problem' in parsed)
        return { status: 'erred', reason: masked(`the ${job.order.type} command's ${parsed.problem}`, secrets) };
      return { status: 'done', ...parsed.report };
    },

    /** Throws (secrets masked) when the pull command fails or prints what it should not. */
    async pull({ resource, offering }, signal): Promise<PullResult> {
      if (offering.plugin_options.pull === undefined) return { status: 'present' }; // Nothing to ask: what Mercato has stands.
      const secrets = secretsOf(offering, resource);
      const ran = await run(offering, 'pull', stdinOf({ resource, offering }), secrets, signal);
      if ('reason' in ran) throw new Error(ran.reason);
      const parsed = parsePull(ran.stdout);
      if ('problem' in parsed) throw new Error(masked(`the pull command's ${parsed.problem}`, secrets));
      return parsed.report;
    },
  };
}

export const scriptPlugin = createScriptPlugin();

/** The argv of a command, or what is wrong with it (an offering written before its options were checked). */
function commandOf(options: Record<string, unknown>, name: CommandName): string[] | string {
  const command = options[name];
  if (command === undefined) return `there is no plugin_options.${name} command`;
  if (!Array.isArray(command) || !command.length || !command.every((arg) => typeof arg === 'string'))
    return `plugin_options.${name} must be a non-empty array of strings`;
  return command as string[];
}

const positiveInteger = (value: unknown, fallback: number) =>
  Number.isInteger(value) && (value as number) > 0 ? (value as number) : fallback;

/** What a command reads on stdin: the order (when there is one), the resource, the offering, its secret options. */
function stdinOf(job: Pick<ProvisioningJob, 'resource' | 'offering'> & { order?: ProvisioningJob['order'] }): Stdin {
  const { order, resource, offering } = job;
  return {
    ...(order && {
      order: {
        id: order.id,
        type: order.type,
        attributes: order.attributes,
        limits: order.limits,
        plan_id: order.plan_id,
        version: order.version,
        attempts: order.attempts,
      },
    }),
    resource: {
      id: resource.id,
      name: resource.name,
      backend_id: resource.backend_id,
      attributes: resource.attributes,
      limits: resource.limits,
      outputs: resource.outputs,
      backend_state: resource.backend_state,
      state: resource.state,
    },
    offering: { id: offering.id, slug: offering.slug, plugin_options: offering.plugin_options },
    secret_options: offering.secret_options,
  };
}

/** Every secret value a command is given: the offering's secret options, the order's and the resource's secret attributes. */
function secretsOf(
  offering: PluginOffering,
  resource: PluginResource,
  orderSecrets: StoredSecret[] = [],
): StoredSecret[] {
  const secrets = [
    { path: [], value: offering.secret_options },
    ...orderSecrets,
    ...(resource.secret_attributes ?? []),
  ];
  // A command that prints its stdin quotes the secrets as JSON strings: mask those forms too.
  return [...secrets, { path: [], value: secrets.map(({ value }) => jsonEscaped(value)) }];
}

function jsonEscaped(value: unknown): unknown {
  if (typeof value === 'string') return JSON.stringify(value).slice(1, -1);
  if (Array.isArray(value)) return value.map(jsonEscaped);
  if (typeof value === 'object' && value !== null) return Object.values(value).map(jsonEscaped);
  return value;
}

/** The reason a command failed, not yet masked; undefined when it exited 0. */
function failureOf(
  name: CommandName,
  result: CommandResult,
  timeoutSeconds: number,
  secrets: StoredSecret[],
): string | undefined {
  const command = `the ${name} command`;
  if (result.startError) return `${command} could not start: ${result.startError.message}`;
  const stderr = stderrPart(result, secrets);
  if (result.stopped === 'timeout') return `${command} timed out after ${timeoutSeconds} s and was stopped${stderr}`;
  if (result.stopped === 'abort') return `${command} was stopped: the server is stopping${stderr}`;
  if (result.stopped === 'stdout-limit')
    return `${command} wrote more than ${MAX_STDOUT_BYTES / 1024 / 1024} MiB on stdout and was stopped${stderr}`;
  if (result.exitSignal) return `${command} was killed by ${result.exitSignal}${stderr}`;
  if (result.exitCode !== 0) return `${command} exited with code ${result.exitCode}${stderr}`;
  return undefined;
}

/**
 * The end of stderr for a reason. Where the tail was cut, it may begin in the middle of a secret,
 * whose end no mask would find: the longest end of a secret it begins with goes, with a character
 * cut in two.
 */
function stderrPart({ stderrTail, stderrCut }: CommandResult, secrets: StoredSecret[]): string {
  let text = stderrTail.toString('utf8');
  if (stderrCut) {
    text = text.replace(/^\uFFFD+/, '');
    const cutSecret = Math.max(
      0,
      ...secretTexts(secrets).map((secret) => {
        for (let start = 1; start < secret.length; start++)
          if (text.startsWith(secret.slice(start))) return secret.length - start;
        return 0;
      }),
    );
    text = `...${text.slice(cutSecret)}`;
  }
  text = text.trim();
  return text ? `; stderr ends with:\n${text}` : '; stderr is empty';
}

/**
 * A reason as it may be kept and shown: secret values masked (before anything else changes the
 * text they could be found in), then without terminal escapes and control characters (PostgreSQL
 * text cannot hold U+0000).
 */
function masked(text: string, secrets: StoredSecret[]): string {
  return (
    redactSecrets(text, secrets)
      // eslint-disable-next-line no-control-regex -- ANSI escape sequences: terminal colours and cursor moves
      .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
      // eslint-disable-next-line no-control-regex -- control characters other than newline and tab
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
  );
}
