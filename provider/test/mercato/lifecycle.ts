/**
 * The acceptance steps every Mercato resource type goes through, as one describe block per type
 * with one workspace: create, no diff, update in place, replacement, drift, import (import block
 * and `terraform import`), deleted outside Terraform, a delete the server refuses, destroy. Each
 * step plans to a file and asserts on `terraform show -json` of it (actions, planned values,
 * unknown values, replacement paths, drift, import), applies exactly that plan, and checks the
 * change summary Terraform reports and the server's objects through the API.
 */
import { isDeepStrictEqual } from 'node:util';
import type { MercatoHarness } from './mercato-harness';
import {
  errors,
  expectNoChanges,
  expectSuccess,
  type PlannedChange,
  type SavedPlan,
  type Workspace,
} from '../support/terraform';
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
  /** The values the plan of each step gives the resource (a subset of the saved plan's `after`). */
  planned(ctx: Ctx, step: Step): Record<string, unknown>;
  /** What the server holds after each step is applied (a subset of the API object). Default: the planned values. */
  expected?(ctx: Ctx, step: Step): Record<string, unknown>;
  /** The attributes the in-place update changes, computed ones it plans as unknown included. */
  updateChanges: string[];
  /** The argument whose change forces replacement; absent when no argument forces one. */
  replacedBy?: string;
  /** Changes the object through the API; the plan must then show `drifted` as the values before it reverts them. */
  drift(api: Api, id: string, ctx: Ctx): Promise<void>;
  drifted(ctx: Ctx): Record<string, unknown>;
  /** Makes an object through the API, to be imported with the arguments importBody gives; answers its id. */
  createOutside(api: Api, ctx: Ctx): Promise<string>;
  importBody(ctx: Ctx): string;
  /** Checks after the in-place update was applied (e.g. the orders it placed). */
  afterUpdate?(api: Api, id: string, ctx: Ctx): Promise<void>;
  /** Removes the object outside Terraform. Default: DELETE through the API. */
  deleteOutside?(api: Api, id: string, ctx: Ctx): Promise<void>;
  /** Asserts the object is gone from the server. Default: GET answers 404. */
  expectGone?(api: Api, id: string): Promise<void>;
  /** Makes the server refuse to delete the object (a child made outside Terraform); answers what undoes it. */
  blockDelete?(api: Api, id: string, ctx: Ctx): Promise<() => Promise<void>>;
  /** The summary of the error a refused delete gives. */
  refusedDelete?: string;
}

