/**
 * Debug mode: the provider served inside the calling process (a test, a debugger) for Terraform to
 * attach to through TF_REATTACH_PROVIDERS, instead of a process Terraform launches. The provider's
 * code then runs where a debugger's breakpoints and a coverage tool can reach it.
 */
import { serveForReattach } from '../protocol';
import type { Provider } from './define';
import { createProviderHandlers } from './provider-handlers';
import { providerSource } from './provider-schema';

export interface DebugSession {
  /** The value of TF_REATTACH_PROVIDERS for every Terraform command that is to use this provider. */
  readonly reattachProviders: string;
  /** How many times Terraform has attached: one per launch it would otherwise have made. */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * Serves `provider` in this process for Terraform to attach to. `env` is the environment its
 * configure() sees (ctx.env) in place of this process's own: the one the Terraform command runs
 * with, as a launched provider would inherit it. Read at each configuration, so later changes to
 * the object count.
 */
export function serveForDebugging<C>(provider: Provider<C>, env: NodeJS.ProcessEnv = process.env): DebugSession {
  const server = serveForReattach(() => createProviderHandlers(provider, env));
  return {
    reattachProviders: JSON.stringify({ [providerSource(provider)]: server.config }),
    get connections() {
      return server.connections;
    },
    close: () => server.close(),
  };
}
