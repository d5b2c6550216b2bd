// https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface PlanConfig extends cdktf.TerraformMetaArguments {
  /**
  * An archived plan takes no new orders.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#archived Plan#archived}
  */
  readonly archived?: boolean | cdktf.IResolvable;
  /**
  * ISO 4217 code of the prices' currency, e.g. `EUR`, `USD`, `JPY`; the server checks it against ISO 4217. Default: `EUR`. Must be an ISO 4217 code: three capital letters (`^[A-Z]{3}$`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#currency Plan#currency}
  */
  readonly currency?: string;
  /**
  * What the plan gives.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#description Plan#description}
  */
  readonly description?: string;
  /**
  * Per limit-billed component of the offering (keyed by its `type`), the range an order's `limits` may choose: `minimum` (0 when null), `maximum` (none when null), `default` (taken by an order that leaves the limit out; the minimum when null); give all three, null for none, e.g. `{ cpu = { minimum = 1, maximum = 64, default = 2 } }`. An order outside the range is refused.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#limits Plan#limits}
  */
  readonly limits?: { [key: string]: PlanLimits } | cdktf.IResolvable;
  /**
  * Name, e.g. `small`. Must be 1 to 200 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#name Plan#name}
  */
  readonly name: string;
  /**
  * The offering. Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#offering_id Plan#offering_id}
  */
  readonly offeringId: string;
  /**
  * Price per unit of each component, keyed by the offering's component `type`. Numbers must be integers within ±9007199254740991 or decimals of at most 15 significant digits. Each value must be at least 0.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#prices Plan#prices}
  */
  readonly prices?: { [key: string]: number };
  /**
  * Billing unit: the period the prices are for. Must be one of `month`, `day`, `hour` or `one-time`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#unit Plan#unit}
  */
  readonly unit?: string;
}
export interface PlanLimits {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#default Plan#default}
  */
  readonly default?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#maximum Plan#maximum}
  */
  readonly maximum?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#minimum Plan#minimum}
  */
  readonly minimum?: number;
}

export function planLimitsToTerraform(struct?: PlanLimits | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    default: cdktf.numberToTerraform(struct!.default),
    maximum: cdktf.numberToTerraform(struct!.maximum),
    minimum: cdktf.numberToTerraform(struct!.minimum),
  }
}


