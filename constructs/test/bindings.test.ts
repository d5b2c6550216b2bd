/**
 * The committed bindings (src/generated) are what @cdktf/provider-generator makes of the
 * provider's current schema, and src/index.ts exports every one of them. When this fails, the
 * provider's schema changed: run `npm run generate -w constructs` and commit the result.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mercatoProvider, providerSchemaJson } from '@mercato/terraform-provider';
import { CONSTRUCTS } from './support/build';

const { generateBindings, readBindings } = require('../scripts/generate-bindings.js') as {
  generateBindings(schema: unknown, flavour?: string): Promise<Record<string, string>>;
  readBindings(dir: string): Record<string, string>;
};
const { providerSchema } = require('../scripts/provider-schema.js') as { providerSchema(): Promise<unknown> };

const GENERATED = join(CONSTRUCTS, 'src/generated');
const schema = providerSchemaJson(mercatoProvider);

test('the committed bindings are up to date with the provider schema', async () => {
  const expected = await generateBindings(schema, 'cdktf');
  const committed = readBindings(GENERATED);
  expect(Object.keys(committed).sort()).toEqual(Object.keys(expected).sort());
  for (const [file, content] of Object.entries(expected)) {
    if (committed[file] !== content)
      throw new Error(
        `constructs/src/generated/${file} is out of date with the provider's schema: run \`npm run generate -w constructs\``,
      );
  }
});

test('the build reads the same schema from the provider executable (`--schema`, no Terraform)', async () => {
  expect(await providerSchema()).toEqual(JSON.parse(JSON.stringify(schema)));
});

test('src/index.ts exports a namespace for every generated type', () => {
  const generatedIndex = readFileSync(join(GENERATED, 'index.ts'), 'utf8');
  const index = readFileSync(join(CONSTRUCTS, 'src/index.ts'), 'utf8');
  const modules = (text: string) =>
    [...text.matchAll(/^export \* as \w+ from '\.\/(?:generated\/)?([\w-]+)';$/gm)].map((m) => m[1]).sort();
  expect(modules(index)).toEqual(modules(generatedIndex));
  expect(modules(index).length).toBe(
    Object.keys((schema as any).provider_schemas['registry.terraform.io/mercato/mercato'].resource_schemas).length +
      Object.keys((schema as any).provider_schemas['registry.terraform.io/mercato/mercato'].data_source_schemas)
        .length +
      1,
  );
});

test('the generator runs without Terraform on the PATH', () => {
  const script = `require(${JSON.stringify(join(CONSTRUCTS, 'scripts/generate-bindings.js'))}).generateBindings(${JSON.stringify(schema)}).then((f) => console.log(Object.keys(f).length))`;
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: '/nonexistent', HOME: process.env.HOME },
    encoding: 'utf8',
  });
  expect(Number(out.trim())).toBe(Object.keys(readBindings(GENERATED)).length);
});
