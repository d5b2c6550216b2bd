import type { FastifyInstance } from 'fastify';
import { LOGIN_SERVICE } from './login/login-service';

/**
 * Terraform's remote service discovery: before it speaks a registry protocol to a host, Terraform
 * reads `https://<host>/.well-known/terraform.json` for where each service is (Terraform docs,
 * "Remote Service Discovery"). Relative paths resolve against this document's URL, so the same
 * answer serves every host name and port the server is reached on.
 */
const SERVICES = {
  'modules.v1': '/v1/modules/',
  'providers.v1': '/v1/providers/',
  'login.v1': LOGIN_SERVICE,
} as const;

export async function serviceDiscoveryRoutes(app: FastifyInstance): Promise<void> {
  app.get('/.well-known/terraform.json', { schema: { hide: true } }, async () => SERVICES);
}
