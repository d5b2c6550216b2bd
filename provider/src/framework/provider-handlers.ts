/**
 * Implements the tfplugin6 RPCs for a declared provider: decodes values with the declared schemas,
 * calls the user's callbacks with a context, applies plan semantics, and turns every failure into
 * a diagnostic.
 */
import {
  CtyEncodeError,
  decodeCtyJson,
  decodeCtyMsgpack,
  diagnosticFromError,
  encodeCtyMsgpack,
  errorDiagnostic,
  parseJson,
  type CtyType,
  type Diagnostic,
  type DynamicValue,
  type ProviderHandlers,
} from '../protocol';
import { parsePath, toWireSteps, type PathLike } from './attribute-path';
import { DiagnosticsCollector, operationContext, validateContext, type PlanContext } from './context';
import type { DataSource, Provider, Resource } from './define';
import { createLogger, type Logger } from './logger';
import { placeDiagnostics } from './diagnostic-paths';
import { formatMs, operationLimits, timedOut, type OperationLimits } from './operation-timeouts';
import { planChange } from './plan';
import { objectType, type SchemaSpec, type TimeoutOperation } from './schema';
import { providerSchemaResponse } from './provider-schema';
import { validateAttributes } from './validate-config';
import { completeState, unknownsToNull } from './values';

type Obj = Record<string, unknown>;
type Declared = { spec: SchemaSpec; type: CtyType };

