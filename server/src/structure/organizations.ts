import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { Principal } from '../auth/principal';
import { canSeeOrganization, isOwnerOf } from '../auth/access';
import { diff, recordEvent } from '../audit/record';
import type { OrganizationRow } from '../db/tables';
import { newId, UUID_PATTERN } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, forbidden, notFound, Problem } from '../http/problem';
import { body, DESCRIPTION, ID, ID_PARAMS, listQuery, NAME, object, TIMESTAMP } from '../http/schemas';
import { now, page } from '../http/route-context';
import { membershipRoutes } from './memberships';
import { isUniqueViolation } from '../db/database';
import { SLUG_PATTERN } from '../slugs';
import { freeSlug } from '../db/free-slug';
import {
  findLiveOrganization,
  findLiveOrganizationBySlug,
  insertOrganization,
  listOrganizations,
  markOrganizationDeleted,
  updateOrganization,
} from './organizations-repository';
import { hasLiveProject } from './projects-repository';
import { hasLiveOffering } from '../catalog/offerings-repository';

const TERRAFORM_RUNS_ALLOWED = {
  type: 'boolean',
  description:
    "Whether the server runs the Terraform modules of this organization's namespace for `terraform` offerings: a module is code (provisioners, external data sources, providers) that runs with the server's privileges, so staff alone sets it. Default false.",
} as const;

/** An organization as answers show it. */
const present = (row: OrganizationRow) => ({ ...row, terraform_runs_allowed: row.terraform_runs_allowed === 1 });

/** Refuses `terraform_runs_allowed` from anyone but staff, naming the field. */
function assertStaffSetsRuns(p: Principal, input: { terraform_runs_allowed?: boolean }) {
  if (input.terraform_runs_allowed !== undefined && !p.isStaff)
    throw new Problem(403, 'Forbidden', "only staff let the server run an organization's Terraform modules", [
      { field: 'terraform_runs_allowed', message: 'only staff set it' },
    ]);
}

const ORGANIZATION = object({
  id: ID,
  name: { type: 'string' },
  slug: { type: 'string', description: 'Unique; its namespace in the Terraform registry' },
  description: { type: 'string' },
  terraform_runs_allowed: TERRAFORM_RUNS_ALLOWED,
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});

const ORGANIZATION_SLUG = {
  type: 'string',
  pattern: SLUG_PATTERN,
  maxLength: 64,
  description:
    'Unique; derived from the name when not given. Its modules and providers are at `<registry host>/<slug>/...`',
} as const;

const UUID = new RegExp(UUID_PATTERN);

const slugTaken = (slug: string) => conflict(`slug "${slug}" is taken by another organization`, 'slug');

