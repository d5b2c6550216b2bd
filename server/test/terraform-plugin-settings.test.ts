/**
 * What the `terraform` plugin needs of the server it runs in, and the order's reason when it is
 * missing: the Terraform CLI (MERCATO_TERRAFORM_BIN, else `terraform` on PATH), the HTTPS
 * listener (MERCATO_HTTPS_PORT), a readable operator CLI configuration (MERCATO_TERRAFORM_CLI_CONFIG),
 * and staff's leave for the module's organization to run code on the server
 * (`terraform_runs_allowed`, which only staff sets). Each is a real server with one setting
 * wrong; the order errs saying what to set.
 */
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServerOptions } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder } from '@mercato/test-support/world';
import { namespaceOf, offerModule, placeCreate, publishModule } from './support/terraform-offerings';

const MODULE = {
  'main.tf': 'variable "name" {\n  type = string\n}\n\nresource "terraform_data" "this" {\n  input = var.name\n}\n',
};

/** The reason an order of a one-resource module errs with on a server started with `options`. */
async function reasonOn(
  options: TestServerOptions,
  prefix: string,
  allowRuns = true,
): Promise<{ state: string; reason: string }> {
  const server = await startTestServer('sqlite', { worker: { pollIntervalMs: 50 }, ...options });
  try {
    const admin = new Api(server.url, server.adminToken);
    const world = await makeWorld(admin, prefix);
    const address = `${await namespaceOf(admin, world, { allowRuns })}/one/local`;
    await publishModule(server, world, address, '1.0.0', MODULE);
    const offering = await offerModule(world, 'One', address);
    const placed = await placeCreate(world, offering, 'one', { name: 'x' });
    const { state, reason } = await waitForOrder(admin, placed.id, undefined, 60000);
    expect(await server.app.db.selectFrom('terraform_run_tokens').selectAll().execute()).toEqual([]);
    return { state, reason };
  } finally {
    await server.close();
  }
}

describe('terraform plugin settings', () => {
  test('a module of an organization staff has not allowed to run Terraform: the order errs saying so, and runs nothing', async () => {
    const { state, reason } = await reasonOn({ https: true }, 'tfallow', false);
    expect(state).toBe('erred');
    expect(reason).toMatch(
      /^module [a-z0-9-]+\/one\/local would run code on this server \(Terraform, its provisioners, data sources and providers\), and organization [a-z0-9-]+ is not allowed to: staff allow it with PATCH \/api\/v1\/organizations\/[a-z0-9-]+ \{"terraform_runs_allowed": true\}$/,
    );
  });

  test('only staff lets an organization run Terraform on the server', async () => {
    const server = await startTestServer('sqlite', { worker: { enabled: false } });
    try {
      const admin = new Api(server.url, server.adminToken);
      const world = await makeWorld(admin, 'tfstaff');
      const owner = world.providerOwner.api;
      const refused = await owner.expect(
        403,
        owner.patch(`/organizations/${world.provider.id}`, { terraform_runs_allowed: true }),
      );
      expect(refused.errors).toEqual([{ field: 'terraform_runs_allowed', message: 'only staff set it' }]);
      const created = await owner.expect(
        403,
        owner.post('/organizations', { name: 'Self Trusted', terraform_runs_allowed: true }),
      );
      expect(created.errors).toEqual([{ field: 'terraform_runs_allowed', message: 'only staff set it' }]);
      expect((await owner.expect(200, owner.get(`/organizations/${world.provider.id}`))).terraform_runs_allowed).toBe(
        false,
      );
      await admin.expect(200, admin.patch(`/organizations/${world.provider.id}`, { terraform_runs_allowed: true }));
      expect((await owner.expect(200, owner.get(`/organizations/${world.provider.id}`))).terraform_runs_allowed).toBe(
        true,
      );
    } finally {
      await server.close();
    }
  });

  test('no Terraform CLI where MERCATO_TERRAFORM_BIN points: the order errs saying so', async () => {
    expect(await reasonOn({ https: true, terraform: { bin: '/nonexistent/terraform' } }, 'tfbin')).toEqual({
      state: 'erred',
      reason:
        'the terraform plugin needs the Terraform CLI: MERCATO_TERRAFORM_BIN names /nonexistent/terraform, which is not an executable file',
    });
  });

  test('no HTTPS listener: the order errs saying the plugin needs MERCATO_HTTPS_PORT', async () => {
    const { state, reason } = await reasonOn({}, 'tfhttps');
    expect(state).toBe('erred');
    expect(reason).toContain("the terraform plugin needs the server's HTTPS listener (MERCATO_HTTPS_PORT)");
  });

  test('an operator CLI configuration that cannot be read: the order errs naming it', async () => {
    const { state, reason } = await reasonOn(
      { https: true, terraform: { cliConfigFile: '/nonexistent/operator.tfrc' } },
      'tfrc',
    );
    expect(state).toBe('erred');
    expect(reason).toMatch(/^MERCATO_TERRAFORM_CLI_CONFIG: cannot read \/nonexistent\/operator\.tfrc: ENOENT/);
  });
});
