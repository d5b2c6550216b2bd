import { type IPostProcessor, type IResolvable, type IResolveContext, Token } from 'cdktf';
import { renderHclExpression } from './hcl-render';

/**
 * HCL text that cdktf's renderer puts into the file as it is: an attribute of type `reference` is
 * written `name = <value>`. Not a string, so that the renderer does not take it for a template
 * to quote (it quotes any string holding `${`).
 */
class HclText {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  public toString(): string {
    return this.#text;
  }

  public toJSON(): string {
    return this.#text;
  }
}

/**
 * An attribute value for `synth --hcl`, written by us rather than by cdktf's HCL renderer, which
 * gets JSON values wrong: a list inside a map becomes `{0 = ..., 1 = ...}` (so `attributes` with a
 * list fails to plan), a multi-line string a heredoc with one newline more, a key with a quote an
 * unclosed string. Resolved like any token (references and variables inside it become Terraform
 * expressions), then written as the HCL expression that means what the JSON synthesis means.
 */
class HclExpression implements IResolvable, IPostProcessor {
  public readonly creationStack: string[] = [];

  constructor(private readonly value: unknown) {}

  public resolve(context: IResolveContext): unknown {
    // cdktf resolves what this returns, then hands the plain value to postProcess.
    context.registerPostProcessor(this);
    return this.value;
  }

  public postProcess(resolved: unknown): HclText {
    return new HclText(renderHclExpression(resolved));
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * What the generated bindings' `synthesizeHclAttributes` gives cdktf for each attribute (see
 * scripts/generate-bindings.js), with `type: "reference"`. Undefined stays undefined: the
 * attribute is left out, as in the JSON synthesis.
 */
export function hclExpression(value: unknown): IResolvable | undefined {
  return value === undefined ? undefined : new HclExpression(value);
}
