/**
 * Provider logs for TF_LOG. go-plugin reads every line the plugin writes to stderr; a line that is
 * an hclog JSON object ({"@level","@message","@timestamp",...}) is re-logged by Terraform at that
 * level, so `TF_LOG=INFO terraform plan` shows our info/warn/error lines. Anything else written
 * to stderr shows up only at DEBUG.
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds these fields to every line. */
  with(fields: LogFields): Logger;
}

const LEVEL_RANK: Record<LogLevel, number> = { trace: 1, debug: 2, info: 3, warn: 4, error: 5 };
const OFF = 6;

/**
 * The lowest level Terraform shows of a provider's log, decided as Terraform decides it
 * (internal/logging: TF_LOG_PROVIDER, else TF_LOG; unset means off, JSON and unknown values mean
 * TRACE). Lines below it would be read, parsed and dropped by go-plugin: we do not write them.
 * TF_TEMP_LOG_PATH registers a sink that takes every level, so then every line is written.
 */
function terraformProviderLogLevel(env: NodeJS.ProcessEnv = process.env): number {
  if (env.TF_TEMP_LOG_PATH) return 0;
  const level = (env.TF_LOG_PROVIDER || env.TF_LOG || '').toUpperCase();
  if (level === '') return OFF;
  if (level === 'OFF') return OFF;
  return Object.hasOwn(LEVEL_RANK, level.toLowerCase())
    ? LEVEL_RANK[level.toLowerCase() as LogLevel]
    : LEVEL_RANK.trace;
}

export function createLogger(
  module: string,
  baseFields: LogFields = {},
  write: (line: string) => void = writeStderr,
): Logger {
  // Only our own stderr writer is filtered: a caller's writer sees every line.
  const minimum = write === writeStderr ? terraformProviderLogLevel() : 0;
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) =>
      LEVEL_RANK[level] >= minimum &&
      write(
        JSON.stringify(
          {
            '@level': level,
            '@message': message,
            '@module': module,
            '@timestamp': hclogTimestamp(new Date()),
            ...baseFields,
            ...fields,
          },
          (_key, value) => (typeof value === 'bigint' ? value.toString() : value),
        ) + '\n',
      );
  return {
    trace: log('trace'),
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    with: (fields) => createLogger(module, { ...baseFields, ...fields }, write),
  };
}

/** hclog's layout is 2006-01-02T15:04:05.000000Z07:00: microseconds, and go-plugin parses it strictly. */
function hclogTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function writeStderr(line: string): void {
  process.stderr.write(line);
}
