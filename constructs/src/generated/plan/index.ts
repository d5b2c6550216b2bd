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
