/** The generic tfplugin6 layer: nothing here knows about any particular provider. */
export { servePlugin, type ServeOptions } from './plugin-server';
export { serveForReattach, type ReattachConfig, type ReattachServer } from './reattach-server';
export {
  decodeCtyMsgpack,
  encodeCtyMsgpack,
  decodeCtyJson,
  fromJson,
  dynamicTypeOf,
  inferType,
  CtyEncodeError,
} from './cty-value';
export { typeToJson, typeFromJson, typeEquals, type CtyType, type PrimitiveType } from './cty-type';
export { UnknownValue, UNKNOWN, isUnknown, containsUnknown } from './unknown';
export { parseJson, stringifyJson } from './json';
export { DecimalNumber, isDecimalNumber, sameDecimal } from './decimal-number';
export { errorDiagnostic, warningDiagnostic, diagnosticFromError, hasErrors } from './diagnostics';
export { SEVERITY_ERROR, SEVERITY_WARNING, STRING_KIND_MARKDOWN, BLOCK_NESTING } from './messages';
export { createServerCertificate } from './certificate';
export * from './wire-types';