/** The RPC handlers of one provider process; `env` is the environment configure() sees as ctx.env. */
export function createProviderHandlers<Client>(
  provider: Provider<Client>,
  env: NodeJS.ProcessEnv = process.env,
): ProviderHandlers {
  const log = createLogger(`provider.terraform-provider-${provider.name}`);
  const resources = indexByType(provider.name, provider.resources);
  const dataSources = indexByType(provider.name, provider.dataSources ?? []);
  const providerType = objectType(provider);
  let client: Client | undefined;
  let stop = new AbortController();

  // One logger per type, made on first use: loggers hold no state, and this is called per RPC.
  const loggers = new Map<string, Logger>();
  const typeLog = (key: string, fields: Record<string, string>) => {
    let logger = loggers.get(key);
    if (!logger) loggers.set(key, (logger = log.with(fields)));
    return logger;
  };
  const resourceLog = (typeName: string) => typeLog(`resource ${typeName}`, { tf_resource_type: typeName });
  const dataSourceLog = (typeName: string) => typeLog(`data ${typeName}`, { tf_data_source_type: typeName });
  const resourceFor = (typeName: string) => lookup(resources, typeName, 'resource type');
  const dataSourceFor = (typeName: string) => lookup(dataSources, typeName, 'data source');
  // Object.assign, not a spread: a spread would freeze the `hasErrors` getter at its first value.
  const context = (diagnostics: DiagnosticsCollector, logger: Logger, limits: OperationLimits, privateData: Obj) =>
    Object.assign(operationContext(diagnostics, logger, client as Client, limits.signal, limits.deadline), {
      private: privateData,
    });

  return {
    getProviderSchema: () => providerSchemaResponse(provider),

    async validateProviderConfig(req) {
      const diagnostics = new DiagnosticsCollector();
      const config = decode(providerType, req.config) as Obj;
      validateAttributes(provider, config, diagnostics);
      await guard(diagnostics, 'Invalid provider configuration', () =>
        provider.validate?.(config as never, validateContext(diagnostics, log)),
      );
      return { diagnostics: diagnostics.items };
    },

    async configureProvider(req) {
      const diagnostics = new DiagnosticsCollector();
      const config = unknownsToNull(decode(providerType, req.config) as Obj);
      await guard(diagnostics, `Failed to configure the ${provider.name} provider`, async () => {
        const ctx = { ...validateContext(diagnostics, log), terraformVersion: req.terraform_version, env };
        client = await provider.configure?.(ctx, config as never);
      });
      return { diagnostics: diagnostics.items };
    },

    async validateResourceConfig(req) {
      const { resource, declared } = resourceFor(req.type_name);
      return { diagnostics: await validate(resource, declared, req.config, resourceLog(req.type_name)) };
    },

    async validateDataResourceConfig(req) {
      const { resource, declared } = dataSourceFor(req.type_name);
      return { diagnostics: await validate(resource, declared, req.config, dataSourceLog(req.type_name)) };
    },

    async upgradeResourceState(req) {
      const { resource, declared } = resourceFor(req.type_name);
      const diagnostics = new DiagnosticsCollector();
      const currentVersion = resource.version ?? 0;
      const json = req.raw_state?.json;
      if (!json || json.length === 0) {
        diagnostics.error(
          'Cannot upgrade this state',
          'The state is in the legacy flatmap format, which this provider does not read.',
        );
        return { diagnostics: diagnostics.items };
      }
      if (req.version > currentVersion) {
        diagnostics.error(
          'State from a newer provider',
          `The state of ${req.type_name} has schema version ${req.version}; this provider knows up to ${currentVersion}. Upgrade the provider.`,
        );
        return { diagnostics: diagnostics.items };
      }
      if (req.version === currentVersion)
        return { upgraded_state: encode(declared.type, decodeCtyJson(declared.type, json)), diagnostics: [] };
      if (!resource.upgradeState) {
        diagnostics.error(
          'Cannot upgrade this state',
          `${req.type_name} has no upgradeState() for schema version ${req.version} -> ${currentVersion}.`,
        );
        return { diagnostics: diagnostics.items };
      }
      const logger = resourceLog(req.type_name);
      const ctx = operationContext(diagnostics, logger, client as Client, stop.signal);
      let upgraded: Obj | null = null;
      await guard(
        diagnostics,
        `Failed to upgrade the state of ${req.type_name} from version ${req.version}`,
        async () => {
          upgraded = completeState(
            declared.spec,
            null,
            (await resource.upgradeState!(ctx, parseJson(json.toString()) as Obj, req.version)) as Obj,
          );
        },
      );
      return upgraded
        ? { upgraded_state: encodeWith(diagnostics, declared.type, upgraded), diagnostics: diagnostics.items }
        : { diagnostics: diagnostics.items };
    },

    async readResource(req) {
      const { resource, declared } = resourceFor(req.type_name);
      const diagnostics = new DiagnosticsCollector();
      const current = decode(declared.type, req.current_state) as Obj;
      const privateData = decodePrivate(req.private);
      const limits = operationLimits(stop.signal, resource.blocks, current, 'read');
      const ctx = context(diagnostics, resourceLog(req.type_name), limits, privateData);
      let newState: Obj | null = current;
      await guardOperation(diagnostics, `Failed to read ${req.type_name}`, limits, 'read', async () => {
        checkId(declared.spec, current, 'The stored state');
        const returned = await resource.read(ctx, current as never);
        newState = returned === null ? null : completeState(declared.spec, current, returned as Obj);
      });
      return {
        new_state: encodeWith(diagnostics, declared.type, newState),
        private: encodePrivate(privateData),
        diagnostics: placeDiagnostics(declared.spec, diagnostics.items),
      };
    },

    async planResourceChange(req) {
      const { resource, declared } = resourceFor(req.type_name);
      const diagnostics = new DiagnosticsCollector();
      const prior = decode(declared.type, req.prior_state) as Obj | null;
      const proposed = decode(declared.type, req.proposed_new_state) as Obj | null;
      if (!proposed)
        return { planned_state: encode(declared.type, null), planned_private: req.prior_private, diagnostics: [] };
      const config = decode(declared.type, req.config) as Obj;
      const privateData = decodePrivate(req.prior_private);
      const { planned, requiresReplace } = planChange(declared.spec, prior, proposed, config, Boolean(resource.update));
      if (resource.modifyPlan) {
        const ctx: PlanContext<Client> = Object.assign(
          context(diagnostics, resourceLog(req.type_name), { signal: stop.signal }, privateData),
          {
            requiresReplace: (path: PathLike) => void requiresReplace.push(parsePath(path)),
          },
        );
        await guard(diagnostics, `Failed to plan ${req.type_name}`, () => {
          checkId(declared.spec, prior, 'The stored state');
          return resource.modifyPlan!(ctx, { plan: planned as never, prior: prior as never, config: config as never });
        });
      }
      return {
        planned_state: encodeWith(diagnostics, declared.type, planned),
        requires_replace: requiresReplace.map((path) => ({ steps: toWireSteps(path) })),
        planned_private: encodePrivate(privateData),
        diagnostics: placeDiagnostics(declared.spec, diagnostics.items),
      };
    },

    async applyResourceChange(req) {
      const { resource, declared } = resourceFor(req.type_name);
      const diagnostics = new DiagnosticsCollector();
      const prior = decode(declared.type, req.prior_state) as Obj | null;
      const planned = decode(declared.type, req.planned_state) as Obj | null;
      const config = decode(declared.type, req.config) as Obj | null;
      const privateData = decodePrivate(req.planned_private);
      const operation: TimeoutOperation = !planned ? 'delete' : !prior ? 'create' : 'update';
      const limits = operationLimits(stop.signal, resource.blocks, planned ?? prior, operation);
      const logger = resourceLog(req.type_name);
      const ctx = Object.assign(context(diagnostics, logger, limits, privateData), {
        config: (config ? unknownsToNull(config) : null) as never,
      });
      // If the operation fails, the object is as it was before (or absent, for a create).
      let newState: Obj | null = operation === 'create' ? null : prior;
      await guardOperation(diagnostics, `Failed to ${operation} ${req.type_name}`, limits, operation, async () => {
        checkId(declared.spec, prior, 'The stored state');
        if (operation === 'delete') {
          await resource.delete(ctx, prior as never);
          // A delete reports its failure as errors: the object is still there, so it stays in the state.
          newState = ctx.hasErrors ? prior : null;
        } else if (operation === 'create') {
          const created = (await resource.create(ctx, unknownsToNull(planned) as never)) as Obj | null;
          const completed = created === null ? null : completeState(declared.spec, planned, created);
          checkId(declared.spec, completed, 'The state create returned');
          newState = completed;
        } else {
          if (!resource.update) throw new Error(`${req.type_name} cannot be updated in place`);
          newState = completeState(
            declared.spec,
            planned,
            (await resource.update(ctx, unknownsToNull(planned) as never, prior as never)) as Obj,
          );
        }
      });
      return {
        new_state: encodeWith(diagnostics, declared.type, newState),
        private: encodePrivate(privateData),
        diagnostics: placeDiagnostics(declared.spec, diagnostics.items),
      };
    },

    async importResourceState(req) {
      const { resource, declared } = resourceFor(req.type_name);
      const diagnostics = new DiagnosticsCollector();
      const privateData: Obj = {};
      const ctx = context(diagnostics, resourceLog(req.type_name), { signal: stop.signal }, privateData);
      let state: Obj | null = null;
      await guard(diagnostics, `Failed to import ${req.type_name}`, async () => {
        const returned = resource.import ? await resource.import(ctx, req.id) : defaultImport(declared.spec, req.id);
        state = completeState(declared.spec, null, returned as Obj);
        checkId(declared.spec, state, 'The imported state');
      });
      if (!state || diagnostics.hasErrors) return { imported_resources: [], diagnostics: diagnostics.items };
      return {
        imported_resources: [
          {
            type_name: req.type_name,
            state: encodeWith(diagnostics, declared.type, state) ?? {},
            private: encodePrivate(privateData),
          },
        ],
        diagnostics: diagnostics.items,
      };
    },

    async readDataSource(req) {
      const { resource, declared } = dataSourceFor(req.type_name);
      const diagnostics = new DiagnosticsCollector();
      const config = unknownsToNull(decode(declared.type, req.config) as Obj);
      const ctx = operationContext(diagnostics, dataSourceLog(req.type_name), client as Client, stop.signal);
      let state: Obj | null = null;
      await guard(diagnostics, `Failed to read data source ${req.type_name}`, async () => {
        state = completeState(declared.spec, config, (await resource.read(ctx, config as never)) as Obj);
      });
      const encoded = state ? encodeWith(diagnostics, declared.type, state) : undefined;
      return {
        ...(encoded ? { state: encoded } : {}),
        diagnostics: placeDiagnostics(declared.spec, diagnostics.items),
      };
    },

    async stop() {
      log.info('Terraform asked the provider to stop; cancelling running operations');
      stop.abort(new Error('Terraform asked the provider to stop'));
      stop = new AbortController();
    },
  };
}

