// https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offering
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface DataMercatoOfferingConfig extends cdktf.TerraformMetaArguments {
  /**
  * Server ID; set this or `slug`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offering#id DataMercatoOffering#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * Slug, e.g. `virtual-machine`; set this or `id`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offering#slug DataMercatoOffering#slug}
  */
  readonly slug?: string;
}
export interface DataMercatoOfferingPlans {
}

export function dataMercatoOfferingPlansToTerraform(struct?: DataMercatoOfferingPlans): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataMercatoOfferingPlansToHclTerraform(struct?: DataMercatoOfferingPlans): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataMercatoOfferingPlansOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): DataMercatoOfferingPlans | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataMercatoOfferingPlans | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // archived - computed: true, optional: false, required: false
  public get archived() {
    return this.getBooleanAttribute('archived');
  }

  // currency - computed: true, optional: false, required: false
  public get currency() {
    return this.getStringAttribute('currency');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // prices - computed: true, optional: false, required: false
  private __prices?: cdktf.NumberMap;
  private get _prices(): cdktf.NumberMap {
    return (this.__prices ??= new cdktf.NumberMap(this, "prices"));
  }
  public get prices() {
    return this._prices;
  }

  // unit - computed: true, optional: false, required: false
  public get unit() {
    return this.getStringAttribute('unit');
  }
}

export class DataMercatoOfferingPlansMap extends cdktf.ComplexMap {

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
  public get(key: string): DataMercatoOfferingPlansOutputReference {
    return new DataMercatoOfferingPlansOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offering mercato_offering}
*/
export class DataMercatoOffering extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato_offering";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataMercatoOffering resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataMercatoOffering to import
  * @param importFromId The id of the existing DataMercatoOffering that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offering#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataMercatoOffering to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato_offering", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offering mercato_offering} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataMercatoOfferingConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataMercatoOfferingConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'mercato_offering',
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
    this._id = config.id;
    this._slug = config.slug;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // allowed_organization_ids - computed: true, optional: false, required: false
  public get allowedOrganizationIds() {
    return cdktf.Fn.tolist(this.getListAttribute('allowed_organization_ids'));
  }

  // allowed_project_ids - computed: true, optional: false, required: false
  public get allowedProjectIds() {
    return cdktf.Fn.tolist(this.getListAttribute('allowed_project_ids'));
  }

  // category_id - computed: true, optional: false, required: false
  public get categoryId() {
    return this.getStringAttribute('category_id');
  }

  // description - computed: true, optional: false, required: false
  public get description() {
    return this.getStringAttribute('description');
  }

  // id - computed: true, optional: true, required: false
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // latest_version - computed: true, optional: false, required: false
  public get latestVersion() {
    return this.getStringAttribute('latest_version');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // organization_id - computed: true, optional: false, required: false
  public get organizationId() {
    return this.getStringAttribute('organization_id');
  }

  // plans - computed: true, optional: false, required: false
  private __plans?: DataMercatoOfferingPlansMap;
  private get _plans(): DataMercatoOfferingPlansMap {
    return (this.__plans ??= new DataMercatoOfferingPlansMap(this, "plans"));
  }
  public get plans() {
    return this._plans;
  }

  // platform - computed: true, optional: false, required: false
  public get platform() {
    return this.getStringAttribute('platform');
  }

  // slug - computed: true, optional: true, required: false
  private _slug?: string; 
  public get slug() {
    return this.getStringAttribute('slug');
  }
  public set slug(value: string) {
    this._slug = value;
  }
  public resetSlug() {
    this._slug = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get slugInput() {
    return this._slug;
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // status_reason - computed: true, optional: false, required: false
  public get statusReason() {
    return this.getStringAttribute('status_reason');
  }

  // tags - computed: true, optional: false, required: false
  public get tags() {
    return this.getListAttribute('tags');
  }

  // type - computed: true, optional: false, required: false
  public get type() {
    return this.getStringAttribute('type');
  }

  // versions - computed: true, optional: false, required: false
  public get versions() {
    return this.getListAttribute('versions');
  }

  // visibility - computed: true, optional: false, required: false
  public get visibility() {
    return this.getStringAttribute('visibility');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      id: cdktf.stringToTerraform(this._id),
      slug: cdktf.stringToTerraform(this._slug),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._id)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      slug: {
        value: hclExpression(cdktf.stringToHclTerraform(this._slug)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
