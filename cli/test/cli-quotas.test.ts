/** `mercato get quotas`: the quotas the caller sees, with their usage, against the real server. */
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';
import { runMercato } from './support/run-cli';

let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const admin = new Api(server.url, server.adminToken);
  w = await makeWorld(admin, 'cq');
  const owner = w.consumer.owner.api;
  await owner.expect(201, owner.post('/quotas', { project_id: w.consumer.project.id, component: 'cpu', limit: 100 }));
  await owner.expect(
    201,
    owner.post('/orders', {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: w.autoApproved.id,
      plan_id: w.autoApproved.plan.id,
      name: 'vm',
      attributes: { instance_type: 'general-purpose' },
      limits: { cpu: 8 },
    }),
  );
});
afterAll(() => server.close());

test('get quotas lists a project quota with its usage, by project name; other tenants see none', async () => {
  const run = await runMercato(
    ['get', 'quotas', '--project', w.consumer.project.id],
    server.url,
    w.consumer.member.token,
  );
  expect(run.stderr).toBe('');
  const [header, row] = run.stdout.trim().split('\n');
  expect(header.split(/\s{3,}/)).toEqual(['ID', 'ORGANIZATION', 'PROJECT', 'COMPONENT', 'OFFERING', 'USAGE', 'LIMIT']);
  expect(row.split(/\s{3,}/).slice(1)).toEqual(['cq consumer', 'consumer project', 'cpu', '<none>', '8', '100']);
  const other = await runMercato(['get', 'quotas', '-o', 'json'], server.url, w.other.owner.token);
  expect(JSON.parse(other.stdout)).toEqual([]);
});
