import { Construct } from 'constructs';
import type { IOffering } from './offering';
import type { IProject } from './project';
import { Resource as ResourceResource } from './generated/resource';

/** Properties of an {@link OrderedResource}. */
export interface OrderedResourceProps {
  /** The project to order the resource into. Changing it creates a new resource. */
  readonly project: IProject;
  /** The offering to order from. Changing it creates a new resource. */
  readonly offering: IOffering;
  /** Name of the offering's plan, e.g. `small`. Changing it places an update order. */
  readonly plan: string;
  /**
   * Offering version. Changing it places an upgrade order.
   *
   * @default - the offering's latest available version when the resource is created
   */
  readonly version?: string;
  /**
   * Name of the resource.
   *
   * @default - the construct's id
   */
  readonly name?: string;
  /**
   * Configuration, validated against the version's JSON Schema; property names in snake_case.
   *
   * @default - an empty configuration
   */
  readonly attributes?: { [key: string]: unknown };
  /**
   * The configuration's secret properties (those the version's schema marks `writeOnly` or
   * `format: password`), beside `attributes`: Terraform keeps them sensitive, out of plans and
   * output, and the server never returns them (a change made outside Terraform is not seen).
   *
   * @default - none
   */
  readonly secretAttributes?: { [key: string]: unknown };
  /**
   * Limits per `limit`-billed component, e.g. `{ cpu: 4 }`.
   *
   * @default - none
   */
  readonly limits?: { [componentType: string]: number };
  /**
   * Whether the resource is paused. Changing it places a pause or resume order (offerings whose
   * plugin carries them out only); created with `true`, the resource is created, then paused.
   * A pause or resume made outside Terraform shows as a change in the next plan.
   *
   * @default false
   */
  readonly paused?: boolean;
  /**
   * How long creating the resource may take (its create order), e.g. `45m`.
   *
   * @default 30m
   */
  readonly createTimeout?: string;
  /**
   * How long an update order may take.
   *
   * @default 30m
   */
  readonly updateTimeout?: string;
  /**
   * How long terminating the resource may take.
   *
   * @default 30m
   */
  readonly deleteTimeout?: string;
}

/**
 * A resource ordered from an offering into a project: creating, changing and destroying it place
 * orders (create, update, terminate; pause and resume for `paused`) and wait for them.
 *
 * @example
 * new OrderedResource(this, 'db', {
 *   project, offering: Offering.fromSlug(this, 'postgresql', 'postgresql'), plan: 'db-small',
 *   attributes: { postgres_version: '17', database_name: 'app' },
 *   secretAttributes: { admin_password: new TerraformVariable(this, 'db_admin_password', { sensitive: true }).stringValue },
 * });
 */
export class OrderedResource extends Construct {
  /** The `mercato_resource` resource: the default child (id `Default`), so its Terraform address is named after this construct. */
  public readonly resource: ResourceResource;

  constructor(scope: Construct, id: string, props: OrderedResourceProps) {
    super(scope, id);
    const timeouts =
      props.createTimeout || props.updateTimeout || props.deleteTimeout
        ? { create: props.createTimeout, update: props.updateTimeout, delete: props.deleteTimeout }
        : undefined;
    this.resource = new ResourceResource(this, 'Default', {
      projectId: props.project.projectId,
      offeringId: props.offering.offeringId,
      planId: props.offering.planId(props.plan),
      version: props.version,
      name: props.name ?? id,
      attributes: props.attributes,
      secretAttributes: props.secretAttributes,
      limits: props.limits,
      paused: props.paused,
      timeouts,
    });
  }

  /** Server ID of the resource. */
  public get resourceId(): string {
    return this.resource.id;
  }

  /** State on the server: `OK`, `Paused`, `Erred`... */
  public get state(): string {
    return this.resource.state;
  }

  /** ID in the provider's backend. */
  public get backendId(): string {
    return this.resource.backendId;
  }

  /** The last order Terraform placed for the resource. */
  public get orderId(): string {
    return this.resource.orderId;
  }
}
