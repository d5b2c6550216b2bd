import { Construct } from 'constructs';
import { TerraformStack, Token } from 'cdktf';
import {
  type BillingType,
  OfferingStatus,
  OfferingType,
  type OfferingVisibility,
  type Platform,
  PlanUnit,
  VersionStatus,
} from './enums';
import { DataMercatoOffering } from './generated/data-mercato-offering';
import { Offering as OfferingResource, type OfferingComponent as OfferingComponentBlock } from './generated/offering';
import { OfferingVersion as OfferingVersionResource } from './generated/offering-version';
import { Plan as PlanResource } from './generated/plan';

/** An offering of the catalog: one declared in this app, or an existing one looked up. */
export interface IOffering {
  /** Server ID of the offering. */
  readonly offeringId: string;
  /** URL-friendly unique name of the offering, e.g. `virtual-machine`. */
  readonly slug: string;
  /**
   * Server ID of the offering's plan of this name.
   *
   * @param name the plan's name, e.g. `small`
   */
  planId(name: string): string;
}

/** A priced component of an offering (vCPU, memory, a setup fee...). */
export interface OfferingComponentOptions {
  /** Machine name, the key of plan prices and resource limits, e.g. `cpu`. */
  readonly type: string;
  /** Name people read, e.g. `vCPU`. */
  readonly name: string;
  /** How it is billed. */
  readonly billingType: BillingType;
  /**
   * Unit of measure, e.g. `core` or `GB`.
   *
   * @default - none
   */
  readonly measuredUnit?: string;
}

/** A version of an offering and the JSON Schema of its resources' configuration. */
export interface OfferingVersionOptions {
  /** Semantic version, e.g. `1.0.0`. */
  readonly version: string;
  /**
   * JSON Schema of the configuration (`attributes`) of resources of this version, property names
   * in snake_case.
   *
   * @default - any object: `{"type": "object"}`
   */
  readonly optionsSchema?: { [key: string]: unknown };
  /**
   * What changed in this version.
   *
   * @default - none
   */
  readonly changelog?: string;
  /**
   * Its status.
   *
   * @default VersionStatus.AVAILABLE
   */
  readonly status?: VersionStatus;
  /**
   * Why a deprecated version is deprecated.
   *
   * @default - none
   */
  readonly deprecationMessage?: string;
  /**
   * The version to use instead of a deprecated one.
   *
   * @default - none
   */
  readonly replacementVersion?: string;
}

/** A plan of an offering: its prices per component. */
export interface OfferingPlanOptions {
  /** Name, unique in the offering, e.g. `small`. */
  readonly name: string;
  /**
   * What the plan gives.
   *
   * @default - none
   */
  readonly description?: string;
  /**
   * The period prices are for.
   *
   * @default PlanUnit.MONTH
   */
  readonly unit?: PlanUnit;
  /**
   * Price of each component by its type, e.g. `{ cpu: 8, ram: 2 }`.
   *
   * @default - free
   */
  readonly prices?: { [componentType: string]: number };
  /**
   * Archived plans take no new resources.
   *
   * @default false
   */
  readonly archived?: boolean;
}

/** Properties of an {@link Offering}. */
export interface OfferingProps {
  /** The service provider: ID of the organization that publishes the offering. */
  readonly organizationId: string;
  /** ID of the catalog category the offering is listed in. */
  readonly categoryId: string;
  /** Name people read, e.g. `Object Storage`. */
  readonly name: string;
  /**
   * URL-friendly unique name.
   *
   * @default - made by the server from the name
   */
  readonly slug?: string;
  /**
   * What the offering is.
   *
   * @default - none
   */
  readonly description?: string;
  /**
   * The provisioning plugin that carries out its orders.
   *
   * @default OfferingType.MANUAL
   */
  readonly type?: OfferingType;
  /**
   * Where it runs.
   *
   * @default - the server's default
   */
  readonly platform?: Platform;
  /**
   * Keywords for search.
   *
   * @default - none
   */
  readonly tags?: string[];
  /**
   * Status in the catalog, as asked for. An active offering is shown as a draft until it has a
   * plan (not archived) and a version; those of this construct come in the same deployment.
   *
   * @default OfferingStatus.ACTIVE
   */
  readonly status?: OfferingStatus;
  /**
   * Who sees it and may order it.
   *
   * @default OfferingVisibility.PUBLIC
   */
  readonly visibility?: OfferingVisibility;
  /**
   * Of a restricted offering: IDs of the organizations whose members see it and order it into their projects.
   *
   * @default - none
   */
  readonly allowedOrganizationIds?: string[];
  /**
   * Of a restricted offering: IDs of the projects whose members (and whose organization's owners) see it and order it into them.
   *
   * @default - none
   */
  readonly allowedProjectIds?: string[];
  /**
   * Whether orders skip the provider's approval.
   *
   * @default - the server's default (false)
   */
  readonly autoApprove?: boolean;
  /**
   * Link to the offering's documentation.
   *
   * @default - none
   */
  readonly documentationUrl?: string;
  /**
   * What a consumer needs before ordering.
   *
   * @default - none
   */
  readonly requirements?: string;
  /**
   * Options of the provisioning plugin.
   *
   * @default - none
   */
  readonly pluginOptions?: { [key: string]: unknown };
  /**
   * Secret options of the provisioning plugin (write-only on the server).
   *
   * @default - none
   */
  readonly secretOptions?: { [key: string]: string };
  /**
   * Priced components.
   *
   * @default - none; add more with `addComponent`
   */
  readonly components?: OfferingComponentOptions[];
  /**
   * Versions.
   *
   * @default - none; add more with `addVersion`
   */
  readonly versions?: OfferingVersionOptions[];
  /**
   * Plans.
   *
   * @default - none; add more with `addPlan`
   */
  readonly plans?: OfferingPlanOptions[];
}

