// https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface ResourceConfig extends cdktf.TerraformMetaArguments {
  /**
  * Configuration, written as a native HCL object. Validated at plan time against the offering version's JSON Schema; changing it places an update order (values compare as values: key order does not count). Secret properties go in `secret_attributes`. Default: `{}`. Numbers must be integers within ±9007199254740991 or decimals of at most 15 significant digits, nested at most 32 levels deep. Leaving it out and `{}` mean the same: no change is planned between them.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#attributes Resource#attributes}
  */
  readonly attributes?: { [key: string]: any };
  /**
  * Limits per `limit`-billed component of the offering, e.g. `{ cpu = 4 }`. Changing them places an update order. Default: `{}`. Numbers must be integers within ±9007199254740991 or decimals of at most 15 significant digits. Leaving it out and `{}` mean the same: no change is planned between them.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#limits Resource#limits}
  */
  readonly limits?: { [key: string]: number };
  /**
  * Name of the resource. Changing it renames the resource (no order). Must be 1 to 200 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#name Resource#name}
  */
  readonly name: string;
  /**
  * Offering to order from. Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#offering_id Resource#offering_id}
  */
  readonly offeringId: string;
  /**
  * Whether the resource is paused (what pausing does is the offering's: a virtual machine stopped with its disks kept, say). Changing it places a pause or resume order, approved as update orders are, and waits for it under the `update` timeout; only offerings whose plugin carries out pause and resume take one (the server's refusal is reported here). When other arguments change in the same apply, a resume comes before their update order and a pause after it, so the update always runs on a working resource when it can. Creating with `paused = true` creates the resource, then pauses it, within the `create` timeout; if that pause does not succeed the resource is tainted, as after any create that does not finish. Read back as `state == "Paused"`: a pause or resume made outside Terraform shows as a change of `paused` in the next plan. Default: `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#paused Resource#paused}
  */
  readonly paused?: boolean | cdktf.IResolvable;
  /**
  * Plan of the offering. Changing it places an update order.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#plan_id Resource#plan_id}
  */
  readonly planId: string;
  /**
  * Project to order the resource into. Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#project_id Resource#project_id}
  */
  readonly projectId: string;
  /**
  * The configuration's secret properties (those the version's schema marks `writeOnly: true` or `format: password`, such as an admin password), as a native HCL object beside `attributes`; sensitive, so plans and output never show them. Validated with `attributes` as one configuration; a secret property written in `attributes` is a plan error. The server never returns secrets: changing one here places an update order, but a change made outside Terraform is not seen (no drift on secrets), and removing one from the configuration leaves the stored value in place. Numbers must be integers within ±9007199254740991 or decimals of at most 15 significant digits, nested at most 32 levels deep.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#secret_attributes Resource#secret_attributes}
  */
  readonly secretAttributes?: { [key: string]: any };
  /**
  * Offering version. Default: the latest available version at creation. Changing it places an upgrade order. A `beta` version gets a warning at plan time; a `deprecated` one takes no new resources (an error) and warns while in use. Known in plans once the object exists.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#version Resource#version}
  */
  readonly version?: string;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#timeouts Resource#timeouts}
  */
  readonly timeouts?: ResourceTimeouts;
}
export interface ResourceTimeouts {
  /**
  * How long to wait for the create operation. Default: `30m`. Must be a duration: a number and a unit (`s`, `m`, `h`), like `30m` or `1h30m`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#create Resource#create}
  */
  readonly create?: string;
  /**
  * How long to wait for the delete operation. Default: `30m`. Must be a duration: a number and a unit (`s`, `m`, `h`), like `30m` or `1h30m`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#delete Resource#delete}
  */
  readonly delete?: string;
  /**
  * How long to wait for the update operation. Default: `30m`. Must be a duration: a number and a unit (`s`, `m`, `h`), like `30m` or `1h30m`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#update Resource#update}
  */
  readonly update?: string;
}

export function resourceTimeoutsToTerraform(struct?: ResourceTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    create: cdktf.stringToTerraform(struct!.create),
    delete: cdktf.stringToTerraform(struct!.delete),
    update: cdktf.stringToTerraform(struct!.update),
  }
}