// ---------------------------------------------------------------- helpers

function indexByType<T extends Resource<never> | DataSource<never>>(
  providerName: string,
  items: readonly T[],
): Map<string, { resource: T; declared: Declared }> {
  return new Map(
    items.map((item) => [
      `${providerName}_${item.name}`,
      { resource: item, declared: { spec: item, type: objectType(item) } },
    ]),
  );
}

function lookup<T>(index: Map<string, T>, typeName: string, kind: string): T {
  const found = index.get(typeName);
  if (!found) throw new Error(`This provider has no ${kind} named ${typeName}`);
  return found;
}

async function validate(
  resource: { validate?: (config: never, ctx: never) => unknown },
  declared: Declared,
  dynamicValue: DynamicValue | null,
  log: Logger,
): Promise<Diagnostic[]> {
  const diagnostics = new DiagnosticsCollector();
  const config = decode(declared.type, dynamicValue) as Obj;
  validateAttributes(declared.spec, config, diagnostics);
  await guard(diagnostics, 'Invalid configuration', () =>
    resource.validate?.(config as never, validateContext(diagnostics, log) as never),
  );
  return placeDiagnostics(declared.spec, diagnostics.items);
}

/**
 * Refuses an object without the `id` its schema declares: read, update and delete are typed never
 * to see one (StateValue), so create and import must set it.
 */
