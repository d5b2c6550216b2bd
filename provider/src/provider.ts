import { environmentSettings, withoutCredentials } from '@mercato/api';
import { defineProvider, sentences } from './framework';
import { ApiError, UnreachableError } from './client/api-error';
import { MercatoClient } from './client/mercato-client';
import { organization } from './resources/organization';
import { project } from './resources/project';
import { category } from './resources/category';
import { offering } from './resources/offering';
import { offeringVersion } from './resources/offering-version';
import { plan } from './resources/plan';
import { resource } from './resources/resource';
import { quota } from './resources/quota';
import { offeringData } from './data-sources/offering';
import { offeringsData } from './data-sources/offerings';
import { projectData } from './data-sources/project';
import { organizationData } from './data-sources/organization';
import { categoryData } from './data-sources/category';
import { resourceData } from './data-sources/resource';
import { costEstimateData } from './data-sources/cost-estimate';
import { invoiceData } from './data-sources/invoice';

export const PROVIDER_VERSION = '0.1.0';

export const mercatoProvider = defineProvider({
  name: 'mercato',
  version: PROVIDER_VERSION,
  source: 'registry.terraform.io/mercato/mercato',
  description:
    'Manage the Mercato marketplace as code: publish offerings with versions and plans, and order resources into projects.',
  attributes: {
    endpoint: {
      type: 'string',
      optional: true,
      description:
        'URL of the Mercato server, e.g. `http://127.0.0.1:8080`. Default: the `MERCATO_ENDPOINT` environment variable.',
    },
    token: {
      type: 'string',
      optional: true,
      sensitive: true,
      description: 'API token (bearer). Default: the `MERCATO_TOKEN` environment variable.',
    },
  },
  async configure(ctx, config) {
    const environment = environmentSettings(ctx.env);
    const endpoint = config.endpoint ?? environment.endpoint;
    const token = config.token ?? environment.token;
    if (!endpoint)
      ctx.error(
        'Missing Mercato endpoint',
        'Set `endpoint` in the provider block or the MERCATO_ENDPOINT environment variable.',
        'endpoint',
      );
    if (!token)
      ctx.error(
        'Missing Mercato token',
        'Set `token` in the provider block or the MERCATO_TOKEN environment variable.',
        'token',
      );
    if (!endpoint || !token) return undefined as unknown as MercatoClient;
    const client = new MercatoClient({
      endpoint,
      token,
      attempts: 3,
      log: (message, fields) => ctx.log.debug(message, fields),
    });
    try {
      const me = await client.get<{ username: string }>('/users/me');
      ctx.log.info('connected to Mercato', { endpoint: withoutCredentials(endpoint), user: me.username });
    } catch (error) {
      if (error instanceof UnreachableError)
        ctx.error(
          'Cannot reach the Mercato server',
          sentences(error.message, 'Is it running, and is the endpoint right?'),
          'endpoint',
        );
      else if (error instanceof ApiError && error.status === 401)
        ctx.error(
          'Mercato rejected the token',
          `The server at ${withoutCredentials(endpoint)} answered 401: the token is unknown, revoked or expired. Check \`token\` or MERCATO_TOKEN.`,
          'token',
        );
      else throw error;
    }
    return client;
  },
  resources: [organization, project, category, offering, offeringVersion, plan, resource, quota],
  dataSources: [
    offeringData,
    offeringsData,
    projectData,
    organizationData,
    categoryData,
    resourceData,
    costEstimateData,
    invoiceData,
  ],
});
