/**
 * `@mercato/cdktf/codegen`: typed constructs for the offerings of a live catalog, their config
 * props typed from each version's JSON Schema (`mercato constructs generate`).
 */
export { writeTypedConstructs, type WriteOptions } from './write';
export {
  generateTypedConstructs,
  readCatalog,
  type CatalogOffering,
  type CatalogReader,
  type GeneratedFiles,
  type GenerateOptions,
} from './typed-constructs';
