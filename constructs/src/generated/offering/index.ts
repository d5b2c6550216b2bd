// https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface OfferingConfig extends cdktf.TerraformMetaArguments {
  /**
  * Of a `restricted` offering: the organizations whose members (of the organization or of any of its projects) see it and order it into their projects. Default: `[]`. Each value must be an organization id (`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#allowed_organization_ids Offering#allowed_organization_ids}
  */
  readonly allowedOrganizationIds?: string[];
  /**
  * Of a `restricted` offering: the projects whose members and whose organization's owners see it and order it into them. Default: `[]`. Each value must be a project id (`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#allowed_project_ids Offering#allowed_project_ids}
  */
  readonly allowedProjectIds?: string[];
  /**
  * Skip the provider's approval of orders.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#auto_approve Offering#auto_approve}
  */
  readonly autoApprove?: boolean | cdktf.IResolvable;
  /**
  * Whether a paused resource's `fixed` and `limit` components are billed as when active; `false`: paused time is free. Default: `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#bill_paused Offering#bill_paused}
  */
  readonly billPaused?: boolean | cdktf.IResolvable;
  /**
  * Catalog category.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#category_id Offering#category_id}
  */
  readonly categoryId: string;
  /**
  * What the offering provides (Markdown).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#description Offering#description}
  */
  readonly description?: string;
  /**
  * Link to the documentation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#documentation_url Offering#documentation_url}
  */
  readonly documentationUrl?: string;
  /**
  * Display name. Must be 1 to 200 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#name Offering#name}
  */
  readonly name: string;
  /**
  * The service provider organization. Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#organization_id Offering#organization_id}
  */
  readonly organizationId: string;
  /**
  * Where it runs. Must be one of `aws`, `azure`, `gcp`, `on-premises` or `other`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#platform Offering#platform}
  */
  readonly platform?: string;
  /**
  * Options of the provisioning plugin, as an HCL object. Numbers must be integers within ±9007199254740991 or decimals of at most 15 significant digits, nested at most 32 levels deep.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#plugin_options Offering#plugin_options}
  */
  readonly pluginOptions?: { [key: string]: any };
  /**
  * What a consumer needs before ordering.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#requirements Offering#requirements}
  */
  readonly requirements?: string;
  /**
  * Secret plugin options (credentials). Write-only on the server: never returned, so changes made outside Terraform are not detected.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#secret_options Offering#secret_options}
  */
  readonly secretOptions?: { [key: string]: string };
  /**
  * Unique URL-friendly name; derived from the name when not set. Must be lowercase letters and digits, in words joined by single hyphens (`^[a-z0-9]+(-[a-z0-9]+)*$`). Must be 1 to 100 characters long. Known in plans once the object exists.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#slug Offering#slug}
  */
  readonly slug?: string;
  /**
  * The status asked for (the API's `requested_status`): `draft` is seen only by the provider, `active` is in the catalog taking orders, `paused` takes no new orders, `archived` leaves the catalog. An offering is active only with a category, a plan that is not archived and a version: declare `active` here beside its `mercato_plan` and `mercato_offering_version`, and the server activates it once they exist, in the same apply; until then the catalog shows it as `draft` (the `mercato_offering` data source's `status` and `status_reason` say what it shows and why). Must be one of `draft`, `active`, `paused` or `archived`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#status Offering#status}
  */
  readonly status?: string;
  /**
  * Search keywords.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#tags Offering#tags}
  */
  readonly tags?: string[];
  /**
  * Provisioning plugin: `manual` (the provider completes orders through the API) or `allocation` (granted at once). Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#type Offering#type}
  */
  readonly type: string;
  /**
  * `public`: every signed-in user sees it. `restricted`: only its provider, staff and the organizations and projects in `allowed_organization_ids` and `allowed_project_ids` see it, search it and order it. Resources already ordered by an organization taken off the lists keep working (changed, paused, terminated). Must be one of `public` or `restricted`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#visibility Offering#visibility}
  */
  readonly visibility?: string;
  /**
  * component block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#component Offering#component}
  */
  readonly component?: OfferingComponent[] | cdktf.IResolvable;
}
export interface OfferingComponent {
  /**
  * How it is billed: `limit` bills the limit the consumer sets, `one-time` once at creation. Must be one of `fixed`, `usage`, `limit` or `one-time`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#billing_type Offering#billing_type}
  */
  readonly billingType: string;
  /**
  * Unit, e.g. `GB` or `cores`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#measured_unit Offering#measured_unit}
  */
  readonly measuredUnit?: string;
  /**
  * Display name. Must be 1 to 200 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#name Offering#name}
  */
  readonly name: string;
  /**
  * Machine name, the key in plan `prices` and resource `limits`. Must be a lowercase letter, then lowercase letters, digits and underscores (`^[a-z][a-z0-9_]*$`). Must be 1 to 100 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#type Offering#type}
  */
  readonly type: string;
}

