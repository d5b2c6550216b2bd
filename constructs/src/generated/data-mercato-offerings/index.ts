// https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface DataMercatoOfferingsConfig extends cdktf.TerraformMetaArguments {
  /**
  * Only this category.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings#category_id DataMercatoOfferings#category_id}
  */
  readonly categoryId?: string;
  /**
  * Words matched against name, description and tags (each a prefix; all must match).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings#keyword DataMercatoOfferings#keyword}
  */
  readonly keyword?: string;
  /**
  * Only this platform. Must be one of `aws`, `azure`, `gcp`, `on-premises` or `other`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings#platform DataMercatoOfferings#platform}
  */
  readonly platform?: string;
  /**
  * Only this status. Must be one of `draft`, `active`, `paused` or `archived`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings#status DataMercatoOfferings#status}
  */
  readonly status?: string;
  /**
  * Only offerings with all these tags.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings#tags DataMercatoOfferings#tags}
  */
  readonly tags?: string[];
  /**
  * Only offerings that have this version.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings#version DataMercatoOfferings#version}
  */
  readonly version?: string;
}
export interface DataMercatoOfferingsOfferings {
}

export function dataMercatoOfferingsOfferingsToTerraform(struct?: DataMercatoOfferingsOfferings): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataMercatoOfferingsOfferingsToHclTerraform(struct?: DataMercatoOfferingsOfferings): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataMercatoOfferingsOfferingsOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DataMercatoOfferingsOfferings | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataMercatoOfferingsOfferings | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // category_id - computed: true, optional: false, required: false
  public get categoryId() {
    return this.getStringAttribute('category_id');
  }

  // description - computed: true, optional: false, required: false
  public get description() {
    return this.getStringAttribute('description');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
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

  // platform - computed: true, optional: false, required: false
  public get platform() {
    return this.getStringAttribute('platform');
  }

  // slug - computed: true, optional: false, required: false
  public get slug() {
    return this.getStringAttribute('slug');
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
}

export class DataMercatoOfferingsOfferingsList extends cdktf.ComplexList {

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
  public get(index: number): DataMercatoOfferingsOfferingsOutputReference {
    return new DataMercatoOfferingsOfferingsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings mercato_offerings}
*/
export class DataMercatoOfferings extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato_offerings";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataMercatoOfferings resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataMercatoOfferings to import
  * @param importFromId The id of the existing DataMercatoOfferings that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataMercatoOfferings to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato_offerings", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/data-sources/offerings mercato_offerings} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataMercatoOfferingsConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataMercatoOfferingsConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'mercato_offerings',
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
    this._categoryId = config.categoryId;
    this._keyword = config.keyword;
    this._platform = config.platform;
    this._status = config.status;
    this._tags = config.tags;
    this._version = config.version;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // category_id - computed: false, optional: true, required: false
  private _categoryId?: string; 
  public get categoryId() {
    return this.getStringAttribute('category_id');
  }
  public set categoryId(value: string) {
    this._categoryId = value;
  }
  public resetCategoryId() {
    this._categoryId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get categoryIdInput() {
    return this._categoryId;
  }

  // ids - computed: true, optional: false, required: false
  public get ids() {
    return this.getListAttribute('ids');
  }

  // keyword - computed: false, optional: true, required: false
  private _keyword?: string; 
  public get keyword() {
    return this.getStringAttribute('keyword');
  }
  public set keyword(value: string) {
    this._keyword = value;
  }
  public resetKeyword() {
    this._keyword = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keywordInput() {
    return this._keyword;
  }

  // offerings - computed: true, optional: false, required: false
  private __offerings?: DataMercatoOfferingsOfferingsList;
  private get _offerings(): DataMercatoOfferingsOfferingsList {
    return (this.__offerings ??= new DataMercatoOfferingsOfferingsList(this, "offerings", false));
  }
  public get offerings() {
    return this._offerings;
  }

  // platform - computed: false, optional: true, required: false
  private _platform?: string; 
  public get platform() {
    return this.getStringAttribute('platform');
  }
  public set platform(value: string) {
    this._platform = value;
  }
  public resetPlatform() {
    this._platform = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get platformInput() {
    return this._platform;
  }

  // status - computed: false, optional: true, required: false
  private _status?: string; 
  public get status() {
    return this.getStringAttribute('status');
  }
  public set status(value: string) {
    this._status = value;
  }
  public resetStatus() {
    this._status = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get statusInput() {
    return this._status;
  }

  // tags - computed: false, optional: true, required: false
  private _tags?: string[]; 
  public get tags() {
    return this.getListAttribute('tags');
  }
  public set tags(value: string[]) {
    this._tags = value;
  }
  public resetTags() {
    this._tags = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tagsInput() {
    return this._tags;
  }

  // version - computed: false, optional: true, required: false
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

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      category_id: cdktf.stringToTerraform(this._categoryId),
      keyword: cdktf.stringToTerraform(this._keyword),
      platform: cdktf.stringToTerraform(this._platform),
      status: cdktf.stringToTerraform(this._status),
      tags: cdktf.listMapper(cdktf.stringToTerraform, false)(this._tags),
      version: cdktf.stringToTerraform(this._version),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      category_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._categoryId)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      keyword: {
        value: hclExpression(cdktf.stringToHclTerraform(this._keyword)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      platform: {
        value: hclExpression(cdktf.stringToHclTerraform(this._platform)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      status: {
        value: hclExpression(cdktf.stringToHclTerraform(this._status)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      tags: {
        value: hclExpression(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._tags)),
        isBlock: false,
        type: "reference",
        storageClassType: "stringList",
      },
      version: {
        value: hclExpression(cdktf.stringToHclTerraform(this._version)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
