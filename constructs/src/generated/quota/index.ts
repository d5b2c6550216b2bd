// https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface QuotaConfig extends cdktf.TerraformMetaArguments {
  /**
  * A limit component type (e.g. `cpu`): the quota caps the total of the limits of that component. Exactly one of `component` and `offering_id`. Must be a component type such as `cpu` (`^[a-z][a-z0-9_]*$`). Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota#component Quota#component}
  */
  readonly component?: string;
  /**
  * The most the scope may hold: a total of limits (a decimal such as `0.5` is kept exactly) or a number of resources. Lowering it below `usage` refuses new orders and keeps what is there. Must be at least 0. Numbers must be integers within ±9007199254740991 or decimals of at most 15 significant digits.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota#limit Quota#limit}
  */
  readonly limit: number;
  /**
  * Server ID of an offering: the quota caps the number of its resources. Exactly one of `component` and `offering_id`. Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota#offering_id Quota#offering_id}
  */
  readonly offeringId?: string;
  /**
  * Organization the quota holds for (the project’s, when `project_id` is set). Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota#organization_id Quota#organization_id}
  */
  readonly organizationId: string;
  /**
  * A project of the organization: the quota holds for it alone. Unset: for the whole organization. Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota#project_id Quota#project_id}
  */
  readonly projectId?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota mercato_quota}
*/
export class Quota extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato_quota";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Quota resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Quota to import
  * @param importFromId The id of the existing Quota that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Quota to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato_quota", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/quota mercato_quota} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options QuotaConfig
  */
  public constructor(scope: Construct, id: string, config: QuotaConfig) {
    super(scope, id, {
      terraformResourceType: 'mercato_quota',
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
    this._component = config.component;
    this._limit = config.limit;
    this._offeringId = config.offeringId;
    this._organizationId = config.organizationId;
    this._projectId = config.projectId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // component - computed: false, optional: true, required: false
  private _component?: string; 
  public get component() {
    return this.getStringAttribute('component');
  }
  public set component(value: string) {
    this._component = value;
  }
  public resetComponent() {
    this._component = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get componentInput() {
    return this._component;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // limit - computed: false, optional: false, required: true
  private _limit?: number; 
  public get limit() {
    return this.getNumberAttribute('limit');
  }
  public set limit(value: number) {
    this._limit = value;
  }
  // Temporarily expose input value. Use with caution.
  public get limitInput() {
    return this._limit;
  }

  // offering_id - computed: false, optional: true, required: false
  private _offeringId?: string; 
  public get offeringId() {
    return this.getStringAttribute('offering_id');
  }
  public set offeringId(value: string) {
    this._offeringId = value;
  }
  public resetOfferingId() {
    this._offeringId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get offeringIdInput() {
    return this._offeringId;
  }

  // organization_id - computed: false, optional: false, required: true
  private _organizationId?: string; 
  public get organizationId() {
    return this.getStringAttribute('organization_id');
  }
  public set organizationId(value: string) {
    this._organizationId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get organizationIdInput() {
    return this._organizationId;
  }

  // project_id - computed: false, optional: true, required: false
  private _projectId?: string; 
  public get projectId() {
    return this.getStringAttribute('project_id');
  }
  public set projectId(value: string) {
    this._projectId = value;
  }
  public resetProjectId() {
    this._projectId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get projectIdInput() {
    return this._projectId;
  }

  // usage - computed: true, optional: false, required: false
  public get usage() {
    return this.getNumberAttribute('usage');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      component: cdktf.stringToTerraform(this._component),
      limit: cdktf.numberToTerraform(this._limit),
      offering_id: cdktf.stringToTerraform(this._offeringId),
      organization_id: cdktf.stringToTerraform(this._organizationId),
      project_id: cdktf.stringToTerraform(this._projectId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      component: {
        value: hclExpression(cdktf.stringToHclTerraform(this._component)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      limit: {
        value: hclExpression(cdktf.numberToHclTerraform(this._limit)),
        isBlock: false,
        type: "reference",
        storageClassType: "number",
      },
      offering_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._offeringId)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      organization_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._organizationId)),
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
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
