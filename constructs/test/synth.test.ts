/**
 * Synthesis: the example app's JSON (snapshots), and the hand-written constructs' behaviour.
 */
import { rmSync } from 'node:fs';
import type * as Mercato from '@mercato/cdktf';
import type * as Cdktf from 'cdktf';
import { ensureBuilt } from './support/build';
import { EXAMPLE_APP, synthApp, type Synthesized } from './support/synth';

let lib: typeof Mercato;
let cdktf: typeof Cdktf;
let example: Synthesized;

beforeAll(async () => {
  await ensureBuilt();
  lib = await import('@mercato/cdktf');
  cdktf = await import('cdktf');
  example = await synthApp(EXAMPLE_APP);
});

afterAll(() => {
  if (example) rmSync(example.project, { recursive: true, force: true });
});

/** One stack's synthesized JSON, in-process. */
function synthStack(build: (stack: Cdktf.TerraformStack) => void): Record<string, any> {
  const app = cdktf.Testing.app();
  const stack = new cdktf.TerraformStack(app, 'test');
  build(stack);
  return JSON.parse(cdktf.Testing.synth(stack));
}

describe('the example app (examples/cdktf)', () => {
  test('synthesizes a publisher and a consumer stack', () => {
    expect(Object.keys(example.stacks).sort()).toEqual(['consumer', 'publisher']);
  });

  test('publisher stack JSON', () => {
    expect(example.stacks.publisher).toMatchSnapshot();
  });

  test('consumer stack JSON', () => {
    expect(example.stacks.consumer).toMatchSnapshot();
  });

  test("the typed Redis construct writes its camelCase config in the schema's snake_case", () => {
    const resources = example.stacks.consumer.resource.mercato_resource;
    const cache = Object.values(resources).find((r: any) => r.name === 'example-cache') as Record<string, any>;
    expect(cache.attributes).toEqual({ memory_gb: 2, eviction_policy: 'allkeys-lru', tls_enabled: true });
    expect(cache.version).toBe('7.2.0');
    expect(cache.plan_id).toMatch(/^\$\{data\.mercato_offering\.mercato-offering-redis\.plans\["cache-basic"\]\.id\}$/);
  });
});

describe('generated bindings as namespaces', () => {
  test('every resource and data source type is exported as a prebuilt provider exports it', () => {
    expect(
      Object.keys(lib)
        .filter((k) => /^[a-z]/.test(k))
        .sort(),
    ).toEqual(
      [
        'category',
        'dataMercatoCategory',
        'dataMercatoCostEstimate',
        'dataMercatoInvoice',
        'dataMercatoOffering',
        'dataMercatoOfferings',
        'dataMercatoOrganization',
        'dataMercatoProject',
        'dataMercatoResource',
        'mercatoOffering',
        'mercatoProject',
        'offering',
        'offeringVersion',
        'organization',
        'plan',
        'project',
        'provider',
        'quota',
        'resource',
      ].sort(),
    );
    expect(lib.offering).toBe(lib.mercatoOffering);
    expect(lib.project.Project).toBe(lib.mercatoProject.Project);
    expect(lib.resource.Resource.tfResourceType).toBe('mercato_resource');
    expect(lib.quota.Quota.tfResourceType).toBe('mercato_quota');
  });
});

