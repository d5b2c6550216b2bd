import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../http/problem';

/**
 * An offering version's configuration JSON Schema is the one source of truth for its
 * `attributes`: refused here if it cannot serve (see validation/schema-engine.ts), then used to
 * validate every order. Both run in the schema workers, off the event loop.
 */

/** `caller`: who asks (a user id); callers take turns in the schema workers. */
export function schemaProblems(
  app: FastifyInstance,
  caller: string,
  schema: unknown,
  field = 'options_schema',
): Promise<FieldError[]> {
  return app.schemas.check(caller, JSON.stringify(schema), field);
}

/** Validates a configuration against a schema (an object, or the JSON text a version stores); errors name the JSON path under `prefix`. */
export function validateAgainst(
  app: FastifyInstance,
  caller: string,
  schema: object | string,
  value: unknown,
  prefix = 'attributes',
): Promise<FieldError[]> {
  return app.schemas.validate(
    caller,
    typeof schema === 'string' ? schema || '{}' : JSON.stringify(schema),
    value,
    prefix,
  );
}