export function offeringComponentToTerraform(struct?: OfferingComponent | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    billing_type: cdktf.stringToTerraform(struct!.billingType),
    measured_unit: cdktf.stringToTerraform(struct!.measuredUnit),
    name: cdktf.stringToTerraform(struct!.name),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function offeringComponentToHclTerraform(struct?: OfferingComponent | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    billing_type: {
      value: hclExpression(cdktf.stringToHclTerraform(struct!.billingType)),
      isBlock: false,
      type: "reference",
      storageClassType: "string",
    },
    measured_unit: {
      value: hclExpression(cdktf.stringToHclTerraform(struct!.measuredUnit)),
      isBlock: false,
      type: "reference",
      storageClassType: "string",
    },
    name: {
      value: hclExpression(cdktf.stringToHclTerraform(struct!.name)),
      isBlock: false,
      type: "reference",
      storageClassType: "string",
    },
    type: {
      value: hclExpression(cdktf.stringToHclTerraform(struct!.type)),
      isBlock: false,
      type: "reference",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class OfferingComponentOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): OfferingComponent | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._billingType !== undefined) {
      hasAnyValues = true;
      internalValueResult.billingType = this._billingType;
    }
    if (this._measuredUnit !== undefined) {
      hasAnyValues = true;
      internalValueResult.measuredUnit = this._measuredUnit;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: OfferingComponent | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._billingType = undefined;
      this._measuredUnit = undefined;
      this._name = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._billingType = value.billingType;
      this._measuredUnit = value.measuredUnit;
      this._name = value.name;
      this._type = value.type;
    }
  }

  // billing_type - computed: false, optional: false, required: true
  private _billingType?: string; 
  public get billingType() {
    return this.getStringAttribute('billing_type');
  }
  public set billingType(value: string) {
    this._billingType = value;
  }
  // Temporarily expose input value. Use with caution.
  public get billingTypeInput() {
    return this._billingType;
  }

  // measured_unit - computed: true, optional: true, required: false
  private _measuredUnit?: string; 
  public get measuredUnit() {
    return this.getStringAttribute('measured_unit');
  }
  public set measuredUnit(value: string) {
    this._measuredUnit = value;
  }
  public resetMeasuredUnit() {
    this._measuredUnit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get measuredUnitInput() {
    return this._measuredUnit;
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

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class OfferingComponentList extends cdktf.ComplexList {
  public internalValue? : OfferingComponent[] | cdktf.IResolvable

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
  public get(index: number): OfferingComponentOutputReference {
    return new OfferingComponentOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering mercato_offering}
*/
export class Offering extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato_offering";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Offering resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Offering to import
  * @param importFromId The id of the existing Offering that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Offering to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato_offering", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering mercato_offering} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options OfferingConfig
  */
  public constructor(scope: Construct, id: string, config: OfferingConfig) {
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
    this._allowedOrganizationIds = config.allowedOrganizationIds;
    this._allowedProjectIds = config.allowedProjectIds;
    this._autoApprove = config.autoApprove;
    this._billPaused = config.billPaused;
    this._categoryId = config.categoryId;
    this._description = config.description;
    this._documentationUrl = config.documentationUrl;
    this._name = config.name;
    this._organizationId = config.organizationId;
    this._platform = config.platform;
    this._pluginOptions = config.pluginOptions;
    this._requirements = config.requirements;
    this._secretOptions = config.secretOptions;
    this._slug = config.slug;
    this._status = config.status;
    this._tags = config.tags;
    this._type = config.type;
    this._visibility = config.visibility;
    if (config.component !== undefined) this._component.internalValue = config.component;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // allowed_organization_ids - computed: true, optional: true, required: false
  private _allowedOrganizationIds?: string[]; 
  public get allowedOrganizationIds() {
    return cdktf.Fn.tolist(this.getListAttribute('allowed_organization_ids'));
  }
  public set allowedOrganizationIds(value: string[]) {
    this._allowedOrganizationIds = value;
  }
  public resetAllowedOrganizationIds() {
    this._allowedOrganizationIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowedOrganizationIdsInput() {
    return this._allowedOrganizationIds;
  }

  // allowed_project_ids - computed: true, optional: true, required: false
  private _allowedProjectIds?: string[]; 
  public get allowedProjectIds() {
    return cdktf.Fn.tolist(this.getListAttribute('allowed_project_ids'));
  }
  public set allowedProjectIds(value: string[]) {
    this._allowedProjectIds = value;
  }
  public resetAllowedProjectIds() {
    this._allowedProjectIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowedProjectIdsInput() {
    return this._allowedProjectIds;
  }

  // auto_approve - computed: true, optional: true, required: false
  private _autoApprove?: boolean | cdktf.IResolvable; 
  public get autoApprove() {
    return this.getBooleanAttribute('auto_approve');
  }
  public set autoApprove(value: boolean | cdktf.IResolvable) {
    this._autoApprove = value;
  }
  public resetAutoApprove() {
    this._autoApprove = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoApproveInput() {
    return this._autoApprove;
  }

  // bill_paused - computed: true, optional: true, required: false
  private _billPaused?: boolean | cdktf.IResolvable; 
  public get billPaused() {
    return this.getBooleanAttribute('bill_paused');
  }
  public set billPaused(value: boolean | cdktf.IResolvable) {
    this._billPaused = value;
  }
  public resetBillPaused() {
    this._billPaused = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get billPausedInput() {
    return this._billPaused;
  }

  // category_id - computed: false, optional: false, required: true
  private _categoryId?: string; 
  public get categoryId() {
    return this.getStringAttribute('category_id');
  }
  public set categoryId(value: string) {
    this._categoryId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get categoryIdInput() {
    return this._categoryId;
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

  // documentation_url - computed: true, optional: true, required: false
  private _documentationUrl?: string; 
  public get documentationUrl() {
    return this.getStringAttribute('documentation_url');
  }
  public set documentationUrl(value: string) {
    this._documentationUrl = value;
  }
  public resetDocumentationUrl() {
    this._documentationUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get documentationUrlInput() {
    return this._documentationUrl;
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

  // platform - computed: true, optional: true, required: false
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

  // plugin_options - computed: false, optional: true, required: false
  private _pluginOptions?: { [key: string]: any }; 
  public get pluginOptions() {
    return this.getAnyMapAttribute('plugin_options');
  }
  public set pluginOptions(value: { [key: string]: any }) {
    this._pluginOptions = value;
  }
  public resetPluginOptions() {
    this._pluginOptions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pluginOptionsInput() {
    return this._pluginOptions;
  }

  // requirements - computed: true, optional: true, required: false
  private _requirements?: string; 
  public get requirements() {
    return this.getStringAttribute('requirements');
  }
  public set requirements(value: string) {
    this._requirements = value;
  }
  public resetRequirements() {
    this._requirements = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requirementsInput() {
    return this._requirements;
  }

  // secret_options - computed: false, optional: true, required: false
  private _secretOptions?: { [key: string]: string }; 
  public get secretOptions() {
    return this.getStringMapAttribute('secret_options');
  }
  public set secretOptions(value: { [key: string]: string }) {
    this._secretOptions = value;
  }
  public resetSecretOptions() {
    this._secretOptions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretOptionsInput() {
    return this._secretOptions;
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

  // status - computed: true, optional: true, required: false
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

  // tags - computed: true, optional: true, required: false
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

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }

  // visibility - computed: true, optional: true, required: false
  private _visibility?: string; 
  public get visibility() {
    return this.getStringAttribute('visibility');
  }
  public set visibility(value: string) {
    this._visibility = value;
  }
  public resetVisibility() {
    this._visibility = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get visibilityInput() {
    return this._visibility;
  }

  // component - computed: false, optional: true, required: false
  private __component?: OfferingComponentList;
  private get _component(): OfferingComponentList {
    return (this.__component ??= new OfferingComponentList(this, "component", false));
  }
  public get component() {
    return this._component;
  }
  public putComponent(value: OfferingComponent[] | cdktf.IResolvable) {
    this._component.internalValue = value;
  }
  public resetComponent() {
    this._component.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get componentInput() {
    return this._component.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      allowed_organization_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._allowedOrganizationIds),
      allowed_project_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._allowedProjectIds),
      auto_approve: cdktf.booleanToTerraform(this._autoApprove),
      bill_paused: cdktf.booleanToTerraform(this._billPaused),
      category_id: cdktf.stringToTerraform(this._categoryId),
      description: cdktf.stringToTerraform(this._description),
      documentation_url: cdktf.stringToTerraform(this._documentationUrl),
      name: cdktf.stringToTerraform(this._name),
      organization_id: cdktf.stringToTerraform(this._organizationId),
      platform: cdktf.stringToTerraform(this._platform),
      plugin_options: cdktf.hashMapper(cdktf.anyToTerraform)(this._pluginOptions),
      requirements: cdktf.stringToTerraform(this._requirements),
      secret_options: cdktf.hashMapper(cdktf.stringToTerraform)(this._secretOptions),
      slug: cdktf.stringToTerraform(this._slug),
      status: cdktf.stringToTerraform(this._status),
      tags: cdktf.listMapper(cdktf.stringToTerraform, false)(this._tags),
      type: cdktf.stringToTerraform(this._type),
      visibility: cdktf.stringToTerraform(this._visibility),
      component: cdktf.listMapper(offeringComponentToTerraform, true)(this.__component?.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      allowed_organization_ids: {
        value: hclExpression(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._allowedOrganizationIds)),
        isBlock: false,
        type: "reference",
        storageClassType: "stringList",
      },
      allowed_project_ids: {
        value: hclExpression(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._allowedProjectIds)),
        isBlock: false,
        type: "reference",
        storageClassType: "stringList",
      },
      auto_approve: {
        value: hclExpression(cdktf.booleanToHclTerraform(this._autoApprove)),
        isBlock: false,
        type: "reference",
        storageClassType: "boolean",
      },
      bill_paused: {
        value: hclExpression(cdktf.booleanToHclTerraform(this._billPaused)),
        isBlock: false,
        type: "reference",
        storageClassType: "boolean",
      },
      category_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._categoryId)),
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
      documentation_url: {
        value: hclExpression(cdktf.stringToHclTerraform(this._documentationUrl)),
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
      organization_id: {
        value: hclExpression(cdktf.stringToHclTerraform(this._organizationId)),
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
      plugin_options: {
        value: hclExpression(cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._pluginOptions)),
        isBlock: false,
        type: "reference",
        storageClassType: "anyMap",
      },
      requirements: {
        value: hclExpression(cdktf.stringToHclTerraform(this._requirements)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      secret_options: {
        value: hclExpression(cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._secretOptions)),
        isBlock: false,
        type: "reference",
        storageClassType: "stringMap",
      },
      slug: {
        value: hclExpression(cdktf.stringToHclTerraform(this._slug)),
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
      type: {
        value: hclExpression(cdktf.stringToHclTerraform(this._type)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      visibility: {
        value: hclExpression(cdktf.stringToHclTerraform(this._visibility)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      component: {
        value: cdktf.listMapperHcl(offeringComponentToHclTerraform, true)(this.__component?.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "OfferingComponentList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
