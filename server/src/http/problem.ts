import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldError {
  /** Path of the offending field, as HCL and JSON write it: `attributes.node_pools[0].replicas`. */
  field: string;
  message: string;
}

/** An error answered as application/problem+json (RFC 9457). */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new Problem(400, 'Bad Request', detail, errors);
export const invalid = (field: string, message: string) =>
  new Problem(422, 'Unprocessable Entity', `${field}: ${message}`, [{ field, message }]);
export const invalidFields = (errors: FieldError[]) =>
  new Problem(422, 'Unprocessable Entity', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
export const unauthorized = (detail = 'a valid bearer token is required') => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
export const notFound = (kind: string, id: string) => new Problem(404, 'Not Found', `${kind} ${id} was not found`);
export const conflict = (detail: string, field?: string) =>
  new Problem(409, 'Conflict', detail, field ? [{ field, message: detail }] : []);

export const PROBLEM_SCHEMA = {
  $id: 'Problem',
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

/** Turns a JSON pointer from a validator into the dotted path users write: `a.b[0].c`. */
export function pointerToPath(pointer: string, prefix = ''): string {
  const parts = pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce(
    (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
    prefix,
  );
}

interface AjvLikeError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Describes validator errors as field errors, naming a missing or unknown property itself. */
export function fieldErrorsFrom(errors: AjvLikeError[], prefix = ''): FieldError[] {
  return errors.map((e) => {
    const base = pointerToPath(e.instancePath, prefix);
    const join = (name: unknown) => (base ? `${base}.${name}` : String(name));
    if (e.keyword === 'required') return { field: join(e.params.missingProperty), message: 'is required' };
    if (e.keyword === 'additionalProperties') {
      return { field: join(e.params.additionalProperty), message: 'is not a known field' };
    }
    if (e.keyword === 'enum')
      return {
        field: base || prefix || '(root)',
        message: `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`,
      };
    return { field: base || prefix || '(root)', message: e.message ?? e.keyword };
  });
}

function fromFastifyError(error: FastifyError, request: FastifyRequest): Problem {
  if (error.validation) {
    const part = error.validationContext === 'body' ? '' : `${error.validationContext ?? ''}`;
    const errors = fieldErrorsFrom(error.validation as AjvLikeError[], part);
    return new Problem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return new Problem(413, 'Payload Too Large', 'the request body is larger than the limit');
  if (status === 414) return new Problem(414, 'URI Too Long', 'a path parameter is longer than 100 characters');
  if (status === 415) return unsupportedMediaType(request);
  if (status >= 400 && status < 500) return new Problem(status, STATUS_CODES[status] ?? 'Bad Request', error.message);
  return new Problem(500, 'Internal Server Error', 'an unexpected error occurred; it has been logged');
}

/** A body of a type the route does not read: which types it does (the route's `consumes`, else JSON). */
function unsupportedMediaType(request: FastifyRequest): Problem {
  const consumes = (request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? [
    'application/json',
  ];
  const sent = request.headers['content-type'] ?? '(none)';
  return new Problem(
    415,
    'Unsupported Media Type',
    `Content-Type ${sent} is not accepted here; send ${consumes.join(' or ')}`,
    [{ field: 'Content-Type', message: `must be ${consumes.join(' or ')}` }],
  );
}

/** The application/problem+json document of a problem about `path`. */
export function problemDocument(problem: Problem, path: string) {
  return {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: path,
    errors: problem.errors,
  };
}

export function sendProblem(error: FastifyError | Problem, request: FastifyRequest, reply: FastifyReply) {
  const problem = error instanceof Problem ? error : fromFastifyError(error, request);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(problemDocument(problem, request.url.split('?')[0]));
}
