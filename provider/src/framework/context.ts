/**
 * What every user callback receives as `ctx`: diagnostics, logging, cancellation and deadlines,
 * the configured API client and, for resources, private state.
 */
import { errorDiagnostic, warningDiagnostic, hasErrors, type Diagnostic } from '../protocol';
import { toWireSteps, type PathLike } from './attribute-path';
import type { Logger } from './logger';

export class DiagnosticsCollector {
  readonly items: Diagnostic[] = [];

  /** Records an error; `path` points Terraform at the offending attribute (e.g. 'attributes.pools[0].size'). */
  error(summary: string, detail = '', path?: PathLike): void {
    this.items.push(errorDiagnostic(summary, detail, path === undefined ? undefined : toWireSteps(path)));
  }

  warning(summary: string, detail = '', path?: PathLike): void {
    this.items.push(warningDiagnostic(summary, detail, path === undefined ? undefined : toWireSteps(path)));
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}

/** Context of plan-time validation (ValidateResourceConfig & co.): no client, values may be unknown. */
export interface ValidateContext {
  readonly log: Logger;
  error(summary: string, detail?: string, path?: PathLike): void;
  warning(summary: string, detail?: string, path?: PathLike): void;
}

/** Context of operations that may talk to the API. */
export interface OperationContext<Client> extends ValidateContext {
  /** What the provider's configure() returned. */
  readonly client: Client;
  /** Aborted on StopProvider (Ctrl-C) or when the operation's timeout passes. */
  readonly signal: AbortSignal;
  /** When the operation's timeout passes, if the resource has a `timeouts` block. */
  readonly deadline?: Date;
  /** True once errors were recorded in this call. */
  readonly hasErrors: boolean;
}

export interface ResourceContext<Client> extends OperationContext<Client> {
  /** Private state: kept by Terraform with the resource, never shown to users. JSON-serialisable. */
  readonly private: Record<string, unknown>;
}

export interface PlanContext<Client> extends ResourceContext<Client> {
  /** Adds a requires-replace path beyond those declared with `requiresReplace`. */
  requiresReplace(path: PathLike): void;
}

export interface ApplyContext<Client, Config> extends ResourceContext<Client> {
  /** The configuration as written, including write-only attributes (absent from plan and state). */
  readonly config: Config | null;
}

export function validateContext(diagnostics: DiagnosticsCollector, log: Logger): ValidateContext {
  return {
    log,
    error: (summary, detail, path) => diagnostics.error(summary, detail, path),
    warning: (summary, detail, path) => diagnostics.warning(summary, detail, path),
  };
}

export function operationContext<Client>(
  diagnostics: DiagnosticsCollector,
  log: Logger,
  client: Client,
  signal: AbortSignal,
  deadline?: Date,
): OperationContext<Client> {
  return {
    ...validateContext(diagnostics, log),
    client,
    signal,
    deadline,
    get hasErrors() {
      return diagnostics.hasErrors;
    },
  };
}