describe('Offering', () => {
  const props = (extra: Partial<Mercato.OfferingProps> = {}): Mercato.OfferingProps => ({
    organizationId: 'org-1',
    categoryId: 'cat-1',
    name: 'Storage',
    ...extra,
  });

  test('declares the offering, its components, versions and plans, with defaults', () => {
    let offering!: Mercato.Offering;
    const json = synthStack((stack) => {
      offering = new lib.Offering(stack, 'storage', {
        ...props(),
        components: [{ type: 'storage', name: 'Storage', billingType: lib.BillingType.LIMIT, measuredUnit: 'GB' }],
        versions: [
          { version: '1.0.0', optionsSchema: { type: 'object', properties: { bucket_name: { type: 'string' } } } },
        ],
        plans: [{ name: 'small', prices: { storage: 1 } }],
      });
      offering.addVersion({ version: '2.0.0', status: lib.VersionStatus.BETA });
      offering.addComponent({ type: 'requests', name: 'Requests', billingType: lib.BillingType.USAGE });
      new cdktf.TerraformOutput(stack, 'plan_id', { value: offering.planId('small') });
      new cdktf.TerraformOutput(stack, 'handle_plan_id', { value: offering.plan('small').planId });
      new cdktf.TerraformOutput(stack, 'version_id', { value: offering.version('2.0.0').versionId });
    });
    const resource = Object.values(json.resource.mercato_offering)[0] as Record<string, any>;
    expect(resource).toMatchObject({
      organization_id: 'org-1',
      category_id: 'cat-1',
      name: 'Storage',
      type: 'manual',
      status: 'active',
    });
    expect(resource.component).toEqual([
      { type: 'storage', name: 'Storage', billing_type: 'limit', measured_unit: 'GB' },
      { type: 'requests', name: 'Requests', billing_type: 'usage' },
    ]);
    const versions = Object.values(json.resource.mercato_offering_version) as Record<string, any>[];
    expect(versions.map((v) => [v.version, v.status, JSON.parse(v.options_schema)])).toEqual([
      ['1.0.0', 'available', { type: 'object', properties: { bucket_name: { type: 'string' } } }],
      ['2.0.0', 'beta', { type: 'object' }],
    ]);
    expect(versions[0].offering_id).toMatch(/^\$\{mercato_offering\.storage\.id\}$/);
    const plan = Object.values(json.resource.mercato_plan)[0] as Record<string, any>;
    expect(plan).toMatchObject({ name: 'small', unit: 'month', prices: { storage: 1 } });
    expect(json.output.plan_id.value).toMatch(/^\$\{mercato_plan\.storage_plan-small_[0-9A-F]+\.id\}$/);
    expect(json.output.handle_plan_id.value).toBe(json.output.plan_id.value);
    expect(json.output.version_id.value).toMatch(/^\$\{mercato_offering_version\.storage_version-200_[0-9A-F]+\.id\}$/);
    expect(offering.version('2.0.0').version).toBe('2.0.0');
  });

  test('handles of unknown versions and plans, and duplicates, are errors naming what exists', () => {
    synthStack((stack) => {
      const offering = new lib.Offering(stack, 'o', {
        ...props(),
        versions: [{ version: '1.0.0' }],
        plans: [{ name: 'small' }],
      });
      expect(() => offering.version('9.9.9')).toThrow(/has no version 9\.9\.9; it has: 1\.0\.0/);
      expect(() => offering.plan('huge')).toThrow(/has no plan huge; it has: small/);
      expect(() => offering.addPlan({ name: 'small' })).toThrow(/already has plan small/);
    });
  });

  test('lookups: fromSlug and fromOfferingId read the mercato_offering data source; plans by name', () => {
    const json = synthStack((stack) => {
      const bySlug = lib.Offering.fromSlug(stack, 'pg', 'postgresql');
      const byId = lib.Offering.fromOfferingId(stack, 'vm', 'off-123');
      new lib.OrderedResource(stack, 'db', {
        project: lib.Project.fromProjectId(stack, 'p', 'prj-1'),
        offering: bySlug,
        plan: 'db-small',
        attributes: { database_name: 'app' },
      });
      new lib.OrderedResource(stack, 'vm-res', {
        project: lib.Project.fromProjectId(stack, 'p2', 'prj-1'),
        offering: byId,
        plan: 'small',
        limits: { cpu: 2 },
        createTimeout: '45m',
      });
      expect(lib.Offering.lookupSlug(stack, 'redis')).toBe(lib.Offering.lookupSlug(stack, 'redis'));
    });
    const data = Object.values(json.data.mercato_offering) as Record<string, any>[];
    expect(data.map((d) => d.slug ?? d.id).sort()).toEqual(['off-123', 'postgresql', 'redis']);
    const [db, vm] = Object.values(json.resource.mercato_resource) as Record<string, any>[];
    expect(db).toMatchObject({ project_id: 'prj-1', name: 'db', attributes: { database_name: 'app' } });
    expect(db.plan_id).toMatch(/^\$\{data\.mercato_offering\.pg\.plans\["db-small"\]\.id\}$/);
    expect(db.timeouts).toBeUndefined();
    expect(vm).toMatchObject({ limits: { cpu: 2 }, timeouts: { create: '45m' } });
  });
});

describe('Project', () => {
  test('declares a project named after its id by default; fromProjectId refers to an existing one', () => {
    const json = synthStack((stack) => {
      const project = new lib.Project(stack, 'team-a', { organizationId: 'org-1' });
      expect(lib.Project.fromProjectId(stack, 'existing', 'prj-9').projectId).toBe('prj-9');
      expect(project.projectId).toMatch(/^\$\{TfToken/);
    });
    expect(Object.values(json.resource.mercato_project)).toEqual([
      expect.objectContaining({ organization_id: 'org-1', name: 'team-a' }),
    ]);
  });
});
