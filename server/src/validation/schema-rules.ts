import traverse from 'json-schema-traverse';
import type { FieldError } from '../http/problem';
import { pointerToPath } from '../http/problem';
import { linearPatternProblem } from './linear-regexp';

/**
 * What a user-written JSON Schema (an offering version's `options_schema`) may not contain,
 * beyond being a valid draft-07 schema:
 * - anything that names it or reaches outside it: `$id`, anchors, a `$ref` that is not a
 *   pointer into the same document (`#` or `#/...`), a `$schema` other than draft-07. Each
 *   version's schema stands alone: an id would be registered in the validator shared by every
 *   tenant, so one version could take another's id or reference another tenant's schema;
 * - a `pattern` or `patternProperties` key that RE2 cannot run in linear time.
 * The walk visits schema positions only, as ajv does when it collects ids (json-schema-traverse
 * with allKeys), so a property *named* `$id` or an `enum` value holding one is fine.
 */

const NAMING_KEYWORDS = ['$id', '$anchor', '$dynamicAnchor', '$recursiveAnchor'];
const REFERENCE_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'];
const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

type SchemaNode = Record<string, unknown>;

function keywordProblems(node: SchemaNode, at: (keyword: string) => string): FieldError[] {
  const errors: FieldError[] = [];
  for (const keyword of NAMING_KEYWORDS) {
    if (keyword in node)
      errors.push({
        field: at(keyword),
        message: "is not allowed: a version's schema stands alone, unnamed, and is referred to by its version",
      });
  }
  for (const keyword of REFERENCE_KEYWORDS) {
    const ref = node[keyword];
    if (ref !== undefined && !(typeof ref === 'string' && (ref === '#' || ref.startsWith('#/')))) {
      errors.push({
        field: at(keyword),
        message: 'may only point into the same schema ("#" or "#/..."): a version\'s schema stands alone',
      });
    }
  }
  if ('$schema' in node && !(typeof node.$schema === 'string' && DRAFT_07.test(node.$schema))) {
    errors.push({
      field: at('$schema'),
      message: 'may only be http://json-schema.org/draft-07/schema#, the draft the server validates with',
    });
  }
  return errors;
}

function patternProblems(node: SchemaNode, at: (keyword: string) => string): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof node.pattern === 'string') {
    const problem = linearPatternProblem(node.pattern);
    if (problem) errors.push({ field: at('pattern'), message: problem });
  }
  const patternProperties = node.patternProperties;
  if (patternProperties && typeof patternProperties === 'object') {
    for (const key of Object.keys(patternProperties)) {
      const problem = linearPatternProblem(key);
      if (problem) errors.push({ field: `${at('patternProperties')}.${key}`, message: problem });
    }
  }
  return errors;
}

/** Field errors under `field` (`options_schema.properties.size.pattern`); checked before the meta-schema, which would follow a foreign `$schema`. */
export function schemaRuleProblems(schema: object, field: string): FieldError[] {
  const errors: FieldError[] = [];
  traverse(schema, { allKeys: true }, (node, pointer) => {
    const at = (keyword: string) => `${pointerToPath(pointer, field)}.${keyword}`;
    errors.push(...keywordProblems(node, at), ...patternProblems(node, at));
  });
  return errors;
}
