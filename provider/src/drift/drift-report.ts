/**
 * What changed outside Terraform, per resource and per attribute, from the `resource_drift`
 * entries of a refresh-only plan (`terraform show -json <planfile>`), and its three renderings:
 * text for a terminal, JSON for programs, Markdown for a pull request or a CI job summary.
 */

/** One `resource_drift` entry of Terraform's JSON plan representation. */
export interface PlanResourceDrift {
  address: string;
  mode?: string;
  type: string;
  name: string;
  index?: unknown;
  module_address?: string;
  change: {
    actions: string[];
    before?: unknown;
    after?: unknown;
    before_sensitive?: unknown;
    after_sensitive?: unknown;
  };
}

export interface AttributeDrift {
  /** e.g. `name`, `attributes.backup.retention_days`, `component[1].price`, `prices["cpu"]`. */
  path: string;
  /** The value recorded in the Terraform state; `null` when absent. */
  before: unknown;
  /** The value found outside Terraform (what the refresh read). */
  after: unknown;
  /** Both values are replaced by SENSITIVE_MASK. */
  sensitive: boolean;
}

export interface ResourceDrift {
  address: string;
  type: string;
  name: string;
  /** `update` (changed outside Terraform) or `delete` (deleted outside Terraform). */
  action: string;
  attributes: AttributeDrift[];
}

/** A resource of the refreshed state, as `terraform show -json` gives it (`prior_state`). */
export interface StateResource {
  address: string;
  mode?: string;
  type: string;
  name: string;
  values?: Record<string, unknown>;
}

/**
 * A resource that exists but is not working: the server holds it as `Erred` (its create order
 * failed, so it was never provisioned). The state matches the server, so a refresh shows no
 * drift, yet the configuration asks for a working resource.
 */
export interface ErredResource {
  address: string;
  type: string;
  name: string;
  /** The last order Terraform placed for it, when the state knows it. */
  order_id: string | null;
}

export interface DriftReport {
  /** True when anything changed outside Terraform or a resource is not working (exit code 2). */
  drifted: boolean;
  /** The directory checked. */
  dir: string;
  resources: ResourceDrift[];
  erred: ErredResource[];
}

export const SENSITIVE_MASK = '(sensitive value)';
export const DRIFT_FORMATS = ['text', 'json', 'markdown'] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];

export function buildDriftReport(dir: string, entries: PlanResourceDrift[], state: StateResource[] = []): DriftReport {
  const resources = entries
    .filter((entry) => (entry.mode ?? 'managed') === 'managed')
    .map((entry): ResourceDrift => {
      const actions = entry.change.actions ?? [];
      const action =
        actions.includes('delete') && entry.change.after == null ? 'delete' : actions.join('-') || 'update';
      const mask = mergeMasks(entry.change.before_sensitive, entry.change.after_sensitive);
      const attributes =
        action === 'delete' ? [] : diffValues(entry.change.before ?? null, entry.change.after ?? null, [], mask);
      return { address: entry.address, type: entry.type, name: entry.name, action, attributes };
    })
    .filter((resource) => resource.action === 'delete' || resource.attributes.length > 0)
    .sort((a, b) => a.address.localeCompare(b.address));
  const erred = erredResources(state);
  return { drifted: resources.length > 0 || erred.length > 0, dir, resources, erred };
}

/** Managed Mercato resources whose refreshed `state` is `Erred`. */
function erredResources(state: StateResource[]): ErredResource[] {
  return state
    .filter((r) => (r.mode ?? 'managed') === 'managed' && r.type.startsWith('mercato_') && r.values?.state === 'Erred')
    .map((r) => ({
      address: r.address,
      type: r.type,
      name: r.name,
      order_id: typeof r.values?.order_id === 'string' ? r.values.order_id : null,
    }))
    .sort((a, b) => a.address.localeCompare(b.address));
}

const ERRED_ADVICE =
  'An Erred resource was never provisioned: `terraform apply` replaces it (its plan says which order failed and why).';

function erredLine(resource: ErredResource): string {
  return `${resource.address} is Erred${resource.order_id ? ` (order ${resource.order_id})` : ''}`;
}

type PathStep = string | number;

/** The changed leaves between two values; objects are walked, lists compared whole unless they hold objects (blocks). */
function diffValues(before: unknown, after: unknown, path: PathStep[], mask: unknown): AttributeDrift[] {
  if (deepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) =>
      diffValues(before[key] ?? null, after[key] ?? null, [...path, key], childMask(mask, key)),
    );
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    before.length === after.length &&
    before.every(isPlainObject) &&
    after.every(isPlainObject)
  ) {
    return before.flatMap((item, i) => diffValues(item, after[i], [...path, i], childMask(mask, i)));
  }
  const sensitive = anySensitive(mask);
  return [
    {
      path: formatPath(path),
      before: sensitive ? SENSITIVE_MASK : before,
      after: sensitive ? SENSITIVE_MASK : after,
      sensitive,
    },
  ];
}