function checkId(spec: SchemaSpec, state: Obj | null, what: string): void {
  if (state && 'id' in spec.attributes && (state.id ?? null) === null)
    throw new Error(`${what} has no id. This is a bug in the provider.`);
}

function defaultImport(spec: SchemaSpec, id: string): Obj {
  if (!('id' in spec.attributes)) throw new Error('This resource type does not support import');
  return { id };
}

/** Runs user code; a throw becomes an error diagnostic with this summary. */
async function guard(diagnostics: DiagnosticsCollector, summary: string, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    diagnostics.items.push(diagnosticFromError(error, summary));
  }
}

async function guardOperation(
  diagnostics: DiagnosticsCollector,
  summary: string,
  limits: OperationLimits,
  operation: string,
  run: () => unknown,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (timedOut(limits)) {
      diagnostics.items.push(
        errorDiagnostic(
          `${summary}: timed out`,
          `The ${operation} did not finish within ${formatMs(limits.timeoutMs ?? 0)}. Raise the limit in the timeouts block if it needs longer.\n${(error as Error)?.message ?? ''}`,
        ),
      );
    } else {
      diagnostics.items.push(diagnosticFromError(error, summary));
    }
  } finally {
    limits.release?.();
  }
}

function decode(type: CtyType, value: DynamicValue | null | undefined): unknown {
  if (!value) return null;
  if (value.msgpack && value.msgpack.length > 0) return decodeCtyMsgpack(type, value.msgpack);
  if (value.json && value.json.length > 0) return decodeCtyJson(type, value.json);
  return null;
}

function encode(type: CtyType, value: unknown): DynamicValue {
  return { msgpack: encodeCtyMsgpack(type, value) };
}

/** Encodes, reporting a value of the wrong type as a diagnostic at its attribute path. */
function encodeWith(diagnostics: DiagnosticsCollector, type: CtyType, value: unknown): DynamicValue | undefined {
  try {
    return encode(type, value);
  } catch (error) {
    const path = error instanceof CtyEncodeError ? error.path.map((step) => step) : undefined;
    diagnostics.error(
      'Provider produced an invalid value',
      `This is a bug in the provider: ${(error as Error).message}`,
      path?.length ? path : undefined,
    );
    return undefined;
  }
}

function decodePrivate(bytes: Buffer | undefined): Obj {
  if (!bytes || bytes.length === 0) return {};
  try {
    return parseJson(bytes.toString()) as Obj;
  } catch {
    return {};
  }
}

function encodePrivate(value: Obj): Buffer {
  return Object.keys(value).length ? Buffer.from(JSON.stringify(value)) : Buffer.alloc(0);
}
