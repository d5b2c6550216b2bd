import Ajv from 'ajv';
import type { PullResult } from '../plugin';

/**
 * The site agent's answer to a `resource.pull` event: what its backend has of the resource now.
 * `{ missing: true, reason? }` says the backend has lost it; otherwise any of `backend_id`,
 * `outputs`, `secret_outputs`, `state` and `usage` (amounts used of the offering's usage
 * components this month, by component type), a field left out being unchanged.
 */
const PULL_ANSWER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    backend_id: { type: 'string', maxLength: 500 },
    outputs: { type: 'object' },
    secret_outputs: { type: 'object' },
    state: { type: 'object' },
    usage: { type: 'object', additionalProperties: { type: 'number' } },
    missing: { type: 'boolean' },
    reason: { type: 'string', maxLength: 2000 },
  },
} as const;

let validate: ReturnType<Ajv['compile']> | undefined;

/** The answer's text as a pull result; throws naming what is wrong with it (never quoting its values). */
export function pullResultOf(text: string): PullResult {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new Error("the site agent's answer to a pull is not JSON");
  }
  validate ??= new Ajv({ allErrors: true }).compile(PULL_ANSWER_SCHEMA);
  if (!validate(answer)) {
    const problems = (validate.errors ?? []).map(
      (e) => `${e.instancePath.slice(1).replace(/\//g, '.') || '(the answer)'} ${e.message}`,
    );
    throw new Error(`the site agent's answer to a pull is not one: ${problems.join('; ')}`);
  }
  const { missing, reason, ...report } = answer as { missing?: boolean; reason?: string } & Omit<
    Extract<PullResult, { status: 'present' }>,
    'status'
  >;
  if (missing)
    return {
      status: 'missing',
      reason: reason || 'the site agent reports that its backend no longer has the resource',
    };
  return { status: 'present', ...report };
}
