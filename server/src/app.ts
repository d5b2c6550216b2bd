import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import Ajv from 'ajv';
import type { Database, Db } from './db/database';
import { authentication } from './auth/authentication';
import { cacheGenerationsPerRequest } from './db/cache-generations';
import { idempotency } from './http/idempotency';
import { jsonBody } from './http/json-body';
import { clientErrorHandler, frameworkErrors, httpLayerErrors } from './http/http-layer-errors';
import { requestText } from './http/request-text';
import { requestLogFields } from './http/request-log';
import { sendProblem, PROBLEM_SCHEMA } from './http/problem';
import { CatalogCache } from './catalog/catalog-cache';
import { categoriesRoutes } from './catalog/categories';
import { offeringsRoutes } from './catalog/offerings';
import { offeringVersionsRoutes } from './catalog/offering-versions';
import { plansRoutes } from './catalog/plans';
import { usersRoutes } from './structure/users';
import { organizationsRoutes } from './structure/organizations';
import { projectsRoutes } from './structure/projects';
import { ordersRoutes } from './orders/orders-routes';
import { quotasRoutes } from './quotas/quotas-routes';
import { resourcesRoutes } from './resources/resources-routes';
import { eventsRoutes } from './audit/events-routes';
import { DEFAULT_PLUGINS, PluginRegistry } from './provisioning/plugins/registry';
import { terraformPlugin, type TerraformPluginSettings } from './provisioning/plugins/terraform/terraform-plugin';
import { ProvisioningWorker, type WorkerOptions } from './provisioning/worker';
import { costEstimatesRoutes } from './billing/cost-estimates-routes';
import { usageReportsRoutes } from './usage/usage-reports-routes';
import { invoicesRoutes } from './billing/invoices-routes';
import { pluginsRoutes } from './provisioning/plugins-routes';
import { ResourcePuller, type PullerOptions } from './provisioning/puller';
import { consoleRoutes } from './console/console-routes';
import { modulesRoutes } from './registry/modules/modules-routes';
import { moduleProtocolRoutes, MODULES_V1 } from './registry/modules/module-protocol-routes';
import { terraformStatesRoutes } from './terraform-state/terraform-states-routes';
import { SchemaPool, type SchemaPoolOptions } from './validation/schema-pool';
import { addLinearFormats } from './validation/linear-formats';
import { addHttpsListener, type HttpsSettings } from './tls/https-listener';
import { serviceDiscoveryRoutes } from './registry/service-discovery';
import { terraformLoginRoutes } from './registry/login/login-routes';
import { providerRegistryApiRoutes } from './registry/providers/providers-routes';
import { providerRegistryProtocol } from './registry/providers/registry-protocol';
import type { OperatorSigningKey } from './registry/providers/signing-keys';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** The catalog kept in memory for search; it decides itself when it is stale. */
    catalog: CatalogCache;
    plugins: PluginRegistry;
    worker: ProvisioningWorker;
    /** Asks plugins on a schedule what their backends have of each resource. */
    puller: ResourcePuller;
    /** Runs the JSON Schemas users write, off the event loop. */
    schemas: SchemaPool;
  }
}

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  plugins?: PluginRegistry;
  /** `enabled: false`: neither orders are provisioned nor resources pulled (a read-only replica, a test). */
  worker?: WorkerOptions & PullerOptions & { enabled?: boolean };
  bodyLimit?: number;
  schemas?: SchemaPoolOptions;
  /** Also serve every route over HTTPS (the registry protocols need it). */
  https?: HttpsSettings;
  /** The operator's key that signs published providers (MERCATO_PROVIDER_SIGNING_KEY); default: a key per organization. */
  providerSigningKey?: OperatorSigningKey;
  /** How the `terraform` plugin runs Terraform (MERCATO_TERRAFORM_BIN, MERCATO_TERRAFORM_CLI_CONFIG). */
  terraform?: Pick<TerraformPluginSettings, 'bin' | 'cliConfigFile' | 'runTimeoutSeconds'>;
}

export const API_PREFIX = '/api/v1';