export function resourceTimeoutsToHclTerraform(struct?: ResourceTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    create: {
      value: hclExpression(cdktf.stringToHclTerraform(struct!.create)),
      isBlock: false,
      type: "reference",
      storageClassType: "string",
    },
    delete: {
      value: hclExpression(cdktf.stringToHclTerraform(struct!.delete)),
      isBlock: false,
      type: "reference",
      storageClassType: "string",
    },
    update: {
      value: hclExpression(cdktf.stringToHclTerraform(struct!.update)),
      isBlock: false,
      type: "reference",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ResourceTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ResourceTimeouts | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    if (this._update !== undefined) {
      hasAnyValues = true;
      internalValueResult.update = this._update;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ResourceTimeouts | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._delete = undefined;
      this._update = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._delete = value.delete;
      this._update = value.update;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string; 
  public get create() {
    return this.getStringAttribute('create');
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string; 
  public get delete() {
    return this.getStringAttribute('delete');
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }

  // update - computed: false, optional: true, required: false
  private _update?: string; 
  public get update() {
    return this.getStringAttribute('update');
  }
  public set update(value: string) {
    this._update = value;
  }
  public resetUpdate() {
    this._update = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get updateInput() {
    return this._update;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource mercato_resource}
*/
export class Resource extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato_resource";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Resource resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Resource to import
  * @param importFromId The id of the existing Resource that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Resource to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato_resource", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/resource mercato_resource} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ResourceConfig
  */
  public constructor(scope: Construct, id: string, config: ResourceConfig) {
    super(scope, id, {
      terraformResourceType: 'mercato_resource',
      terraformGeneratorMetadata: {
        providerName: 'mercato'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._attributes = config.attributes;
    this._limits = config.limits;
    this._name = config.name;
    this._offeringId = config.offeringId;
    this._paused = config.paused;
    this._planId = config.planId;
    this._projectId = config.projectId;
    this._secretAttributes = config.secretAttributes;
    this._version = config.version;
    if (config.timeouts !== undefined) this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // attributes - computed: true, optional: true, required: false
  private _attributes?: { [key: string]: any }; 
  public get attributes() {
    return this.getAnyMapAttribute('attributes');
  }
  public set attributes(value: { [key: string]: any }) {
    this._attributes = value;
  }
  public resetAttributes() {
    this._attributes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get attributesInput() {
    return this._attributes;
  }

  // backend_id - computed: true, optional: false, required: false
  public get backendId() {
    return this.getStringAttribute('backend_id');
  }

  // backend_state - computed: true, optional: false, required: false
  private __backendState?: cdktf.AnyMap;
  private get _backendState(): cdktf.AnyMap {
    return (this.__backendState ??= new cdktf.AnyMap(this, "backend_state"));
  }
  public get backendState() {
    return this._backendState;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // limits - computed: true, optional: true, required: false
  private _limits?: { [key: string]: number }; 
  public get limits() {
    return this.getNumberMapAttribute('limits');
  }
  public set limits(value: { [key: string]: number }) {
    this._limits = value;
  }
  public resetLimits() {
    this._limits = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get limitsInput() {
    return this._limits;
  }

  // monthly_cost_estimate - computed: true, optional: false, required: false
  public get monthlyCostEstimate() {
    return this.getStringAttribute('monthly_cost_estimate');
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // offering_id - computed: false, optional: false, required: true
  private _offeringId?: string; 
  public get offeringId() {
    return this.getStringAttribute('offering_id');
  }
  public set offeringId(value: string) {
    this._offeringId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get offeringIdInput() {
    return this._offeringId;
  }

  // order_id - computed: true, optional: false, required: false
  public get orderId() {
    return this.getStringAttribute('order_id');
  }

  // outputs - computed: true, optional: false, required: false
  private __outputs?: cdktf.AnyMap;
  private get _outputs(): cdktf.AnyMap {
    return (this.__outputs ??= new cdktf.AnyMap(this, "outputs"));
  }
  public get outputs() {
    return this._outputs;
  }

  // paused - computed: true, optional: true, required: false
  private _paused?: boolean | cdktf.IResolvable; 
  public get paused() {
    return this.getBooleanAttribute('paused');
  }
  public set paused(value: boolean | cdktf.IResolvable) {
    this._paused = value;
  }
  public resetPaused() {
    this._paused = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pausedInput() {
    return this._paused;
  }

  // plan_id - computed: false, optional: false, required: true
  private _planId?: string; 
  public get planId() {
    return this.getStringAttribute('plan_id');
  }
  public set planId(value: string) {
    this._planId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get planIdInput() {
    return this._planId;
  }

  // project_id - computed: false, optional: false, required: true
  private _projectId?: string; 
  public get projectId() {
    return this.getStringAttribute('project_id');
  }
  public set projectId(value: string) {
    this._projectId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get projectIdInput() {
    return this._projectId;
  }

  // secret_attributes - computed: false, optional: true, required: false
  private _secretAttributes?: { [key: string]: any }; 
  public get secretAttributes() {
    return this.getAnyMapAttribute('secret_attributes');
  }
  public set secretAttributes(value: { [key: string]: any }) {
    this._secretAttributes = value;
  }
  public resetSecretAttributes() {
    this._secretAttributes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretAttributesInput() {
    return this._secretAttributes;
  }

  // secret_outputs - computed: true, optional: false, required: false
  private __secretOutputs?: cdktf.AnyMap;
  private get _secretOutputs(): cdktf.AnyMap {
    return (this.__secretOutputs ??= new cdktf.AnyMap(this, "secret_outputs"));
  }
  public get secretOutputs() {
    return this._secretOutputs;
  }

  // state - computed: true, optional: false, required: false
  public get state() {
    return this.getStringAttribute('state');
  }

  // version - computed: true, optional: true, required: false
  private _version?: string; 
  public get version() {
    return this.getStringAttribute('version');
  }
  public set version(value: string) {
    this._version = value;
  }
  public resetVersion() {
    this._version = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get versionInput() {
    return this._version;
  }

  // timeouts - computed: false, optional: true, required: false
  private __timeouts?: ResourceTimeoutsOutputReference;
  private get _timeouts(): ResourceTimeoutsOutputReference {
    return (this.__timeouts ??= new ResourceTimeoutsOutputReference(this, "timeouts"));
  }
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ResourceTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      attributes: cdktf.hashMapper(cdktf.anyToTerraform)(this._attributes),
      limits: cdktf.hashMapper(cdktf.numberToTerraform)(this._limits),
      name: cdktf.stringToTerraform(this._name),
      offering_id: cdktf.stringToTerraform(this._offeringId),
      paused: cdktf.booleanToTerraform(this._paused),
      plan_id: cdktf.stringToTerraform(this._planId),
      project_id: cdktf.stringToTerraform(this._projectId),
      secret_attributes: cdktf.hashMapper(cdktf.anyToTerraform)(this._secretAttributes),
      version: cdktf.stringToTerraform(this._version),
      timeouts: resourceTimeoutsToTerraform(this.__timeouts?.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      attributes: {
        value: hclExpression(cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._attributes)),
        isBlock: false,
        type: "reference",
        storageClassType: "anyMap",
      },
      limits: {
        value: hclExpression(cdktf.hashMapperHcl(cdktf.numberToHclTerraform)(this._limits)),
        isBlock: false,
        type: "reference",
        storageClassType: "numberMap",
      },
      name: {
        value: hclExpression(cdktf.stringToHclTerraform(this._name)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      offering_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._offeringId)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      paused: {
        value: hclExpression(cdktf.booleanToHclTerraform(this._paused)),
        isBlock: false,
        type: "reference",
        storageClassType: "boolean",
      },
      plan_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._planId)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      project_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._projectId)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      secret_attributes: {
        value: hclExpression(cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._secretAttributes)),
        isBlock: false,
        type: "reference",
        storageClassType: "anyMap",
      },
      version: {
        value: hclExpression(cdktf.stringToHclTerraform(this._version)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      timeouts: {
        value: resourceTimeoutsToHclTerraform(this.__timeouts?.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ResourceTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
