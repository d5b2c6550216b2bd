import semver from 'semver';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/principal';
import { managesOfferingsOf } from '../auth/access';
import type { OfferingRow, OfferingVersionRow, PlanRow } from '../db/tables';
import { conflict, invalid, invalidFields, type FieldError } from '../http/problem';
import { json } from '../http/route-context';
import type { Component } from '../catalog/offering-model';
import { latestVersion } from '../catalog/offering-model';
import { validateAgainst } from '../catalog/options-schema';
import { findPlanOf } from '../catalog/plans-repository';
import { versionsOf } from '../catalog/offering-versions-repository';
import { secretPropertyPaths } from '../catalog/secret-properties';
import { redactSecrets, splitSecrets } from './secret-attributes';

/** Checks an order's choices against the offering: plan, version, attributes and limits. */

export function assertOrderable(p: Principal, offering: OfferingRow) {
  if (offering.status === 'active') return;
  if (offering.status === 'draft' && managesOfferingsOf(p, offering.organization_id)) return;
  throw conflict(`offering ${offering.slug} is ${offering.status} and takes no new orders`, 'offering_id');
}

export async function orderablePlan(app: FastifyInstance, offering: OfferingRow, planId: string): Promise<PlanRow> {
  const plan = await findPlanOf(app.db, offering.id, planId);
  if (!plan) throw invalid('plan_id', `offering ${offering.slug} has no plan ${planId}`);
  if (plan.archived) throw invalid('plan_id', `plan ${plan.name} is archived and takes no new orders`);
  return plan;
}

/** The version asked for, or the latest available one; a deprecated version takes no new resources. */
export async function orderableVersion(
  app: FastifyInstance,
  offering: OfferingRow,
  requested?: string,
): Promise<OfferingVersionRow> {
  const versions = await versionsOf(app.db, offering.id);
  const wanted = requested ?? latestVersion(versions);
  const version = versions.find((v) => v.version === (wanted && (semver.valid(wanted) ?? wanted)));
  const known = versions.map((v) => `${v.version} (${v.status})`).join(', ') || 'none';
  if (!version) {
    throw requested
      ? invalid('version', `offering ${offering.slug} has no version ${requested}; it has: ${known}`)
      : conflict(`offering ${offering.slug} has no available version`, 'version');
  }
  if (version.status === 'deprecated') {
    const instead = version.replacement_version ? `; use ${version.replacement_version} instead` : '';
    throw invalid(
      'version',
      `${version.version} is deprecated${version.deprecation_message ? `: ${version.deprecation_message}` : ''}${instead}`,
    );
  }
  return version;
}

/** Schema errors of a configuration; a message never quotes a secret value of it. */
export async function attributeProblems(
  app: FastifyInstance,
  p: Principal,
  version: OfferingVersionRow,
  attributes: Record<string, unknown>,
): Promise<FieldError[]> {
  const { secrets } = splitSecrets(attributes, secretPropertyPaths(json<object>(version.options_schema, {})));
  const errors = await validateAgainst(app, p.user.id, version.options_schema, attributes, 'attributes');
  return errors.map((e) => ({ ...e, message: redactSecrets(e.message, secrets) }));
}

/** Limits may only name the offering's components billed by limit. */
export function limitProblems(offering: OfferingRow, limits: Record<string, number>): FieldError[] {
  const limited = json<Component[]>(offering.components, [])
    .filter((c) => c.billing_type === 'limit')
    .map((c) => c.type);
  return Object.entries(limits).flatMap(([type, value]) => {
    if (!limited.includes(type))
      return [
        {
          field: `limits.${type}`,
          message: `is not a limit component of ${offering.slug} (limits: ${limited.join(', ') || 'none'})`,
        },
      ];
    if (!Number.isFinite(value) || value < 0)
      return [{ field: `limits.${type}`, message: 'must be a number of at least 0' }];
    return [];
  });
}

export function throwIfAny(errors: FieldError[]) {
  if (errors.length) throw invalidFields(errors);
}
