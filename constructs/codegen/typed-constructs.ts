/**
 * Typed constructs from a live catalog: for each offering version, a construct whose `config`
 * props type is generated from the version's configuration JSON Schema with
 * json-schema-to-typescript. Properties are snake_case in the schema (as HCL writes them) and
 * camelCase in TypeScript; the construct converts them back when it synthesizes.
 *
 *   new VirtualMachine(this, 'vm', { project, plan: 'small', config: { instanceType: 'general-purpose', sshPublicKey: '...' } });
 *
 * A wrong field, a wrong type, a value outside an enum or an unknown plan is a compile error.
 */
import { posix } from 'node:path';
import type { MercatoClient, Offering, OfferingVersion, Plan } from '@mercato/api';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { camelSchema, HEADER, pascalCase, secretPathNames, SUPPORT, versionClassName } from './naming';

/**
 * What the generator reads of the catalog, as @mercato/api types the API's answers (so a field
 * the server renames is a compile error here); the fields it cannot do without are required.
 */
type Needs<T, Required extends keyof T, Optional extends keyof T> = { [K in Required]-?: NonNullable<T[K]> } & Pick<
  T,
  Optional
>;

export type CatalogVersion = Needs<
  OfferingVersion,
  'version' | 'status',
  'options_schema' | 'changelog' | 'deprecation_message' | 'replacement_version' | 'secret_attribute_paths'
>;

export type CatalogPlan = Needs<Plan, 'name', 'description' | 'archived'>;

/** One offering, with its versions and plans (which the API answers apart). */
export type CatalogOffering = Needs<Offering, 'slug' | 'name', 'description' | 'latest_version' | 'components'> & {
  versions: CatalogVersion[];
  plans: CatalogPlan[];
};

export interface GenerateOptions {
  /**
   * Module the generated code imports the library from. Default `@mercato/cdktf`. A relative
   * path (`./lib`, `../lib`) is relative to the folder the files are written into; each file
   * imports it relative to where it stands.
   */
  library?: string;
}

/** The library's module as a file one folder below the output folder imports it. */
function libraryFromOfferingFolder(library: string): string {
  return /^\.\.?\//.test(library) ? posix.join('..', library) : library;
}

/** Relative path to file content. */
export type GeneratedFiles = Record<string, string>;

const doc = (lines: (string | undefined)[], indent = '') => {
  const text = lines.filter((l): l is string => l !== undefined && l !== '');
  if (!text.length) return '';
  return `${indent}/**\n${text.map((l) => `${indent} * ${l.replace(/\*\//g, '*\\/')}`).join('\n')}\n${indent} */\n`;
};

const literal = (value: string) => JSON.stringify(value);

/** The construct of one version: its config type, props, shape and class. */
async function versionModule(offering: CatalogOffering, version: CatalogVersion, library: string): Promise<string> {
  const className = versionClassName(offering.slug, version.version);
  const base = pascalCase(offering.slug);
  const { schema, shape } = camelSchema(version.options_schema ?? { type: 'object' }, `${className}Config`);
  const configTypes = await compile(
    { type: 'object', ...schema, title: `${className}Config` } as JSONSchema,
    `${className}Config`,
    {
      bannerComment: '',
      additionalProperties: false,
      declareExternallyReferenced: true,
      format: true,
      unknownAny: true,
      strictIndexSignatures: true,
      // `nodePools: NodePool[]`, not a union of ten tuples: the server checks the number of items.
      ignoreMinAndMaxItems: true,
    },
  );
  const secretPaths = (version.secret_attribute_paths ?? []).map(secretPathNames);
  // Secret properties go to secret_attributes; a version without any keeps the plain form.
  const attributes = secretPaths.length
    ? `...attributesAndSecrets(toSchemaNames(props.config, SHAPE), SECRET_PATHS),`
    : `attributes: toSchemaNames(props.config, SHAPE) as { [key: string]: any },`;
  const deprecated =
    version.status === 'deprecated'
      ? `@deprecated ${version.deprecation_message ?? 'This version takes no new resources.'}${version.replacement_version ? ` Use ${version.replacement_version}.` : ''}`
      : undefined;
  return `${HEADER}/* eslint-disable */
import type { Construct } from 'constructs';
import { Offering, OrderedResource } from ${literal(library)};
import { ${secretPaths.length ? 'attributesAndSecrets, ' : ''}toSchemaNames, type Shape } from '../support';
import type { ${base}Props } from './support';

${configTypes.trim()}

const SHAPE: Shape = ${JSON.stringify(shape ?? {})};
${secretPaths.length ? `\n/** Properties the schema makes secret: ordered as secret_attributes, which plans never show. */\nconst SECRET_PATHS: string[][] = ${JSON.stringify(secretPaths)};\n` : ''}
/** Properties of {@link ${className}}. */
export interface ${className}Props extends ${base}Props {
  /** Configuration of ${offering.name} ${version.version}, checked against its JSON Schema when compiled. */
  readonly config: ${className}Config;
}

${doc([`${offering.name} ${version.version} (${version.status}), ordered into a project.`, version.changelog, deprecated])}export class ${className} extends OrderedResource {
  /** The offering's slug. */
  public static readonly SLUG = ${literal(offering.slug)};
  /** The offering version this construct orders. */
  public static readonly VERSION = ${literal(version.version)};

  constructor(scope: Construct, id: string, props: ${className}Props) {
    super(scope, id, {
      project: props.project,
      offering: props.offering ?? Offering.lookupSlug(scope, ${literal(offering.slug)}),
      plan: props.plan,
      version: ${literal(version.version)},
      name: props.name,
      ${attributes}${limitComponents(offering).length ? '\n      limits: props.limits,' : ''}
      paused: props.paused,
      createTimeout: props.createTimeout,
      updateTimeout: props.updateTimeout,
      deleteTimeout: props.deleteTimeout,
    });
  }
}
`;
}

/** The components an order may set a limit for. */
const limitComponents = (offering: CatalogOffering) =>
  (offering.components ?? []).filter(
    (c): c is typeof c & { type: string } => c.billing_type === 'limit' && c.type !== undefined,
  );

/** A property name as TypeScript writes it: bare when it is an identifier. */
const propertyKey = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name));

