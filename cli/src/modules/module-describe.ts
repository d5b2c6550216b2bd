import type { MercatoClient } from '@mercato/api';
import {
  formatAge,
  renderJson,
  renderTable,
  renderYaml,
  section,
  type DESCRIBE_FORMATS,
  type Item,
} from '../objects/output';
import { modulePathOf } from './module-commands';

/**
 * `mercato describe module NAMESPACE/NAME/SYSTEM`: the module, then its versions and what its
 * latest version takes and gives (inputs, outputs, providers) as tables; `-o json|yaml` the
 * whole answer, README included.
 */
export async function describeModule(
  client: MercatoClient,
  ref: string,
  format?: (typeof DESCRIBE_FORMATS)[number],
): Promise<string> {
  const module = await client.get<Item>(`/modules/${modulePathOf(ref)}`);
  if (format === 'json') return renderJson(module);
  if (format === 'yaml') return renderYaml(module);
  const { versions, latest, ...summary } = module as Item & { versions: Item[]; latest: Item | null };
  const sections = [renderYaml(summary), versionsSection(versions)];
  if (latest) {
    const inputs = latest.inputs as Item[];
    const outputs = latest.outputs as Item[];
    const providers = latest.required_providers as Item[];
    sections.push(
      section(
        `Inputs of ${latest.version}`,
        inputs,
        renderTable(inputs, [
          { header: 'name', value: (i) => i.name },
          { header: 'type', value: (i) => i.type ?? 'any' },
          { header: 'required', value: (i) => (i.required ? 'yes' : 'no') },
          { header: 'default', value: (i) => ('default' in i ? JSON.stringify(i.default) : '') },
          { header: 'sensitive', value: (i) => (i.sensitive ? 'yes' : 'no') },
          { header: 'description', value: (i) => i.description },
          { header: 'validations', value: (i) => validationMessages(i) },
        ]),
      ),
      section(
        `Outputs of ${latest.version}`,
        outputs,
        renderTable(outputs, [
          { header: 'name', value: (o) => o.name },
          { header: 'sensitive', value: (o) => (o.sensitive ? 'yes' : 'no') },
          { header: 'description', value: (o) => o.description },
        ]),
      ),
      section(
        'Required providers',
        providers,
        renderTable(providers, [
          { header: 'name', value: (p) => p.name },
          { header: 'source', value: (p) => p.source },
          { header: 'version', value: (p) => p.version },
        ]),
      ),
    );
    if (latest.required_version) sections.push(`Terraform: ${String(latest.required_version)}`);
    const examples = latest.examples as string[];
    const submodules = latest.submodules as string[];
    if (examples.length) sections.push(`Examples: ${examples.join(', ')}`);
    if (submodules.length) sections.push(`Submodules: ${submodules.join(', ')}`);
  }
  return sections.join('\n\n');
}

/** What the input's validation blocks say when a value fails them (their conditions: `-o yaml`). */
function validationMessages(input: Item): string {
  return ((input.validations ?? []) as { error_message: string }[]).map((v) => v.error_message).join('; ');
}

function versionsSection(versions: Item[]): string {
  return section(
    'Versions',
    versions,
    renderTable(versions, [
      { header: 'version', value: (v) => v.version },
      { header: 'published', value: (v) => formatAge(v.published_at) },
      { header: 'yanked', value: (v) => (v.yanked ? 'yes' : 'no') },
      { header: 'deprecation', value: (v) => (v.deprecated ? v.deprecation_message || 'deprecated' : '') },
    ]),
  );
}
