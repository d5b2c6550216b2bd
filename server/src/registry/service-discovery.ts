import type { FastifyInstance } from 'fastify';

/**
 * Terraform's remote service discovery: before it speaks a registry protocol to a host, Terraform
 * reads `https://<host>/.well-known/terraform.json` for where each service is (Terraform docs,
 * "Remote Service Discovery"). Relative paths resolve against this document's URL, so the same
 * answer serves every host name and port the server is reached on.
 */
const SERVICES = {
  'modules.v1': '/v1/modules/',
  'providers.v1': '/v1/providers/',
} as const;

export async function serviceDiscoveryRoutes(app: FastifyInstance): Promise<void> {
  app.get('/.well-known/terraform.json', { schema: { hide: true } }, async () => SERVICES);
}
