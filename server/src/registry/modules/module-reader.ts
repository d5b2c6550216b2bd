import type { ModuleFiles } from './module-archive';
import {
  ConfigurationProblem,
  isObject,
  placeText,
  readConfigurationFile,
  type SourcePlace,
  type TopBlock,
} from './configuration-file';

/**
 * What Mercato reads from a module's root folder, as the registry shows it before anyone
 * downloads the module: its inputs (variables), outputs, required providers and Terraform
 * version, README, and the examples/ and modules/ folders of Terraform's standard module
 * structure. Facts: Terraform's "Input Variables", "Output Values", "Provider Requirements",
 * "Version Constraints" and "Standard Module Structure" pages. (Type aliases rather than
 * interfaces: the answers' types inferred from the route schemas take them as they are.)
 */
export type ModuleMetadata = {
  inputs: ModuleInput[];
  outputs: ModuleOutput[];
  required_providers: RequiredProvider[];
  /** The `required_version` constraints of every `terraform` block, joined with `, `; null when none. */
  required_version: string | null;
  /** The root folder's README (README.md, or README), as written; empty when it has none. */
  readme: string;
  /** Folders directly under examples/. */
  examples: string[];
  /** Folders directly under modules/ (nested modules). */
  submodules: string[];
  /** The configuration files of the root module read, in order. */
  files: string[];
};

export type ModuleInput = {
  name: string;
  /** The type constraint as written (`map(string)`), or null when the variable takes any type. */
  type: string | null;
  description: string;
  /** True when it has no `default`: a caller must set it. */
  required: boolean;
  /** The default value, when it has one (JSON; HCL expressions as `${...}`). */
  default?: unknown;
  sensitive: boolean;
  /** Whether null is accepted (Terraform's default: true). */
  nullable: boolean;
  validations: { condition: string; error_message: string }[];
};

export type ModuleOutput = {
  name: string;
  description: string;
  sensitive: boolean;
};

export type RequiredProvider = {
  /** The local name the module uses (`aws`). */
  name: string;
  /** The source address (`hashicorp/aws`); Terraform's default `hashicorp/<name>` when not given. */
  source: string;
  /** The version constraint; empty when none. */
  version: string;
};

/** Arguments Terraform accepts in a `variable` and an `output` block. */
const VARIABLE_ARGUMENTS = new Set([
  'type',
  'default',
  'description',
  'sensitive',
  'nullable',
  'validation',
  'ephemeral',
]);
const OUTPUT_ARGUMENTS = new Set(['value', 'description', 'sensitive', 'depends_on', 'precondition', 'ephemeral']);

/** The largest README kept, in characters. */
const README_LIMIT = 200_000;

/**
 * Reads the root module of an unpacked archive. Throws ConfigurationProblem (file and line) for
 * a folder Terraform would not load as a module: no `.tf`/`.tf.json` file at its root, a syntax
 * error, an unknown block type, a variable or output declared twice, an unknown argument.
 */
