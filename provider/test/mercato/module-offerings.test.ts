/**
 * A module-backed offering seen from Terraform: a module published with `mercato module publish`,
 * a `terraform` offering naming it, and a `mercato_resource` of it whose attributes break the
 * schema generated from the module's inputs. The real provider validates them at plan time with
 * nothing made for it, naming each attribute; good attributes plan cleanly.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { diagnostic, errors } from '../support/terraform';
import { MERCATO_CLI } from '../support/repo-paths';

const MODULE = `
variable "name" {
  type = string
  validation {
    condition     = length(var.name) <= 10 && can(regex("^[a-z]+$", var.name))
    error_message = "Up to 10 lowercase letters."
  }
}
variable "size" {
  type    = number
  default = 1
  validation {
    condition     = var.size >= 1 && var.size <= 8
    error_message = "From 1 to 8."
  }
}
variable "pools" {
  type    = list(object({ zone = string, replicas = optional(number, 1) }))
  default = []
}
resource "terraform_data" "this" {
  input = var.name
}
`;

let h: MercatoHarness;
let offeringId: string;
let planId: string;
let projectId: string;

/** `mercato module publish` as a user runs it. */
function publishModule(dir: string, namespace: string): Promise<{ code: number; stderr: string }> {
  const args = ['module', 'publish', dir, '--namespace', namespace, '--name', 'app', '--system', 'local'];
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [MERCATO_CLI, ...args, '--version', '1.0.0'],
      { env: { ...process.env, MERCATO_ENDPOINT: h.url, MERCATO_TOKEN: h.server.adminToken } },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    ),
  );
}

beforeAll(async () => {
  h = await createMercatoHarness();
  const organization = await h.admin.expect(201, h.admin.post('/organizations', { name: 'Module Makers' }));
  const category = await h.admin.expect(201, h.admin.post('/categories', { title: 'Modules' }));
  const dir = mkdtempSync(join(tmpdir(), 'mercato-module-'));
  writeFileSync(join(dir, 'main.tf'), MODULE);
  const published = await publishModule(dir, organization.slug);
  rmSync(dir, { recursive: true, force: true });
  expect(published).toEqual({ code: 0, stderr: '' });
  const offering = await h.admin.expect(
    201,
    h.admin.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: 'App from a module',
      type: 'terraform',
      status: 'active',
      plugin_options: { module: `${organization.slug}/app/local` },
    }),
  );
  offeringId = offering.id;
  planId = (
    await h.admin.expect(201, h.admin.post('/plans', { offering_id: offeringId, name: 'basic', unit: 'month' }))
  ).id;
  const project = await h.admin.expect(
    201,
    h.admin.post('/projects', { organization_id: organization.id, name: 'module consumers' }),
  );
  projectId = project.id;
});
afterAll(() => h?.close());

const config = (attributes: string) => `provider "mercato" {}
resource "mercato_resource" "app" {
  project_id  = "${projectId}"
  offering_id = "${offeringId}"
  plan_id     = "${planId}"
  name        = "app"
  attributes  = ${attributes}
}
`;

test('attributes that break the generated schema fail the plan, each named', async () => {
  const ws = h.workspace('bad', config('{ name = "Not-Valid", size = 9, pools = [{ replicas = 2 }], colour = "red" }'));
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  const messages = errors(plan).map((d) => d.detail);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^attributes\.name must match pattern "\^\[a-z\]\+\$"/),
      expect.stringMatching(/^attributes\.size must be <= 8/),
      expect.stringMatching(/^attributes\.pools\[0\]\.zone is required/),
      expect.stringMatching(/^attributes\.colour is not a known field/),
    ]),
  );
  expect(diagnostic(plan, 'Invalid attributes').address).toBe('mercato_resource.app');
});

test('attributes the module accepts plan cleanly', async () => {
  const ws = h.workspace('good', config('{ name = "web", size = 2, pools = [{ zone = "a" }] }'));
  const plan = await ws.plan();
  expect(errors(plan)).toEqual([]);
  // -detailed-exitcode: 2 is a plan with changes.
  expect(plan.code).toBe(2);
  expect(plan.summary).toMatchObject({ add: 1, change: 0, remove: 0 });
});