/**
 * The limits an order of the offering may set, one optional number per limit-billed component;
 * none (and no `limits` prop) when it has no such component.
 */
function limitsDeclarations(offering: CatalogOffering, base: string): { type: string; prop: string } {
  const components = limitComponents(offering);
  if (!components.length) return { type: '', prop: '' };
  const fields = components.map(
    (c) =>
      `${doc([`${c.name ?? c.type}${c.measured_unit ? ` (${c.measured_unit})` : ''}.`], '  ')}  readonly ${propertyKey(c.type)}?: number;`,
  );
  return {
    // A type literal, not an interface: only that is assignable to OrderedResource's index signature.
    type: `\n/** Limits of ${offering.name} per limit-billed component. */\nexport type ${base}Limits = {\n${fields.join('\n')}\n};\n`,
    prop: `  /**\n   * Limits per limit-billed component.\n   *\n   * @default - none\n   */\n  readonly limits?: ${base}Limits;\n`,
  };
}

/** Plans, limits and the props every version of the offering shares. */
function offeringSupport(offering: CatalogOffering, library: string): string {
  const base = pascalCase(offering.slug);
  const plans = offering.plans.filter((p) => !p.archived);
  const planType = plans.length ? plans.map((p) => literal(p.name)).join(' | ') : 'never';
  const limits = limitsDeclarations(offering, base);
  return `${HEADER}/* eslint-disable */
import type { IOffering, IProject } from ${literal(library)};

/** Plans of ${offering.name}${plans.length ? `: ${plans.map((p) => `\`${p.name}\`${p.description ? ` (${p.description})` : ''}`).join(', ')}` : ''}. */
export type ${base}Plan = ${planType};
${limits.type}
/** Properties every version of ${offering.name} takes. */
export interface ${base}Props {
  /** The project to order into. */
  readonly project: IProject;
  /** The plan. */
  readonly plan: ${base}Plan;
  /**
   * Name of the resource.
   *
   * @default - the construct's id
   */
  readonly name?: string;
${limits.prop}  /**
   * The offering.
   *
   * @default - looked up by its slug \`${offering.slug}\` (one \`mercato_offering\` data source per stack)
   */
  readonly offering?: IOffering;
  /**
   * Whether the resource is paused: changing it places a pause or resume order, where the
   * offering's plugin carries them out.
   *
   * @default false
   */
  readonly paused?: boolean;
  /** @default 30m */
  readonly createTimeout?: string;
  /** @default 30m */
  readonly updateTimeout?: string;
  /** @default 30m */
  readonly deleteTimeout?: string;
}
`;
}

