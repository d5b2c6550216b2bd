import type { FastifyInstance } from 'fastify';
import { seedDemoCatalog } from '../../../server/src/demo/seed';
import type { TestServer } from '../../../test/support/server-harness';

/**
 * Seeds the demo catalog (virtual-machine, postgresql, redis...) into a test server.
 * `seedDemoCatalog` posts through `app.inject`, whose light-my-request loads the ESM-only
 * `cookie@2`, which jest's module runtime on Node 20 cannot load (as server/test/cli.test.ts
 * explains): the same seed, its inject answered over real HTTP.
 */
export async function seedDemo(server: TestServer): Promise<void> {
  const inject = async ({ method, url, headers, payload }: { method: string; url: string; headers: Record<string, string>; payload: object }) => {
    const response = await fetch(`${server.url}${url}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const body = await response.text();
    return { statusCode: response.status, body, json: () => JSON.parse(body) };
  };
  await seedDemoCatalog({ inject } as unknown as FastifyInstance, server.adminToken);
}
