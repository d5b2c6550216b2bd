/**
 * provider/docs is generated from the schema's descriptions and examples/: it must be exactly
 * what `npm run docs` writes now, and every example must be formatted as `terraform fmt` wants.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentSchema, DOCS_DIR, EXAMPLES_DIR, generateDocs, listDocs, ctyLabel } from '../scripts/generate-docs';
import { REPO_ROOT } from './support/repo-paths';
import { run, TERRAFORM } from './support/terraform';

const schema = currentSchema();
const pages = generateDocs(schema);
const providerSchema = Object.values(schema.provider_schemas)[0];

test('provider/docs is up to date with the schema and the examples (run `npm run docs`)', () => {
  const onDisk = listDocs(DOCS_DIR);
  expect(onDisk).toEqual([...pages.keys()].sort());
  const outdated = [...pages]
    .filter(([path, content]) => readFileSync(join(DOCS_DIR, path), 'utf8') !== content)
    .map(([path]) => path);
  expect(outdated).toEqual([]);
});

test('every resource and data source has a page in the registry layout with its examples', () => {
  for (const type of Object.keys(providerSchema.resource_schemas ?? {})) {
    expect(existsSync(join(EXAMPLES_DIR, 'resources', type, 'resource.tf'))).toBe(true);
    expect(existsSync(join(EXAMPLES_DIR, 'resources', type, 'import.sh'))).toBe(true);
    const page = pages.get(`resources/${type.replace(/^mercato_/, '')}.md`)!;
    expect(page).toMatch(/^---\n(#.*\n)?page_title: ".+"\nsubcategory: ".*"\ndescription: \|-\n/);
    expect(page).toContain(`# ${type} (Resource)`);
    expect(page).toContain('## Example Usage');
    expect(page).toContain('## Schema');
    expect(page).toContain('## Import');
    expect(page).toContain(`terraform import ${type}.`);
  }
  for (const type of Object.keys(providerSchema.data_source_schemas ?? {})) {
    expect(existsSync(join(EXAMPLES_DIR, 'data-sources', type, 'data-source.tf'))).toBe(true);
    const page = pages.get(`data-sources/${type.replace(/^mercato_/, '')}.md`)!;
    expect(page).toContain(`# ${type} (Data Source)`);
    expect(page).not.toContain('## Import');
  }
  expect(pages.get('index.md')).toContain('provider "mercato"');
});

test('the Schema section groups attributes and documents nested blocks from the descriptions', () => {
  const resource = pages.get('resources/resource.md')!;
  const required = resource.slice(resource.indexOf('### Required'), resource.indexOf('### Optional'));
  expect(required).toContain('- `project_id` (String) Project to order the resource into.');
  expect(resource).toMatch(
    /### Optional[\s\S]*- `attributes` \(Dynamic\)[\s\S]*- `limits` \(Map of Number\)[\s\S]*- `timeouts` \(Block\)/,
  );
  expect(resource).toMatch(/### Read-Only[\s\S]*- `secret_outputs` \(Dynamic, Sensitive\)/);
  expect(resource).toContain('<a id="nestedblock--timeouts"></a>\n### Nested Schema for `timeouts`');
  const offering = pages.get('data-sources/offering.md')!;
  expect(offering).toContain('- `plans` (Map of Object)');
  expect(offering).toMatch(/### Nested Schema for `plans`\n\nRead-Only:\n\n- `archived` \(Boolean\)/);
  // Every description in the schema appears on its page.
  for (const [type, s] of Object.entries(providerSchema.resource_schemas ?? {})) {
    const page = pages.get(`resources/${type.replace(/^mercato_/, '')}.md`)!;
    for (const attribute of Object.values(s.block.attributes ?? {}))
      expect(page).toContain(attribute.description!.trim());
  }
  expect(ctyLabel(['list', ['object', {}]])).toBe('List of Object');
});

test('every example is formatted (`terraform fmt -check -recursive examples/`)', async () => {
  const fmt = await run(TERRAFORM, ['fmt', '-check', '-recursive', '-diff', '-no-color', 'examples/'], REPO_ROOT, {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_CLI_CONFIG_FILE: '/dev/null',
    CHECKPOINT_DISABLE: '1',
  });
  if (fmt.code !== 0)
    throw new Error(
      `terraform fmt -check found unformatted examples (run \`terraform fmt -recursive examples/\`):\n${fmt.output}`,
    );
});
