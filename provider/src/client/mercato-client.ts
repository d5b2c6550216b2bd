import { MercatoClient as ApiClient, type ClientSettings } from '@mercato/api';
import { jsonBody } from './json-values';

/**
 * The provider's client of the Mercato API: @mercato/api's (retries, Idempotency-Keys on
 * creates, pages, typed errors), sending only bodies whose numbers the API keeps exactly; a body
 * with another number fails before it is sent (plan-time checks catch these first).
 */
export class MercatoClient extends ApiClient {
  constructor(settings: Omit<ClientSettings, 'serialize' | 'userAgent'>) {
    super({ ...settings, userAgent: 'terraform-provider-mercato', serialize: jsonBody });
  }
}
