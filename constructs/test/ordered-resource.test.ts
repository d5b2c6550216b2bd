/**
 * OrderedResource passes a configuration's secret properties to `mercato_resource` as its own
 * (sensitive) `secret_attributes` argument, beside `attributes`.
 */
import type * as Mercato from '@mercato/cdktf';
import type * as Cdktf from 'cdktf';
import { ensureBuilt } from './support/build';

let lib: typeof Mercato;
let cdktf: typeof Cdktf;

beforeAll(async () => {
  await ensureBuilt();
  lib = await import('@mercato/cdktf');
  cdktf = await import('cdktf');
});

test('secretAttributes become secret_attributes, apart from attributes', () => {
  const app = cdktf.Testing.app();
  const stack = new cdktf.TerraformStack(app, 'test');
  const password = new cdktf.TerraformVariable(stack, 'db_admin_password', { type: 'string', sensitive: true });
  new lib.OrderedResource(stack, 'db', {
    project: lib.Project.fromProjectId(stack, 'p', 'prj-1'),
    offering: lib.Offering.fromSlug(stack, 'pg', 'postgresql'),
    plan: 'db-small',
    attributes: { database_name: 'app' },
    secretAttributes: { admin_password: password.stringValue, replication: { password: 'literal-secret' } },
  });
  const json = JSON.parse(cdktf.Testing.synth(stack));
  const [db] = Object.values(json.resource.mercato_resource) as Record<string, any>[];
  expect(db.attributes).toEqual({ database_name: 'app' });
  expect(db.secret_attributes).toEqual({
    admin_password: '${var.db_admin_password}',
    replication: { password: 'literal-secret' },
  });
});

test('paused is passed to mercato_resource as paused, and left out by default', () => {
  const app = cdktf.Testing.app();
  const stack = new cdktf.TerraformStack(app, 'test');
  const project = lib.Project.fromProjectId(stack, 'p', 'prj-1');
  const offering = lib.Offering.fromSlug(stack, 'quota', 'quota');
  new lib.OrderedResource(stack, 'stopped', { project, offering, plan: 'small', paused: true });
  new lib.OrderedResource(stack, 'running', { project, offering, plan: 'small' });
  const json = JSON.parse(cdktf.Testing.synth(stack));
  const byName = Object.fromEntries(
    (Object.values(json.resource.mercato_resource) as Record<string, any>[]).map((r) => [r.name, r]),
  );
  expect(byName.stopped.paused).toBe(true);
  expect(byName.running).not.toHaveProperty('paused');
});