/**
 * Request bodies are validated strictly (no type coercion, unknown fields refused); query
 * strings and path parameters are text on the wire, so there numbers and booleans are coerced.
 * Formats (`email`, `date-time`) check user text in linear time.
 */
function validatorCompiler() {
  const strict = addLinearFormats(
    new Ajv({ allErrors: true, removeAdditional: false, coerceTypes: false, useDefaults: true, strict: false }),
  );
  const coercing = addLinearFormats(
    new Ajv({ allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true, strict: false }),
  );
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema);
}

/** The app's logger settings, with request URLs logged without their secrets (http/request-log.ts) unless the caller serializes requests itself. */
function withRequestLogFields(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const given = logger === true ? {} : logger;
  return { ...given, serializers: { req: requestLogFields, ...given.serializers } };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withRequestLogFields(options.logger),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
    // errors raised before a route runs: problem+json too (http/http-layer-errors.ts)
    frameworkErrors,
    clientErrorHandler,
    return503OnClosing: false,
  });
  if (options.https) addHttpsListener(app, options.https);
  app.setValidatorCompiler(validatorCompiler());
  app.setErrorHandler((error, request, reply) => sendProblem(error as never, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: `no route ${request.method} ${request.url.split('?')[0]}`,
        errors: [],
      }),
  );

  const plugins =
    options.plugins ??
    new PluginRegistry([
      ...DEFAULT_PLUGINS,
      terraformPlugin({
        httpsAddress: () => app.httpsAddress,
        db: options.database.db,
        dataDir: options.https?.dataDir,
        ...options.terraform,
      }),
    ]);
  app.decorate('db', options.database.db);
  app.decorate('catalog', new CatalogCache(options.database.db));
  app.decorate('plugins', plugins);
  app.decorate('schemas', new SchemaPool(options.schemas));
  app.decorate('worker', new ProvisioningWorker(options.database.db, plugins, app.log, options.worker));
  app.decorate('puller', new ResourcePuller(options.database.db, plugins, app.log, options.worker));

  // Added before any other preClose hook (http-layer-errors answers 503 from its own): the runs in
  // hand finish while the server still answers them, as a `terraform` run's state backend must.
  app.addHook('preClose', async () => {
    await app.puller.stop();
    await app.worker.stop();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Mercato API',
        version: '1',
        description:
          'Self-service cloud marketplace: catalog, orders, approvals, provisioning. In every request: a number is an integer within ±9007199254740991 or a decimal of at most 15 significant digits; text holds no U+0000 and no unpaired UTF-16 surrogate; a JSON value nests at most 32 levels within its field and a body at most 64. Anything else is refused with a problem naming the field.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  app.addSchema(PROBLEM_SCHEMA);
  await app.register(httpLayerErrors);
  await app.register(jsonBody);
  await app.register(requestText);
  await app.register(cacheGenerationsPerRequest);
  await app.register(authentication);
  await app.register(idempotency);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  await app.register(serviceDiscoveryRoutes);
  await app.register(terraformLoginRoutes);
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const routes of [
        usersRoutes,
        organizationsRoutes,
        projectsRoutes,
        categoriesRoutes,
        offeringsRoutes,
        offeringVersionsRoutes,
        plansRoutes,
        ordersRoutes,
        quotasRoutes,
        resourcesRoutes,
        eventsRoutes,
        pluginsRoutes,
        modulesRoutes,
        terraformStatesRoutes,
        costEstimatesRoutes,
        usageReportsRoutes,
        invoicesRoutes,
      ]) {
        await api.register(routes);
      }
      await api.register(providerRegistryApiRoutes, { signingKey: options.providerSigningKey });
    },
    { prefix: API_PREFIX },
  );
  await app.register(moduleProtocolRoutes, { prefix: MODULES_V1 });
  await app.register(providerRegistryProtocol);
  await app.register(consoleRoutes);

  app.addHook('onReady', async () => {
    if (options.worker?.enabled !== false) {
      await app.worker.start();
      app.puller.start();
    }
  });
  app.addHook('onClose', async () => {
    await app.schemas.close();
    await options.database.close();
  });
  return app;
}