/** A version of an {@link Offering} declared in this app: what `offering.version(...)` answers. */
export class PublishedVersion extends Construct {
  /** The `mercato_offering_version` resource: the default child (id `Default`), so its Terraform address is named after this construct. */
  public readonly resource: OfferingVersionResource;
  /** The version number, e.g. `1.0.0`. */
  public readonly version: string;

  constructor(scope: Construct, id: string, offeringId: string, options: OfferingVersionOptions) {
    super(scope, id);
    this.version = options.version;
    this.resource = new OfferingVersionResource(this, 'Default', {
      offeringId,
      version: options.version,
      optionsSchema: JSON.stringify(options.optionsSchema ?? { type: 'object' }),
      changelog: options.changelog,
      status: options.status ?? VersionStatus.AVAILABLE,
      deprecationMessage: options.deprecationMessage,
      replacementVersion: options.replacementVersion,
    });
  }

  /** Server ID of the version. */
  public get versionId(): string {
    return this.resource.id;
  }
}

/** A plan of an {@link Offering} declared in this app: what `offering.plan(...)` answers. */
export class PublishedPlan extends Construct {
  /** The `mercato_plan` resource: the default child (id `Default`), so its Terraform address is named after this construct. */
  public readonly resource: PlanResource;
  /** The plan's name. */
  public readonly name: string;

  constructor(scope: Construct, id: string, offeringId: string, options: OfferingPlanOptions) {
    super(scope, id);
    this.name = options.name;
    this.resource = new PlanResource(this, 'Default', {
      offeringId,
      name: options.name,
      description: options.description,
      unit: options.unit ?? PlanUnit.MONTH,
      prices: options.prices,
      archived: options.archived,
    });
    this.planId = this.resource.id;
  }

  /** Server ID of the plan (one token, however many resources refer to it). */
  public readonly planId: string;
}

/**
 * An offering published in the catalog, with its components, versions and plans, as one
 * construct.
 *
 * @example
 * const storage = new Offering(this, 'storage', {
 *   organizationId: org.id, categoryId: category.id, name: 'Object Storage', type: OfferingType.ALLOCATION,
 *   components: [{ type: 'storage', name: 'Storage', measuredUnit: 'GB', billingType: BillingType.LIMIT }],
 *   versions: [{ version: '1.0.0', optionsSchema: { type: 'object', properties: { bucket_name: { type: 'string' } } } }],
 *   plans: [{ name: 'small', prices: { storage: 0.02 } }],
 * });
 * storage.plan('small').planId;
 */
export class Offering extends Construct implements IOffering {
  /**
   * An existing offering by its slug, through the `mercato_offering` data source.
   * Several calls for one slug in a stack share one data source.
   */
  public static fromSlug(scope: Construct, id: string, slug: string): IOffering {
    return new ExistingOffering(scope, id, { slug });
  }

  /** An existing offering by its server ID, through the `mercato_offering` data source. */
  public static fromOfferingId(scope: Construct, id: string, offeringId: string): IOffering {
    return new ExistingOffering(scope, id, { id: offeringId });
  }

  /**
   * The offering of this slug in the stack of `scope`: one data source per stack and slug,
   * made on the first call. Typed offering constructs use it.
   */
  public static lookupSlug(scope: Construct, slug: string): IOffering {
    const stack = TerraformStack.of(scope);
    const id = `mercato-offering-${slug}`;
    const existing = stack.node.tryFindChild(id);
    return existing ? (existing as unknown as IOffering) : new ExistingOffering(stack, id, { slug });
  }

