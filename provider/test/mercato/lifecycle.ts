/**
 * The acceptance steps every Mercato resource type goes through, as one describe block per type
 * with one workspace: create, no diff, update in place, replacement, drift, import (import block
 * and `terraform import`), deleted outside Terraform, destroy. Each step checks Terraform's output
 * and the server's objects through the API.
 */
import type { MercatoHarness } from './mercato-harness';
import { expectChanges, expectNoChanges, expectSuccess, type Workspace } from '../support/terraform';
import type { Api } from '@mercato/test-support/api-client';

export type Step = 'create' | 'update' | 'replace';

export interface LifecycleSpec<Ctx> {
  /** Resource type, e.g. `mercato_project`. */
  type: string;
  /** API collection, e.g. `projects`. */
  path: string;
  /** Parents and other objects the configuration refers to, made through the API. */
  setup(h: MercatoHarness): Promise<Ctx>;
  /** The resource's arguments (inside its braces) at each step. */
  body(ctx: Ctx, step: Step): string;
  /** What the server holds after each step is applied (a subset of the API object). */
  expected(ctx: Ctx, step: Step): Record<string, unknown>;
  /** Lines the in-place update's plan shows. */
  updateShows: RegExp[];
  /** The line of the replacement plan marked `# forces replacement`; absent when no argument forces one. */
  replaceShows?: RegExp;
  /** Changes the object through the API; the plan must then show `driftShows`. */
  drift(api: Api, id: string, ctx: Ctx): Promise<void>;
  driftShows: RegExp;
  /** Makes an object through the API, to be imported with the arguments importBody gives; answers its id. */
  createOutside(api: Api, ctx: Ctx): Promise<string>;
  importBody(ctx: Ctx): string;
  /** Checks after the in-place update was applied (e.g. the orders it placed). */
  afterUpdate?(api: Api, id: string, ctx: Ctx): Promise<void>;
  /** Removes the object outside Terraform. Default: DELETE through the API. */
  deleteOutside?(api: Api, id: string, ctx: Ctx): Promise<void>;
  /** Asserts the object is gone from the server. Default: GET answers 404. */
  expectGone?(api: Api, id: string): Promise<void>;
}

export function describeLifecycle<Ctx>(harness: () => MercatoHarness, spec: LifecycleSpec<Ctx>): void {
  describe(spec.type, () => {
    let h: MercatoHarness;
    let ctx: Ctx;
    let ws: Workspace;
    let step: Step = 'create';
    const ids: string[] = [];
    const address = `${spec.type}.this`;
    const imported = `${spec.type}.imported`;
    const resource = (label: string, body: string) => `resource "${spec.type}" "${label}" {\n${body}\n}\n`;
    const config = (extra = '') => `provider "mercato" {}\n${resource('this', spec.body(ctx, step))}${extra}`;
    const remote = (id: string) => h.admin.get(`/${spec.path}/${id}`);
    const idOf = async (addr = address) => {
      const found = ws.resources()[addr];
      if (!found) throw new Error(`${addr} is not in the state`);
      return found.values.id as string;
    };
    const expectOnServer = async (id: string) => {
      const response = await remote(id);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject(spec.expected(ctx, step));
    };

    const expectGone = async (id: string) => {
      if (spec.expectGone) return spec.expectGone(h.admin, id);
      expect([id, (await remote(id)).status]).toEqual([id, 404]);
    };

    beforeAll(async () => {
      h = harness();
      ctx = await spec.setup(h);
      ws = h.workspace(spec.type, config());
    });

    test('create, then a second plan shows no changes', async () => {
      const plan = expectChanges(await ws.plan());
      expect(plan.stdout).toContain(`${address} will be created`);
      expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
      expect((await ws.apply()).stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
      const id = await idOf();
      ids.push(id);
      await expectOnServer(id);
      expectNoChanges(await ws.plan());
    });

    test('update in place', async () => {
      const before = await idOf();
      step = 'update';
      ws.write(config());
      const plan = expectChanges(await ws.plan());
      expect(plan.stdout).toContain(`${address} will be updated in-place`);
      for (const line of spec.updateShows) expect(plan.stdout).toMatch(line);
      expect(plan.stdout).not.toContain('forces replacement');
      expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
      expect((await ws.apply()).stdout).toContain('Resources: 0 added, 1 changed, 0 destroyed.');
      expect(await idOf()).toBe(before);
      await expectOnServer(before);
      await spec.afterUpdate?.(h.admin, before, ctx);
      expectNoChanges(await ws.plan());
    });

    if (spec.replaceShows) {
      test('a change that forces replacement', async () => {
        const before = await idOf();
        step = 'replace';
        ws.write(config());
        const plan = expectChanges(await ws.plan());
        expect(plan.stdout).toContain(`${address} must be replaced`);
        expect(plan.stdout).toMatch(spec.replaceShows!);
        expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 1 to destroy.');
        expect((await ws.apply()).stdout).toContain('Resources: 1 added, 0 changed, 1 destroyed.');
        const after = await idOf();
        expect(after).not.toBe(before);
        ids.push(after);
        await expectOnServer(after);
        await expectGone(before);
        expectNoChanges(await ws.plan());
      });
    }

    test('drift made through the API shows in the plan, and apply reverts it', async () => {
      const id = await idOf();
      await spec.drift(h.admin, id, ctx);
      const plan = expectChanges(await ws.plan());
      expect(plan.stdout).toContain(`${address} will be updated in-place`);
      expect(plan.stdout).toMatch(spec.driftShows);
      await ws.apply();
      await expectOnServer(id);
      expectNoChanges(await ws.plan());
    });

    test('import with an import block, then with `terraform import`: no diff', async () => {
      const id = await spec.createOutside(h.admin, ctx);
      ids.push(id);
      const importedResource = resource('imported', spec.importBody(ctx));
      ws.write(config(`import {\n  to = ${imported}\n  id = "${id}"\n}\n${importedResource}`));
      const plan = expectChanges(await ws.plan());
      expect(plan.stdout).toContain(`${imported} will be imported`);
      expect(plan.stdout).toContain('Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.');
      expect((await ws.apply()).stdout).toContain('Resources: 1 imported, 0 added, 0 changed, 0 destroyed.');
      expectNoChanges(await ws.plan());

      ws.write(config(importedResource));
      expect(expectSuccess(await ws.terraform(['state', 'rm', imported])).stdout).toContain('Successfully removed 1 resource instance(s).');
      const result = expectSuccess(await ws.terraform(['import', '-input=false', imported, id]));
      expect(result.stdout).toContain('Import successful!');
      expect(await idOf(imported)).toBe(id);
      expectNoChanges(await ws.plan());
    });

    test('an object deleted outside Terraform is planned for creation; destroy leaves nothing', async () => {
      const id = await idOf();
      if (spec.deleteOutside) await spec.deleteOutside(h.admin, id, ctx);
      else expect((await h.admin.delete(`/${spec.path}/${id}`)).status).toBe(204);
      const plan = expectChanges(await ws.plan());
      expect(plan.stdout).toContain(`${address} will be created`);
      expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
      await ws.apply();
      const recreated = await idOf();
      ids.push(recreated);
      await expectOnServer(recreated);

      const destroy = await ws.terraform(['destroy', '-auto-approve', '-input=false']);
      expect(destroy.code).toBe(0);
      expect(destroy.stdout).toContain('Resources: 2 destroyed.');
      for (const id of ids) await expectGone(id);
      expect(ws.resources()).toEqual({});
    });
  });
}
