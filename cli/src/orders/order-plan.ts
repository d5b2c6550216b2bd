import type { Item } from '../objects/output';
import { section } from '../objects/output';

/** A plan summary as the API gives it (`plan.summary`, `applied_plan` of an order). */
interface PlanSummary {
  add: number;
  change: number;
  destroy: number;
  resource_changes?: Array<{ address: string; actions: string[] }>;
  output_changes?: string[];
}

/** Terraform's symbols for its actions, as `terraform plan` prints them. */
function symbolOf(actions: string[]): string {
  const joined = actions.join(',');
  if (joined === 'delete,create' || joined === 'create,delete') return '-/+';
  if (joined === 'create') return '+';
  if (joined === 'update') return '~';
  if (joined === 'delete') return '-';
  if (joined === 'read') return '<=';
  return joined;
}

/** A summary in Terraform's words: `3 to add, 0 to change, 1 to destroy`, then each address with its action, then the outputs that change. */
function planLines(summary: PlanSummary): string[] {
  return [
    `${summary.add} to add, ${summary.change} to change, ${summary.destroy} to destroy`,
    ...(summary.resource_changes ?? []).map(({ address, actions }) => `${symbolOf(actions).padStart(3)} ${address}`),
    ...(summary.output_changes?.length ? [`outputs that change: ${summary.output_changes.join(', ')}`] : []),
  ];
}

/**
 * What `mercato describe order` shows beside the order: the plan previewed for its approvers
 * (`plan`: what it would add, change and destroy, by address; or why planning failed) and the plan
 * its run carried out (`applied_plan`). Nothing for an order whose plugin does not plan.
 */
export function orderPlanSections(order: Item): string[] {
  const sections: string[] = [];
  const plan = order.plan as { state: string; summary: PlanSummary | null; error: string } | null | undefined;
  if (plan) {
    const lines =
      plan.state === 'planned' && plan.summary
        ? planLines(plan.summary)
        : plan.state === 'failed'
          ? [`the plan failed: ${plan.error}`]
          : plan.state === 'stopped'
            ? ['not planned: the order left approval first']
            : ['planning...'];
    sections.push(section('Plan (before approval)', [{}], lines.join('\n')));
  }
  const applied = order.applied_plan as PlanSummary | null | undefined;
  if (applied) sections.push(section('Applied plan', [{}], planLines(applied).join('\n')));
  return sections;
}
