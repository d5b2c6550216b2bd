/**
 * Debug mode of the acceptance tests: with MERCATO_PROVIDER_DEBUG=1 the provider runs inside the
 * jest process and Terraform attaches to it (TF_REATTACH_PROVIDERS, framework/debug.ts) instead of
 * launching the bundled binary, so a debugger's breakpoints in provider/src are hit and
 * `--coverage` counts the provider's code (provider/test/README.md). Each workspace gets its own
 * provider, configured from the workspace's environment as a launched one would be.
 */
import { serveForDebugging, type DebugSession, type Provider } from '../../src/framework';

export const PROVIDER_DEBUG = process.env.MERCATO_PROVIDER_DEBUG === '1';

/** Providers served in this process for Terraform to attach to, one per workspace environment. */
export class AttachedProviders<Client> {
  private readonly sessions: DebugSession[] = [];

  constructor(private readonly provider: Provider<Client>) {}

  /** Serves the provider for the Terraform commands run with `env`, and sets TF_REATTACH_PROVIDERS in it. */
  attach(env: NodeJS.ProcessEnv): DebugSession {
    const session = serveForDebugging(this.provider, env);
    env.TF_REATTACH_PROVIDERS = session.reattachProviders;
    this.sessions.push(session);
    return session;
  }

  async close(): Promise<void> {
    await Promise.all(this.sessions.splice(0).map((session) => session.close()));
  }
}