export const organizationsRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  const findOrganization = async (p: Principal, id: string) => {
    const row = UUID.test(id) ? await findLiveOrganization(app.db, id) : await findLiveOrganizationBySlug(app.db, id);
    if (!row || !canSeeOrganization(p, row.id)) throw notFound('organization', id);
    return row;
  };

  app.post('/organizations', {
    schema: {
      tags: ['structure'],
      summary: 'Create an organization; a non-staff creator becomes its owner',
      body: body(
        {
          name: NAME,
          slug: ORGANIZATION_SLUG,
          description: DESCRIPTION,
          terraform_runs_allowed: TERRAFORM_RUNS_ALLOWED,
        },
        ['name'],
      ),
      response: { 201: ORGANIZATION },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const input = request.body;
      assertStaffSetsRuns(p, input);
      const row = {
        id: newId(),
        name: input.name,
        slug: input.slug ?? '',
        description: input.description ?? '',
        terraform_runs_allowed: input.terraform_runs_allowed ? 1 : 0,
        created_at: now(),
        updated_at: now(),
      } satisfies OrganizationRow;
      // A derived slug free when looked up may be taken when written: the unique index decides
      // and the loser takes the next one. A slug the caller chose is refused when taken.
      for (let attempt = 1; ; attempt++) {
        if (!input.slug) row.slug = await freeSlug(app.db, 'organizations', input.name, 'organization');
        try {
          await app.db.transaction().execute(async (trx) => {
            await insertOrganization(trx, row, p.isStaff ? undefined : p.user.id);
            await recordEvent(trx, {
              actorId: p.user.id,
              action: 'organization.created',
              objectType: 'organization',
              objectId: row.id,
              organizationId: row.id,
              changes: { ...input, slug: row.slug },
            });
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          if (input.slug || attempt >= 100) throw slugTaken(row.slug);
          continue;
        }
        return reply.code(201).send(present(row));
      }
    },
  });

  app.get('/organizations', {
    schema: {
      tags: ['structure'],
      summary: 'List the organizations the caller belongs to',
      querystring: listQuery({ name: { type: 'string' }, slug: { type: 'string' } }),
      response: { 200: listResponseSchema(ORGANIZATION) },
    },
    handler: async (request) => {
      const p = request.principal;
      const range = page(request.query);
      const ids = p.isStaff
        ? undefined
        : [...p.organizationRoles.keys(), ...[...p.projectRoles.values()].map((r) => r.organizationId)];
      if (ids && !ids.length) return { items: [], next_cursor: null };
      return toPage(await listOrganizations(app.db, range, request.query, ids), range.limit, present);
    },
  });

  app.get('/organizations/:id', {
    schema: {
      tags: ['structure'],
      summary: 'Get an organization by id or slug',
      params: ID_PARAMS,
      response: { 200: ORGANIZATION },
    },
    handler: async (request) => present(await findOrganization(request.principal, request.params.id)),
  });

  app.patch('/organizations/:id', {
    schema: {
      tags: ['structure'],
      summary: 'Change an organization (owner)',
      params: ID_PARAMS,
      body: body({
        name: NAME,
        slug: ORGANIZATION_SLUG,
        description: DESCRIPTION,
        terraform_runs_allowed: TERRAFORM_RUNS_ALLOWED,
      }),
      response: { 200: ORGANIZATION },
    },
    handler: async (request) => {
      const p = request.principal;
      const row = await findOrganization(p, request.params.id);
      if (!isOwnerOf(p, row.id)) throw forbidden('only the organization owner changes it');
      const { terraform_runs_allowed: runsAllowed, ...fields } = request.body;
      assertStaffSetsRuns(p, request.body);
      const changes = {
        ...fields,
        ...(runsAllowed === undefined ? {} : { terraform_runs_allowed: runsAllowed ? 1 : 0 }),
      };
      const updated = { ...row, ...changes, updated_at: now() };
      await app.db.transaction().execute(async (trx) => {
        try {
          await updateOrganization(trx, row.id, { ...changes, updated_at: updated.updated_at });
        } catch (error) {
          throw isUniqueViolation(error) ? slugTaken(fields.slug!) : error;
        }
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'organization.updated',
          objectType: 'organization',
          objectId: row.id,
          organizationId: row.id,
          changes: diff(row, changes),
        });
      });
      return present(updated);
    },
  });

  app.delete('/organizations/:id', {
    schema: {
      tags: ['structure'],
      summary: 'Delete an organization with no projects or offerings (owner)',
      params: ID_PARAMS,
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const row = await findOrganization(p, request.params.id);
      if (!isOwnerOf(p, row.id)) throw forbidden('only the organization owner deletes it');
      if ((await hasLiveProject(app.db, row.id)) || (await hasLiveOffering(app.db, 'organization_id', row.id)))
        throw conflict('the organization still has projects or offerings; delete them first');
      await app.db.transaction().execute(async (trx) => {
        await markOrganizationDeleted(trx, row, now());
        await recordEvent(trx, {
          actorId: p.user.id,
          action: 'organization.deleted',
          objectType: 'organization',
          objectId: row.id,
          organizationId: row.id,
        });
      });
      return reply.code(204).send();
    },
  });

  membershipRoutes(app, {
    collection: 'organizations',
    table: 'organization_members',
    parentColumn: 'organization_id',
    roles: ['owner', 'service-manager'],
    keptRole: 'owner',
    loadParent: async (request, id) => {
      const row = await findOrganization(request.principal, id);
      return { id: row.id, organizationId: row.id, projectId: null };
    },
    assertMayManage: (p, parent) => {
      if (!isOwnerOf(p, parent.id)) throw forbidden('only the organization owner grants its roles');
    },
  });
};