/** Top-level names bare, nested names dotted, keys that are not identifiers quoted, indexes in brackets. */
function formatPath(path: PathStep[]): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) text += text ? `.${step}` : step;
    else text += `[${JSON.stringify(step)}]`;
  }
  return text;
}

/** A sensitivity mask mirrors the value: `true` marks a sensitive value and everything under it. */
function childMask(mask: unknown, step: PathStep): unknown {
  if (mask === true) return true;
  if (mask && typeof mask === 'object') return (mask as Record<string, unknown>)[step as string];
  return undefined;
}

function anySensitive(mask: unknown): boolean {
  if (mask === true) return true;
  if (mask && typeof mask === 'object') return Object.values(mask as Record<string, unknown>).some(anySensitive);
  return false;
}

function mergeMasks(a: unknown, b: unknown): unknown {
  if (a === true || b === true) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = Array.isArray(a) ? a : [];
    const right = Array.isArray(b) ? b : [];
    return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => mergeMasks(left[i], right[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    const left = isPlainObject(a) ? a : {};
    const right = isPlainObject(b) ? b : {};
    return Object.fromEntries(
      [...new Set([...Object.keys(left), ...Object.keys(right)])].map((key) => [
        key,
        mergeMasks(left[key], right[key]),
      ]),
    );
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key] ?? null, b[key] ?? null));
  }
  return false;
}

// Rendering

export function renderDrift(report: DriftReport, format: DriftFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'markdown':
      return renderMarkdown(report);
    default:
      return renderText(report);
  }
}

/** A value as HCL would show it: strings quoted, objects and lists as JSON, null as `null`. */
function showValue(value: unknown, sensitive = false): string {
  if (sensitive) return SENSITIVE_MASK;
  if (value === undefined) return 'null';
  return JSON.stringify(value) ?? 'null';
}

function summary(report: DriftReport): string {
  const count = (n: number) => `${n} resource${n === 1 ? '' : 's'}`;
  const parts = [];
  if (report.resources.length) parts.push(`${count(report.resources.length)} changed outside Terraform`);
  if (report.erred.length) parts.push(`${count(report.erred.length)} not working`);
  return parts.join(', ');
}

function renderText(report: DriftReport): string {
  if (!report.drifted) return `No drift: the infrastructure in ${report.dir} matches the Terraform state.`;
  const lines = [`Drift detected: ${summary(report)} (in ${report.dir}).`];
  for (const resource of report.resources) {
    lines.push('');
    if (resource.action === 'delete') {
      lines.push(`  ${resource.address}: deleted outside Terraform`);
      continue;
    }
    lines.push(`  ${resource.address}: changed outside Terraform`);
    const width = Math.max(...resource.attributes.map((a) => a.path.length));
    for (const attribute of resource.attributes) {
      lines.push(
        `    ~ ${attribute.path.padEnd(width)}  ${showValue(attribute.before, attribute.sensitive)} -> ${showValue(attribute.after, attribute.sensitive)}`,
      );
    }
  }
  for (const resource of report.erred) lines.push('', `  ${erredLine(resource)}: not working`);
  if (report.resources.length)
    lines.push(
      '',
      'Run `terraform apply` to restore the configuration, or update the configuration and `terraform apply -refresh-only` to accept the changes.',
    );
  if (report.erred.length) lines.push('', ERRED_ADVICE);
  return lines.join('\n');
}

/** Markdown table cells: inline code, pipes escaped, one line. */
function cell(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const fence = flat.includes('`') ? '`` ' : '`';
  return `${fence}${flat}${fence.split('').reverse().join('')}`;
}

function renderMarkdown(report: DriftReport): string {
  if (!report.drifted)
    return `### Terraform drift: none\n\nThe infrastructure in \`${report.dir}\` matches the Terraform state.`;
  const lines = [
    `### Terraform drift: ${summary(report)}`,
    '',
    '| Resource | Attribute | In state | Outside Terraform |',
    '|---|---|---|---|',
  ];
  for (const resource of report.resources) {
    if (resource.action === 'delete') {
      lines.push(`| ${cell(resource.address)} | *(whole resource)* | exists | **deleted** |`);
      continue;
    }
    for (const attribute of resource.attributes) {
      lines.push(
        `| ${cell(resource.address)} | ${cell(attribute.path)} | ${cell(showValue(attribute.before, attribute.sensitive))} | ${cell(showValue(attribute.after, attribute.sensitive))} |`,
      );
    }
  }
  for (const resource of report.erred)
    lines.push(
      `| ${cell(resource.address)} | \`state\` | *(working)* | **Erred**${resource.order_id ? ` (order ${cell(resource.order_id)})` : ''} |`,
    );
  if (report.resources.length)
    lines.push(
      '',
      'Run `terraform apply` to restore the configuration, or update the configuration and run `terraform apply -refresh-only` to accept the changes.',
    );
  if (report.erred.length) lines.push('', ERRED_ADVICE);
  return lines.join('\n');
}
