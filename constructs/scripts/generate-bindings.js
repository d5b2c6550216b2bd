#!/usr/bin/env node
/**
 * Generates the CDKTF bindings of the `mercato` provider from its schema with the provider
 * generator `cdktf get` uses, in-process (no Terraform, no cdktf-cli):
 *
 *   node constructs/scripts/generate-bindings.js [--flavour cdktf|cdktn] [--out DIR] [--schema FILE]
 *
 * Defaults: flavour cdktf, out constructs/src/generated, schema from the provider's own `--schema`.
 * The output is the generator's `providers/mercato/` folder, flattened, without its README files
 * and lazy index, with computed lists, maps and blocks made on first use (makeComplexAttributesLazy) and
 * HCL values written by our own renderer (writeHclValuesOurselves): one folder per resource and data source type and an `index.ts` exporting each
 * as a namespace (`provider`, `organization`, ..., `dataMercatoOffering`), as prebuilt providers do.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { providerSchema } = require('./provider-schema');

const GENERATORS = { cdktf: '@cdktf/provider-generator', cdktn: '@cdktn/provider-generator' };
const PROVIDER_FQPN = 'registry.terraform.io/mercato/mercato';

/** Keys sorted at every level: the generator's output then does not depend on the schema's key order. */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted(value[k])]),
    );
  return value;
}

/**
 * The one change made to the generator's output: the objects behind computed lists, maps and
 * blocks (`private _outputs = new cdktf.AnyMap(this, "outputs")`, `_timeouts`, `_component`...)
 * are made on first use instead of in every constructor. cdktf captures a full stack trace when
 * it makes each of them, which made a synth of 1,000 `mercato_resource` (three such objects each,
 * mostly never used) twice as slow as 1,000 `null_resource`. Semantics are unchanged: an unset
 * block's `internalValue` is undefined either way.
 */
function makeComplexAttributesLazy(source) {
  const lazy = [];
  let text = source.replace(
    /^( +)private _(\w+) = new ([\w.]+)\(this, ("[\w-]+")((?:, \w+)?)\);$/gm,
    (_all, indent, name, type, attribute, rest) => {
      lazy.push(name);
      return [
        `${indent}private __${name}?: ${type};`,
        `${indent}private get _${name}(): ${type} {`,
        `${indent}  return (this.__${name} ??= new ${type}(this, ${attribute}${rest}));`,
        `${indent}}`,
      ].join('\n');
    },
  );
  for (const name of lazy) {
    // Constructors: only a block that is given makes its object.
    text = text.replace(
      new RegExp(`^( +)this\\._${name}\\.internalValue = (config\\.\\w+);$`, 'gm'),
      (_all, indent, value) => `${indent}if (${value} !== undefined) this._${name}.internalValue = ${value};`,
    );
    // Synthesis reads a block's value without making its object.
    text = text.replace(new RegExp(`\\(this\\._${name}\\.internalValue\\)`, 'g'), `(this.__${name}?.internalValue)`);
  }
  return text;
}

/**
 * The second change: `synth --hcl` writes attribute values with cdktf's HCL renderer, which gets
 * JSON values wrong (a list inside `attributes` becomes `{0 = ..., 1 = ...}`, a multi-line string
 * a heredoc with one newline more). Every attribute that is not a block hands its value to
 * `hclExpression` (src/hcl-expression.ts), which writes the HCL itself, as a `reference` that the
 * renderer copies into the file. Blocks keep cdktf's rendering; their attributes get the same.
 */
function writeHclValuesOurselves(source) {
  const text = source.replace(
    /^( +)value: (.+),\n( +)isBlock: false,\n( +)type: "\w+",$/gm,
    (_all, indent, value, blockIndent, typeIndent) =>
      `${indent}value: hclExpression(${value}),\n${blockIndent}isBlock: false,\n${typeIndent}type: "reference",`,
  );
  if (text === source) return source;
  return text.replace(
    /^(import \* as (cdktf|cdktn) from '\2';)$/m,
    "$1\nimport { hclExpression } from '../../hcl-expression';",
  );
}

/** Generates into memory: answers `{ relative path: content }` of the .ts files. */
async function generateBindings(schema, flavour = 'cdktf') {
  const generatorModule = GENERATORS[flavour];
  if (!generatorModule) throw new Error(`unknown flavour ${flavour}: cdktf or cdktn`);
  // The generator runs `terraform version` (for debug output only) and a HashiCorp checkpoint
  // call when it is loaded: neither is wanted, so the "terraform" it runs is `true`.
  process.env.CHECKPOINT_DISABLE = '1';
  process.env.TERRAFORM_BINARY_NAME = 'true';
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-bindings-'));
  try {
    const { generateProviderBindingsFromSchema } = require(generatorModule);
    const only = { ...schema, provider_schemas: { [PROVIDER_FQPN]: schema.provider_schemas[PROVIDER_FQPN] } };
    if (!only.provider_schemas[PROVIDER_FQPN]) throw new Error(`the schema has no provider ${PROVIDER_FQPN}`);
    await generateProviderBindingsFromSchema(scratch, sorted(only));
    const base = path.join(scratch, 'providers/mercato');
    const files = {};
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && entry.name !== 'lazy-index.ts')
          files[path.relative(base, full)] = writeHclValuesOurselves(
            makeComplexAttributesLazy(fs.readFileSync(full, 'utf8')),
          );
      }
    };
    walk(base);
    return files;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Replaces `outDir` with the generated files. */
function writeBindings(files, outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(outDir, relative)), { recursive: true });
    fs.writeFileSync(path.join(outDir, relative), content);
  }
}

/** The files now in `dir`, in the shape generateBindings answers. */
function readBindings(dir) {
  const files = {};
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

module.exports = {
  generateBindings,
  writeBindings,
  readBindings,
  sorted,
  makeComplexAttributesLazy,
  writeHclValuesOurselves,
};

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const flavour = option('--flavour', 'cdktf');
  const outDir = path.resolve(option('--out', path.join(__dirname, '../src/generated')));
  const schemaFile = option('--schema');
  (async () => {
    const schema = schemaFile ? JSON.parse(fs.readFileSync(schemaFile, 'utf8')) : await providerSchema();
    const files = await generateBindings(schema, flavour);
    writeBindings(files, outDir);
    console.log(
      `generated ${Object.keys(files).length} files of ${flavour} bindings into ${path.relative(process.cwd(), outDir) || '.'}`,
    );
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
