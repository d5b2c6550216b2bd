// https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/cost_estimate
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface DataMercatoCostEstimateConfig extends cdktf.TerraformMetaArguments {
  /**
  * Chosen limits of its `limit` components, by component type, as on `mercato_resource`. Numbers must be integers within ±9007199254740991 or decimals of at most 15 significant digits.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/cost_estimate#limits DataMercatoCostEstimate#limits}
  */
  readonly limits?: { [key: string]: number };
  /**
  * The offering to order from.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/cost_estimate#offering_id DataMercatoCostEstimate#offering_id}
  */
  readonly offeringId: string;
  /**
  * Its plan.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/cost_estimate#plan_id DataMercatoCostEstimate#plan_id}
  */
  readonly planId: string;
}
export interface DataMercatoCostEstimateComponents {
}

export function dataMercatoCostEstimateComponentsToTerraform(struct?: DataMercatoCostEstimateComponents): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataMercatoCostEstimateComponentsToHclTerraform(struct?: DataMercatoCostEstimateComponents): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataMercatoCostEstimateComponentsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DataMercatoCostEstimateComponents | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataMercatoCostEstimateComponents | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // amount - computed: true, optional: false, required: false
  public get amount() {
    return this.getStringAttribute('amount');
  }

  // billing_type - computed: true, optional: false, required: false
  public get billingType() {
    return this.getStringAttribute('billing_type');
  }

  // charged - computed: true, optional: false, required: false
  public get charged() {
    return this.getStringAttribute('charged');
  }

  // measured_unit - computed: true, optional: false, required: false
  public get measuredUnit() {
    return this.getStringAttribute('measured_unit');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // note - computed: true, optional: false, required: false
  public get note() {
    return this.getStringAttribute('note');
  }

  // quantity - computed: true, optional: false, required: false
  public get quantity() {
    return this.getStringAttribute('quantity');
  }

  // type - computed: true, optional: false, required: false
  public get type() {
    return this.getStringAttribute('type');
  }

  // unit_price - computed: true, optional: false, required: false
  public get unitPrice() {
    return this.getStringAttribute('unit_price');
  }
}

export class DataMercatoCostEstimateComponentsList extends cdktf.ComplexList {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DataMercatoCostEstimateComponentsOutputReference {
    return new DataMercatoCostEstimateComponentsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/cost_estimate mercato_cost_estimate}
*/
export class DataMercatoCostEstimate extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato_cost_estimate";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataMercatoCostEstimate resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataMercatoCostEstimate to import
  * @param importFromId The id of the existing DataMercatoCostEstimate that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/cost_estimate#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataMercatoCostEstimate to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato_cost_estimate", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/cost_estimate mercato_cost_estimate} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataMercatoCostEstimateConfig
  */
  public constructor(scope: Construct, id: string, config: DataMercatoCostEstimateConfig) {
    super(scope, id, {
      terraformResourceType: 'mercato_cost_estimate',
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
    this._limits = config.limits;
    this._offeringId = config.offeringId;
    this._planId = config.planId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // components - computed: true, optional: false, required: false
  private __components?: DataMercatoCostEstimateComponentsList;
  private get _components(): DataMercatoCostEstimateComponentsList {
    return (this.__components ??= new DataMercatoCostEstimateComponentsList(this, "components", false));
  }
  public get components() {
    return this._components;
  }

  // currency - computed: true, optional: false, required: false
  public get currency() {
    return this.getStringAttribute('currency');
  }

  // limits - computed: false, optional: true, required: false
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

  // monthly_total - computed: true, optional: false, required: false
  public get monthlyTotal() {
    return this.getStringAttribute('monthly_total');
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

  // one_time_total - computed: true, optional: false, required: false
  public get oneTimeTotal() {
    return this.getStringAttribute('one_time_total');
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

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      limits: cdktf.hashMapper(cdktf.numberToTerraform)(this._limits),
      offering_id: cdktf.stringToTerraform(this._offeringId),
      plan_id: cdktf.stringToTerraform(this._planId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      limits: {
        value: hclExpression(cdktf.hashMapperHcl(cdktf.numberToHclTerraform)(this._limits)),
        isBlock: false,
        type: "reference",
        storageClassType: "numberMap",
      },
      offering_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._offeringId)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      plan_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._planId)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
