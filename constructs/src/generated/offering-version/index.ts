// https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface OfferingVersionConfig extends cdktf.TerraformMetaArguments {
  /**
  * What changed in this version (Markdown).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version#changelog OfferingVersion#changelog}
  */
  readonly changelog?: string;
  /**
  * Why the version is deprecated.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version#deprecation_message OfferingVersion#deprecation_message}
  */
  readonly deprecationMessage?: string;
  /**
  * The offering. Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version#offering_id OfferingVersion#offering_id}
  */
  readonly offeringId: string;
  /**
  * JSON Schema (as JSON text, e.g. `jsonencode({...})`) of resource `attributes`, property names in snake_case. Orders and plans are validated against it. Must be JSON; numbers must be integers within ±9007199254740991 or decimals of at most 15 significant digits, and patterns must run in linear time (RE2: no lookarounds or backreferences).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version#options_schema OfferingVersion#options_schema}
  */
  readonly optionsSchema?: string;
  /**
  * The version recommended instead of a deprecated one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version#replacement_version OfferingVersion#replacement_version}
  */
  readonly replacementVersion?: string;
  /**
  * A `deprecated` version takes no new resources; a `beta` one warns whoever uses it. Must be one of `available`, `beta` or `deprecated`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version#status OfferingVersion#status}
  */
  readonly status?: string;
  /**
  * Semantic version, e.g. `1.2.0`. Changing it replaces the object: Terraform destroys it and creates a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version#version OfferingVersion#version}
  */
  readonly version: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version mercato_offering_version}
*/
export class OfferingVersion extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato_offering_version";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a OfferingVersion resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the OfferingVersion to import
  * @param importFromId The id of the existing OfferingVersion that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the OfferingVersion to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato_offering_version", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs/resources/offering_version mercato_offering_version} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options OfferingVersionConfig
  */
  public constructor(scope: Construct, id: string, config: OfferingVersionConfig) {
    super(scope, id, {
      terraformResourceType: 'mercato_offering_version',
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
    this._changelog = config.changelog;
    this._deprecationMessage = config.deprecationMessage;
    this._offeringId = config.offeringId;
    this._optionsSchema = config.optionsSchema;
    this._replacementVersion = config.replacementVersion;
    this._status = config.status;
    this._version = config.version;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // changelog - computed: true, optional: true, required: false
  private _changelog?: string; 
  public get changelog() {
    return this.getStringAttribute('changelog');
  }
  public set changelog(value: string) {
    this._changelog = value;
  }
  public resetChangelog() {
    this._changelog = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get changelogInput() {
    return this._changelog;
  }

  // deprecation_message - computed: true, optional: true, required: false
  private _deprecationMessage?: string; 
  public get deprecationMessage() {
    return this.getStringAttribute('deprecation_message');
  }
  public set deprecationMessage(value: string) {
    this._deprecationMessage = value;
  }
  public resetDeprecationMessage() {
    this._deprecationMessage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deprecationMessageInput() {
    return this._deprecationMessage;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
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

  // options_schema - computed: true, optional: true, required: false
  private _optionsSchema?: string; 
  public get optionsSchema() {
    return this.getStringAttribute('options_schema');
  }
  public set optionsSchema(value: string) {
    this._optionsSchema = value;
  }
  public resetOptionsSchema() {
    this._optionsSchema = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get optionsSchemaInput() {
    return this._optionsSchema;
  }

  // replacement_version - computed: true, optional: true, required: false
  private _replacementVersion?: string; 
  public get replacementVersion() {
    return this.getStringAttribute('replacement_version');
  }
  public set replacementVersion(value: string) {
    this._replacementVersion = value;
  }
  public resetReplacementVersion() {
    this._replacementVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replacementVersionInput() {
    return this._replacementVersion;
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

  // version - computed: false, optional: false, required: true
  private _version?: string; 
  public get version() {
    return this.getStringAttribute('version');
  }
  public set version(value: string) {
    this._version = value;
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
      changelog: cdktf.stringToTerraform(this._changelog),
      deprecation_message: cdktf.stringToTerraform(this._deprecationMessage),
      offering_id: cdktf.stringToTerraform(this._offeringId),
      options_schema: cdktf.stringToTerraform(this._optionsSchema),
      replacement_version: cdktf.stringToTerraform(this._replacementVersion),
      status: cdktf.stringToTerraform(this._status),
      version: cdktf.stringToTerraform(this._version),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      changelog: {
        value: hclExpression(cdktf.stringToHclTerraform(this._changelog)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      deprecation_message: {
        value: hclExpression(cdktf.stringToHclTerraform(this._deprecationMessage)),
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
      options_schema: {
        value: hclExpression(cdktf.stringToHclTerraform(this._optionsSchema)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      replacement_version: {
        value: hclExpression(cdktf.stringToHclTerraform(this._replacementVersion)),
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
