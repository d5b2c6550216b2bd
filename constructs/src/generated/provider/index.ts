// https://registry.terraform.io/providers/mercato/mercato/latest/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { hclExpression } from '../../hcl-expression';

// Configuration

export interface MercatoProviderConfig {
  /**
  * URL of the Mercato server, e.g. `http://127.0.0.1:8080`. Default: the `MERCATO_ENDPOINT` environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs#endpoint MercatoProvider#endpoint}
  */
  readonly endpoint?: string;
  /**
  * API token (bearer). Default: the `MERCATO_TOKEN` environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs#token MercatoProvider#token}
  */
  readonly token?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs#alias MercatoProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs mercato}
*/
export class MercatoProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "mercato";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a MercatoProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the MercatoProvider to import
  * @param importFromId The id of the existing MercatoProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the MercatoProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "mercato", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/mercato/mercato/latest/docs mercato} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options MercatoProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: MercatoProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'mercato',
      terraformGeneratorMetadata: {
        providerName: 'mercato'
      },
      terraformProviderSource: 'registry.terraform.io/mercato/mercato'
    });
    this._endpoint = config.endpoint;
    this._token = config.token;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // endpoint - computed: false, optional: true, required: false
  private _endpoint?: string; 
  public get endpoint() {
    return this._endpoint;
  }
  public set endpoint(value: string | undefined) {
    this._endpoint = value;
  }
  public resetEndpoint() {
    this._endpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointInput() {
    return this._endpoint;
  }

  // token - computed: false, optional: true, required: false
  private _token?: string; 
  public get token() {
    return this._token;
  }
  public set token(value: string | undefined) {
    this._token = value;
  }
  public resetToken() {
    this._token = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenInput() {
    return this._token;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      endpoint: cdktf.stringToTerraform(this._endpoint),
      token: cdktf.stringToTerraform(this._token),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      endpoint: {
        value: hclExpression(cdktf.stringToHclTerraform(this._endpoint)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      token: {
        value: hclExpression(cdktf.stringToHclTerraform(this._token)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
      alias: {
        value: hclExpression(cdktf.stringToHclTerraform(this._alias)),
        isBlock: false,
        type: "reference",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