export function planLimitsToHclTerraform(struct?: PlanLimits | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    default: {
      value: hclExpression(cdktf.numberToHclTerraform(struct!.default)),
      isBlock: false,
      type: "reference",
      storageClassType: "number",
    },
    maximum: {
      value: hclExpression(cdktf.numberToHclTerraform(struct!.maximum)),
      isBlock: false,
      type: "reference",
      storageClassType: "number",
    },
    minimum: {
      value: hclExpression(cdktf.numberToHclTerraform(struct!.minimum)),
      isBlock: false,
      type: "reference",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PlanLimitsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): PlanLimits | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._default !== undefined) {
      hasAnyValues = true;
      internalValueResult.default = this._default;
    }
    if (this._maximum !== undefined) {
      hasAnyValues = true;
      internalValueResult.maximum = this._maximum;
    }
    if (this._minimum !== undefined) {
      hasAnyValues = true;
      internalValueResult.minimum = this._minimum;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PlanLimits | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._default = undefined;
      this._maximum = undefined;
      this._minimum = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._default = value.default;
      this._maximum = value.maximum;
      this._minimum = value.minimum;
    }
  }

  // default - computed: true, optional: true, required: false
  private _default?: number; 
  public get default() {
    return this.getNumberAttribute('default');
  }
  public set default(value: number) {
    this._default = value;
  }
  public resetDefault() {
    this._default = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultInput() {
    return this._default;
  }

  // maximum - computed: true, optional: true, required: false
  private _maximum?: number; 
  public get maximum() {
    return this.getNumberAttribute('maximum');
  }
  public set maximum(value: number) {
    this._maximum = value;
  }
  public resetMaximum() {
    this._maximum = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maximumInput() {
    return this._maximum;
  }

  // minimum - computed: true, optional: true, required: false
  private _minimum?: number; 
  public get minimum() {
    return this.getNumberAttribute('minimum');
  }
  public set minimum(value: number) {
    this._minimum = value;
  }
  public resetMinimum() {
    this._minimum = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minimumInput() {
    return this._minimum;
  }
}

export class PlanLimitsMap extends cdktf.ComplexMap {
  public internalValue? : { [key: string]: PlanLimits } | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): PlanLimitsOutputReference {
    return new PlanLimitsOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan mercato_plan}
*/
export class Plan extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato_plan";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Plan resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Plan to import
  * @param importFromId The id of the existing Plan that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Plan to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato_plan", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/plan mercato_plan} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PlanConfig
  */
  public constructor(scope: Construct, id: string, config: PlanConfig) {
    super(scope, id, {
      terraformResourceType: 'mercato_plan',
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
    this._archived = config.archived;
    this._currency = config.currency;
    this._description = config.description;
    if (config.limits !== undefined) this._limits.internalValue = config.limits;
    this._name = config.name;
    this._offeringId = config.offeringId;
    this._prices = config.prices;
    this._unit = config.unit;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // archived - computed: true, optional: true, required: false
  private _archived?: boolean | cdktf.IResolvable; 
  public get archived() {
    return this.getBooleanAttribute('archived');
  }
  public set archived(value: boolean | cdktf.IResolvable) {
    this._archived = value;
  }
  public resetArchived() {
    this._archived = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get archivedInput() {
    return this._archived;
  }

  // currency - computed: true, optional: true, required: false
  private _currency?: string; 
  public get currency() {
    return this.getStringAttribute('currency');
  }
  public set currency(value: string) {
    this._currency = value;
  }
  public resetCurrency() {
    this._currency = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get currencyInput() {
    return this._currency;
  }

  // description - computed: true, optional: true, required: false
  private _description?: string; 
  public get description() {
    return this.getStringAttribute('description');
  }
  public set description(value: string) {
    this._description = value;
  }
  public resetDescription() {
    this._description = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get descriptionInput() {
    return this._description;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // limits - computed: true, optional: true, required: false
  private __limits?: PlanLimitsMap;
  private get _limits(): PlanLimitsMap {
    return (this.__limits ??= new PlanLimitsMap(this, "limits"));
  }
  public get limits() {
    return this._limits;
  }
  public putLimits(value: { [key: string]: PlanLimits } | cdktf.IResolvable) {
    this._limits.internalValue = value;
  }
  public resetLimits() {
    this._limits.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get limitsInput() {
    return this._limits.internalValue;
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

  // prices - computed: true, optional: true, required: false
  private _prices?: { [key: string]: number }; 
  public get prices() {
    return this.getNumberMapAttribute('prices');
  }
  public set prices(value: { [key: string]: number }) {
    this._prices = value;
  }
  public resetPrices() {
    this._prices = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pricesInput() {
    return this._prices;
  }

  // unit - computed: true, optional: true, required: false
  private _unit?: string; 
  public get unit() {
    return this.getStringAttribute('unit');
  }
  public set unit(value: string) {
    this._unit = value;
  }
  public resetUnit() {
    this._unit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get unitInput() {
    return this._unit;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      archived: cdktf.booleanToTerraform(this._archived),
      currency: cdktf.stringToTerraform(this._currency),
      description: cdktf.stringToTerraform(this._description),
      limits: cdktf.hashMapper(planLimitsToTerraform)(this.__limits?.internalValue),
      name: cdktf.stringToTerraform(this._name),
      offering_id: cdktf.stringToTerraform(this._offeringId),
      prices: cdktf.hashMapper(cdktf.numberToTerraform)(this._prices),
      unit: cdktf.stringToTerraform(this._unit),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      archived: {
        value: hclExpression(cdktf.booleanToHclTerraform(this._archived)),
        isBlock: false,
        type: "reference",
        storageClassType: "boolean",
      },
      currency: {
        value: hclExpression(cdktf.stringToHclTerraform(this._currency)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      description: {
        value: hclExpression(cdktf.stringToHclTerraform(this._description)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      limits: {
        value: cdktf.hashMapperHcl(planLimitsToHclTerraform)(this.__limits?.internalValue),
        isBlock: true,
        type: "map",
        storageClassType: "PlanLimitsMap",
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
      prices: {
        value: hclExpression(cdktf.hashMapperHcl(cdktf.numberToHclTerraform)(this._prices)),
        isBlock: false,
        type: "reference",
        storageClassType: "numberMap",
      },
      unit: {
        value: hclExpression(cdktf.stringToHclTerraform(this._unit)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