export async function readModule(contents: ModuleFiles): Promise<ModuleMetadata> {
  const files = [...contents.files.keys(), ...contents.links.keys()]
    .filter((path) => !path.includes('/') && /\.tf(\.json)?$/.test(path))
    .sort();
  if (files.length === 0)
    throw new ConfigurationProblem(
      { file: 'the archive', line: 0 },
      'No configuration files',
      'the archive has no .tf or .tf.json file at its root; pack the module folder itself (mercato module publish DIR)',
    );
  const blocks: TopBlock[] = [];
  for (const file of files) blocks.push(...(await readConfigurationFile(file, fileBytes(contents, file))));
  refuseDuplicates(blocks, 'variable');
  refuseDuplicates(blocks, 'output');
  refuseDuplicates(blocks, 'module');
  refuseDuplicates(blocks, 'resource');
  refuseDuplicates(blocks, 'data');
  const terraform = blocks.filter((b) => b.type === 'terraform');
  return {
    inputs: blocks
      .filter((b) => b.type === 'variable')
      .map(readInput)
      .sort(byName),
    outputs: blocks
      .filter((b) => b.type === 'output')
      .map(readOutput)
      .sort(byName),
    required_providers: requiredProviders(terraform),
    required_version: requiredVersion(terraform),
    readme: readme(contents),
    examples: foldersUnder(contents, 'examples'),
    submodules: foldersUnder(contents, 'modules'),
    files,
  };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** A file's bytes, following a link inside the archive. */
function fileBytes(contents: ModuleFiles, path: string): Buffer {
  const target = contents.links.get(path) ?? path;
  const bytes = contents.files.get(target);
  if (!bytes)
    throw new ConfigurationProblem({ file: path, line: 0 }, 'Not a file', `${path} is a link to the folder ${target}`);
  return bytes;
}

function refuseDuplicates(blocks: TopBlock[], type: string): void {
  const seen = new Map<string, SourcePlace>();
  for (const block of blocks.filter((b) => b.type === type)) {
    const key = block.labels.join('.');
    const first = seen.get(key);
    if (first)
      throw new ConfigurationProblem(
        block.place,
        `Duplicate ${type} declaration`,
        `a ${type} named "${key}" was already declared at ${placeText(first)}; ${type} names must be unique within a module`,
      );
    seen.set(key, block.place);
  }
}

function readInput(block: TopBlock): ModuleInput {
  refuseUnknownArguments(block, VARIABLE_ARGUMENTS);
  const body = block.body;
  const input: ModuleInput = {
    name: block.labels[0],
    type: typeExpression(body.type),
    description: text(block, 'description'),
    required: !('default' in body),
    sensitive: flag(block, 'sensitive', false),
    nullable: flag(block, 'nullable', true),
    validations: nestedBlocks(body.validation).map((validation) => ({
      condition: expressionText(validation.condition),
      error_message: typeof validation.error_message === 'string' ? validation.error_message : '',
    })),
  };
  if ('default' in body) input.default = body.default;
  return input;
}

function readOutput(block: TopBlock): ModuleOutput {
  refuseUnknownArguments(block, OUTPUT_ARGUMENTS);
  if (!('value' in block.body))
    throw new ConfigurationProblem(
      block.place,
      'Missing required argument',
      `the output "${block.labels[0]}" has no "value" argument`,
    );
  return {
    name: block.labels[0],
    description: text(block, 'description'),
    sensitive: flag(block, 'sensitive', false),
  };
}

function refuseUnknownArguments(block: TopBlock, known: Set<string>): void {
  for (const argument of Object.keys(block.body))
    if (!known.has(argument))
      throw new ConfigurationProblem(
        block.placeOf(argument),
        'Unsupported argument',
        `an argument named "${argument}" is not expected in the ${block.type} "${block.labels[0]}"`,
      );
}

/** A string argument; an expression (`${...}`) or another type is kept as written. */
function text(block: TopBlock, argument: string): string {
  const value = block.body[argument];
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A boolean argument: a literal, or `default` when absent; anything else is refused, as Terraform does. */
function flag(block: TopBlock, argument: string, fallback: boolean): boolean {
  const value = block.body[argument];
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new ConfigurationProblem(
    block.placeOf(argument),
    'Invalid value',
    `"${argument}" of the ${block.type} "${block.labels[0]}" must be true or false, a literal`,
  );
}

/** `${string}` (hcl2json's way to write an expression, and the JSON syntax's) as written: `string`. */
function expressionText(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? '' : JSON.stringify(value);
  const whole = /^\$\{([\s\S]*)\}$/.exec(value);
  return whole ? whole[1].trim() : value;
}

function typeExpression(value: unknown): string | null {
  return value === undefined || value === null ? null : expressionText(value);
}

/** A nested block's bodies: hcl2json writes them as an array, the JSON syntax as an object or an array. */
function nestedBlocks(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

function requiredProviders(terraform: TopBlock[]): RequiredProvider[] {
  const providers = new Map<string, RequiredProvider>();
  for (const block of terraform)
    for (const requirements of nestedBlocks(block.body.required_providers))
      for (const [name, requirement] of Object.entries(requirements)) {
        // `aws = "~> 3.0"`: the version alone, Terraform 0.12's form, still accepted.
        const given = isObject(requirement) ? requirement : { version: requirement };
        providers.set(name, {
          name,
          source: typeof given.source === 'string' ? given.source : `hashicorp/${name}`,
          version: typeof given.version === 'string' ? given.version : '',
        });
      }
  return [...providers.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function requiredVersion(terraform: TopBlock[]): string | null {
  const constraints = terraform.map((b) => b.body.required_version).filter((v): v is string => typeof v === 'string');
  return constraints.length ? constraints.join(', ') : null;
}

function readme(contents: ModuleFiles): string {
  const name = [...contents.files.keys()].find((path) => /^readme(\.md|\.markdown|\.txt)?$/i.test(path));
  return name ? contents.files.get(name)!.toString('utf8').slice(0, README_LIMIT) : '';
}

function foldersUnder(contents: ModuleFiles, parent: string): string[] {
  return [...contents.folders]
    .filter((folder) => folder.startsWith(`${parent}/`) && !folder.slice(parent.length + 1).includes('/'))
    .map((folder) => folder.slice(parent.length + 1))
    .sort();
}