/** The top-level attributes a change alters: a different value, or one planned as unknown. */
function changedAttributes(change: PlannedChange): string[] {
  const names = new Set([...Object.keys(change.after ?? {}), ...Object.keys(change.after_unknown)]);
  return [...names]
    .filter(
      (name) => change.after_unknown[name] === true || !isDeepStrictEqual(change.before?.[name], change.after?.[name]),
    )
    .sort();
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
      expect(response.body).toMatchObject((spec.expected ?? spec.planned)(ctx, step));
    };
    const expectGone = async (id: string) => {
      if (spec.expectGone) return spec.expectGone(h.admin, id);
      expect([id, (await remote(id)).status]).toEqual([id, 404]);
    };
    /** The saved plan's change of `addr`, which must have these actions. */
    const planned = (plan: SavedPlan, actions: string[], addr = address) => {
      const change = plan.change!(addr)!;
      expect([addr, change.actions]).toEqual([addr, actions]);
      return change;
    };
    const summaryOf = (counts: Partial<Record<'add' | 'change' | 'import' | 'remove', number>>) => ({
      add: 0,
      change: 0,
      import: 0,
      remove: 0,
      ...counts,
    });

    beforeAll(async () => {
      h = harness();
      ctx = await spec.setup(h);
      ws = h.workspace(spec.type, config());
    });

    test('create, then a second plan shows no changes', async () => {
      const plan = await ws.savedPlan();
      expect(plan.summary).toMatchObject(summaryOf({ add: 1 }));
      const change = planned(plan, ['create']);
      expect(change.after).toMatchObject(spec.planned(ctx, 'create'));
      expect(change.after_unknown).toMatchObject({ id: true });
      expect((await ws.applySaved()).summary).toMatchObject(summaryOf({ add: 1 }));
      const id = await idOf();
      ids.push(id);
      await expectOnServer(id);
      expectNoChanges(await ws.plan());
    });

    test('update in place', async () => {
      const before = await idOf();
      step = 'update';
      ws.write(config());
      const plan = await ws.savedPlan();
      expect(plan.summary).toMatchObject(summaryOf({ change: 1 }));
      const change = planned(plan, ['update']);
      expect(change.replace_paths ?? []).toEqual([]);
      expect(change.before).toMatchObject({ ...spec.planned(ctx, 'create'), id: before });
      expect(change.after).toMatchObject({ ...spec.planned(ctx, 'update'), id: before });
      expect(changedAttributes(change)).toEqual([...spec.updateChanges].sort());
      expect((await ws.applySaved()).summary).toMatchObject(summaryOf({ change: 1 }));
      expect(await idOf()).toBe(before);
      await expectOnServer(before);
      await spec.afterUpdate?.(h.admin, before, ctx);
      expectNoChanges(await ws.plan());
    });

    if (spec.replacedBy) {
      test('a change that forces replacement', async () => {
        const before = await idOf();
        step = 'replace';
        ws.write(config());
        const plan = await ws.savedPlan();
        expect(plan.summary).toMatchObject(summaryOf({ add: 1, remove: 1 }));
        const change = planned(plan, ['delete', 'create']);
        expect(change.replace_paths).toEqual([[spec.replacedBy]]);
        expect(change.after).toMatchObject(spec.planned(ctx, 'replace'));
        expect(change.after_unknown).toMatchObject({ id: true });
        expect((await ws.applySaved()).summary).toMatchObject(summaryOf({ add: 1, remove: 1 }));
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
      const plan = await ws.savedPlan();
      expect(plan.plan!.resource_drift?.map((d) => [d.address, d.change.actions])).toEqual([[address, ['update']]]);
      const change = planned(plan, ['update']);
      expect(change.before).toMatchObject(spec.drifted(ctx));
      expect(change.after).toMatchObject(spec.planned(ctx, step));
      expect((await ws.applySaved()).summary).toMatchObject(summaryOf({ change: 1 }));
      await expectOnServer(id);
      expectNoChanges(await ws.plan());
    });

    test('import with an import block, then with `terraform import`: no diff', async () => {
      const id = await spec.createOutside(h.admin, ctx);
      ids.push(id);
      const importedResource = resource('imported', spec.importBody(ctx));
      ws.write(config(`import {\n  to = ${imported}\n  id = "${id}"\n}\n${importedResource}`));
      const plan = await ws.savedPlan();
      expect(plan.summary).toMatchObject(summaryOf({ import: 1 }));
      expect(planned(plan, ['no-op'], imported).importing).toEqual({ id });
      expect((await ws.applySaved()).summary).toMatchObject(summaryOf({ import: 1 }));
      expectNoChanges(await ws.plan());

      ws.write(config(importedResource));
      expectSuccess(await ws.terraform(['state', 'rm', imported]));
      expect(ws.resources()[imported]).toBeUndefined();
      // `terraform import` has no machine-readable output: its exit code and the state say how it went.
      expectSuccess(await ws.terraform(['import', '-input=false', imported, id]));
      expect(await idOf(imported)).toBe(id);
      expectNoChanges(await ws.plan());
    });

    test('an object deleted outside Terraform is planned for creation; destroy leaves nothing', async () => {
      const id = await idOf();
      if (spec.deleteOutside) await spec.deleteOutside(h.admin, id, ctx);
      else expect((await h.admin.delete(`/${spec.path}/${id}`)).status).toBe(204);
      const plan = await ws.savedPlan();
      expect(plan.plan!.resource_drift?.map((d) => [d.address, d.change.actions])).toEqual([[address, ['delete']]]);
      planned(plan, ['create']);
      expect((await ws.applySaved()).summary).toMatchObject(summaryOf({ add: 1 }));
      const recreated = await idOf();
      ids.push(recreated);
      await expectOnServer(recreated);

      if (spec.blockDelete) {
        // The server refuses: one error, and the object stays in the state for the next try.
        const undo = await spec.blockDelete(h.admin, recreated, ctx);
        const refused = await ws.tryDestroy();
        expect(refused.code).toBe(1);
        expect(errors(refused).map((d) => d.summary)).toEqual([spec.refusedDelete]);
        expect(ws.resources()[address]?.values.id).toBe(recreated);
        await expectOnServer(recreated);
        await undo();
      }
      const destroy = await ws.destroy();
      // The imported object went with the refused destroy already.
      expect(destroy.summary).toMatchObject(summaryOf({ remove: spec.blockDelete ? 1 : 2 }));
      for (const id of ids) await expectGone(id);
      expect(ws.resources()).toEqual({});
    });
  });
}