  /** The `mercato_offering` resource: the default child (id `Default`), so its Terraform address is named after this construct. */
  public readonly resource: OfferingResource;
  private readonly versions = new Map<string, PublishedVersion>();
  private readonly plans = new Map<string, PublishedPlan>();
  private readonly components: OfferingComponentBlock[] = [];

  constructor(scope: Construct, id: string, props: OfferingProps) {
    super(scope, id);
    this.resource = new OfferingResource(this, 'Default', {
      organizationId: props.organizationId,
      categoryId: props.categoryId,
      name: props.name,
      slug: props.slug,
      description: props.description,
      type: props.type ?? OfferingType.MANUAL,
      platform: props.platform,
      tags: props.tags,
      status: props.status ?? OfferingStatus.ACTIVE,
      visibility: props.visibility,
      allowedOrganizationIds: props.allowedOrganizationIds,
      allowedProjectIds: props.allowedProjectIds,
      autoApprove: props.autoApprove,
      documentationUrl: props.documentationUrl,
      requirements: props.requirements,
      pluginOptions: props.pluginOptions,
      secretOptions: props.secretOptions,
    });
    this.offeringId = this.resource.id;
    for (const component of props.components ?? []) this.addComponent(component);
    for (const version of props.versions ?? []) this.addVersion(version);
    for (const plan of props.plans ?? []) this.addPlan(plan);
  }

  /** Server ID of the offering (one token, however many resources refer to it). */
  public readonly offeringId: string;

  /** Slug of the offering (given, or made by the server). */
  public get slug(): string {
    return this.resource.slug;
  }

  /** Adds a priced component. */
  public addComponent(component: OfferingComponentOptions): void {
    this.components.push({
      type: component.type,
      name: component.name,
      billingType: component.billingType,
      measuredUnit: component.measuredUnit,
    });
    this.resource.putComponent([...this.components]);
  }

  /** Adds a version; answers its handle. */
  public addVersion(options: OfferingVersionOptions): PublishedVersion {
    if (this.versions.has(options.version))
      throw new Error(`offering ${this.node.path} already has version ${options.version}`);
    const version = new PublishedVersion(this, `version-${options.version}`, this.offeringId, options);
    this.versions.set(options.version, version);
    return version;
  }

  /** Adds a plan; answers its handle. */
  public addPlan(options: OfferingPlanOptions): PublishedPlan {
    if (this.plans.has(options.name)) throw new Error(`offering ${this.node.path} already has plan ${options.name}`);
    const plan = new PublishedPlan(this, `plan-${options.name}`, this.offeringId, options);
    this.plans.set(options.name, plan);
    return plan;
  }

  /**
   * The version of this number.
   *
   * @param version e.g. `1.0.0`
   */
  public version(version: string): PublishedVersion {
    const found = this.versions.get(version);
    if (!found)
      throw new Error(
        `offering ${this.node.path} has no version ${version}; it has: ${[...this.versions.keys()].join(', ') || 'none'}`,
      );
    return found;
  }

  /**
   * The plan of this name.
   *
   * @param name e.g. `small`
   */
  public plan(name: string): PublishedPlan {
    const found = this.plans.get(name);
    if (!found)
      throw new Error(
        `offering ${this.node.path} has no plan ${name}; it has: ${[...this.plans.keys()].join(', ') || 'none'}`,
      );
    return found;
  }

  public planId(name: string): string {
    return this.plan(name).planId;
  }
}

/** What identifies an existing offering. */
interface OfferingLookup {
  readonly slug?: string;
  readonly id?: string;
}

/** An existing offering read through the `mercato_offering` data source. */
class ExistingOffering extends Construct implements IOffering {
  public readonly data: DataMercatoOffering;
  /** The data source's `id`, made once: an app may order hundreds of resources of one offering. */
  public readonly offeringId: string;
  // Each reference is a token, and cdktf captures a stack trace for each token it makes: one per
  // plan, however many resources use it.
  private readonly planIds = new Map<string, string>();

  constructor(scope: Construct, id: string, lookup: OfferingLookup) {
    super(scope, id);
    this.data = new DataMercatoOffering(this, 'Default', { slug: lookup.slug, id: lookup.id });
    this.offeringId = this.data.id;
  }

  public get slug(): string {
    return this.data.slug;
  }

  public planId(name: string): string {
    let planId = this.planIds.get(name);
    if (planId === undefined) {
      // `plans.get(name).id` would render `plans[db-small].id`: a key with a dash must be quoted.
      planId = Token.asString(this.data.interpolationForAttribute(`plans[${JSON.stringify(name)}].id`));
      this.planIds.set(name, planId);
    }
    return planId;
  }
}
