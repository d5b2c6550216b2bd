/** The generator's naming pieces for unit tests, and the runtime it writes into `support.ts`. */
import ts from 'typescript';
import { SUPPORT, type Shape } from '../../codegen/naming';

export { camelSchema, propertyNames } from '../../codegen/naming';

let toSchemaNames: ((value: unknown, shape: Shape | undefined) => unknown) | undefined;

/** `toSchemaNames` exactly as the generator writes it (loadSupport first). */
export function toSchemaNamesForTest(value: unknown, shape: Shape | undefined): unknown {
  if (!toSchemaNames) throw new Error('call loadSupport() first');
  return toSchemaNames(value, shape);
}

export async function loadSupport(): Promise<void> {
  const js = ts.transpileModule(SUPPORT, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: {} as { toSchemaNames: typeof toSchemaNames } };
  new Function('module', 'exports', js)(module, module.exports);
  toSchemaNames = module.exports.toSchemaNames;
}