const fileName = (slug: string) => slug.replace(/[^a-z0-9-]/gi, '-').toLowerCase();

/** The newest version the server would pick: available, else beta. */
function defaultVersion(offering: CatalogOffering): CatalogVersion | undefined {
  if (offering.latest_version) {
    const found = offering.versions.find((v) => v.version === offering.latest_version);
    if (found) return found;
  }
  const byNumber = (a: CatalogVersion, b: CatalogVersion) =>
    b.version.localeCompare(a.version, undefined, { numeric: true });
  return (
    [...offering.versions].filter((v) => v.status === 'available').sort(byNumber)[0] ??
    [...offering.versions].filter((v) => v.status === 'beta').sort(byNumber)[0]
  );
}

/**
 * The files of typed constructs for these offerings: per offering a folder with a module per
 * version, `support.ts` and `index.ts` (which also exports the default version's class under the
 * offering's own name, e.g. `VirtualMachine`), and an `index.ts` exporting every offering.
 */
export async function generateTypedConstructs(
  offerings: CatalogOffering[],
  options: GenerateOptions = {},
): Promise<GeneratedFiles> {
  const library = libraryFromOfferingFolder(options.library ?? '@mercato/cdktf');
  const files: GeneratedFiles = { 'support.ts': SUPPORT };
  const sorted = [...offerings].sort((a, b) => a.slug.localeCompare(b.slug));
  for (const offering of sorted) {
    const dir = fileName(offering.slug);
    const base = pascalCase(offering.slug);
    files[`${dir}/support.ts`] = offeringSupport(offering, library);
    const exports: string[] = [
      `export type { ${[`${base}Plan`, ...(limitComponents(offering).length ? [`${base}Limits`] : []), `${base}Props`].join(', ')} } from './support';`,
    ];
    const versions = [...offering.versions].sort((a, b) =>
      a.version.localeCompare(b.version, undefined, { numeric: true }),
    );
    for (const version of versions) {
      const module = `v${version.version.replace(/[^A-Za-z0-9]+/g, '-')}`;
      files[`${dir}/${module}.ts`] = await versionModule(offering, version, library);
      exports.push(`export * from './${module}';`);
    }
    const latest = defaultVersion(offering);
    if (latest) {
      const className = versionClassName(offering.slug, latest.version);
      exports.push(
        `import { ${className}, type ${className}Props } from './v${latest.version.replace(/[^A-Za-z0-9]+/g, '-')}';`,
        '',
        doc([
          `${offering.name} at its default version ${latest.version}: the one the catalog orders when none is named.`,
          offering.description,
        ]) + `export class ${base} extends ${className} {}`,
        `/** Configuration of {@link ${base}}. */`,
        `export type ${base}Config = ${className}Props['config'];`,
      );
    }
    files[`${dir}/index.ts`] = `${HEADER}${exports.join('\n')}\n`;
  }
  files['index.ts'] = `${HEADER}${sorted.map((o) => `export * from './${fileName(o.slug)}';`).join('\n')}\n`;
  return files;
}

/** Reads what the generator needs from the catalog API: @mercato/api's client does. */
export type CatalogReader = Pick<MercatoClient, 'get' | 'listAll'>;

/** The offerings (all, or these slugs) with their versions and plans, from the live catalog. */
export async function readCatalog(client: CatalogReader, slugs: string[] = []): Promise<CatalogOffering[]> {
  type Listed = Omit<CatalogOffering, 'versions' | 'plans'> & { id: string };
  const offerings: Listed[] = slugs.length
    ? await Promise.all(slugs.map((slug) => client.get<Listed>(`/offerings/${encodeURIComponent(slug)}`)))
    : await client.listAll<Listed>('/offerings');
  return Promise.all(
    offerings.map(async (offering) => ({
      ...offering,
      versions: await client.listAll<CatalogVersion>('/offering-versions', { offering_id: offering.id }),
      plans: await client.listAll<CatalogPlan>('/plans', { offering_id: offering.id }),
    })),
  );
}
