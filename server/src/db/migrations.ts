import { type Kysely, type Migration, Migrator, type MigrationProvider, type CreateTableBuilder } from 'kysely';
import { cacheGenerations } from './cache-generations-migration';
import { secretAttributes } from './secret-attributes-migration';
import { backendState } from './backend-state-migration';
import { pulledUsage } from './pull-migration';
import { offeringRules } from './offering-rules-migration';
import { organizationSlugs } from './organization-slugs-migration';
import { moduleRegistry } from './module-registry-migration';
import { terraformStates } from './terraform-states-migration';
import { registryLogins } from './registry-logins-migration';
import { providerRegistry } from './provider-registry-migration';
import { terraformRunTokens } from './terraform-run-tokens-migration';
import { orderPlansAndLogs } from './order-plans-and-logs-migration';
import { planCurrency } from './plan-currency-migration';
import { terraformRunsAllowed } from './terraform-runs-allowed-migration';
import { planLimitsAndQuotas } from './plan-limits-and-quotas-migration';
import { invoices } from './invoices-migration';
import { planDeletion } from './plan-deletion-migration';

type AnyDb = Kysely<any>;

const text = (t: CreateTableBuilder<any, any>, ...names: string[]): CreateTableBuilder<any, any> =>
  names.reduce((table, name) => table.addColumn(name, 'text', (c) => c.notNull().defaultTo('')), t);

const timestamps = (t: CreateTableBuilder<any, any>) =>
  t.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());

const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('is_staff', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .execute();
    await timestamps(
      text(
        db.schema.createTable('organizations').addColumn('id', 'text', (c) => c.primaryKey()),
        'name',
        'description',
      ),
    ).execute();
    await db.schema
      .createTable('organization_members')
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('organization_members_pk', ['organization_id', 'user_id'])
      .execute();
    await timestamps(
      text(
        db.schema
          .createTable('projects')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id')),
        'name',
        'description',
      ),
    ).execute();
    await db.schema
      .createTable('project_members')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('project_members_pk', ['project_id', 'user_id'])
      .execute();
    await timestamps(
      text(
        db.schema.createTable('categories').addColumn('id', 'text', (c) => c.primaryKey()),
        'title',
        'description',
      ),
    ).execute();
    await timestamps(
      text(
        db.schema
          .createTable('offerings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
          .addColumn('category_id', 'text', (c) => c.notNull().references('categories.id'))
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('auto_approve', 'integer', (c) => c.notNull().defaultTo(0)),
        'name',
        'description',
        'type',
        'platform',
        'tags',
        'status',
        'plugin_options',
        'secret_options',
        'documentation_url',
        'requirements',
        'components',
      ),
    ).execute();
    await timestamps(
      text(
        db.schema
          .createTable('offering_versions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id').onDelete('cascade')),
        'version',
        'options_schema',
        'changelog',
        'status',
        'deprecation_message',
        'replacement_version',
      ).addUniqueConstraint('offering_versions_offering_version', ['offering_id', 'version']),
    ).execute();
    await timestamps(
      text(
        db.schema
          .createTable('plans')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
          .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0)),
        'name',
        'description',
        'unit',
        'prices',
      ),
    ).execute();
    await timestamps(
      text(
        db.schema
          .createTable('resources')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
          .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id'))
          .addColumn('plan_id', 'text', (c) => c.notNull()),
        'name',
        'version',
        'attributes',
        'limits',
        'state',
        'backend_id',
        'outputs',
        'secret_outputs',
      ),
    ).execute();
    await timestamps(
      text(
        db.schema
          .createTable('orders')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
          .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id'))
          .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id'))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('consumer_approved_by', 'text')
          .addColumn('provider_approved_by', 'text')
          .addColumn('idempotency_key', 'text')
          .addColumn('job_state', 'text')
          .addColumn('claimed_by', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('completed_at', 'text'),
        'type',
        'state',
        'plan_id',
        'version',
        'attributes',
        'limits',
        'changes',
        'reason',
      ).addUniqueConstraint('orders_idempotency', ['created_by', 'idempotency_key']),
    ).execute();
    await db.schema
      .createTable('workers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('heartbeat_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('object_type', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text')
      .addColumn('project_id', 'text')
      .addColumn('provider_organization_id', 'text')
      .addColumn('changes', 'text', (c) => c.notNull())
      .execute();
    const indexes: Array<[string, string, string[]]> = [
      ['projects_organization', 'projects', ['organization_id']],
      ['organization_members_user', 'organization_members', ['user_id']],
      ['project_members_user', 'project_members', ['user_id']],
      ['offerings_organization', 'offerings', ['organization_id']],
      ['plans_offering', 'plans', ['offering_id']],
      ['resources_project', 'resources', ['project_id']],
      ['resources_offering', 'resources', ['offering_id']],
      ['orders_resource', 'orders', ['resource_id']],
      ['orders_project', 'orders', ['project_id']],
      ['orders_offering', 'orders', ['offering_id']],
      ['orders_job', 'orders', ['job_state']],
      ['events_object', 'events', ['object_id']],
    ];
    for (const [name, table, columns] of indexes)
      await db.schema.createIndex(name).on(table).columns(columns).execute();
  },
};

/** Replies to creates made with an Idempotency-Key, so a retried create returns the first answer. */
const idempotencyKeys: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('idempotency_keys')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
      .execute();
  },
};

/**
 * Deleting an organization, project, category or offering hides it and keeps it: the orders,
 * resources and events that name it stay whole, as in any ledger. Live rows have no deleted_at.
 */
const deletedAt: Migration = {
  async up(db: AnyDb) {
    for (const table of ['organizations', 'projects', 'categories', 'offerings']) {
      await db.schema.alterTable(table).addColumn('deleted_at', 'text').execute();
    }
  },
};

/**
 * A fingerprint of the request an Idempotency-Key was first used with (method, path and body),
 * so that the key reused for another request is refused instead of answered with the first one.
 */
const idempotencyFingerprints: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('orders').addColumn('idempotency_fingerprint', 'text').execute();
    await db.schema
      .alterTable('idempotency_keys')
      .addColumn('fingerprint', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};

const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-idempotency-keys': idempotencyKeys,
  '003-deleted-at': deletedAt,
  '004-idempotency-fingerprints': idempotencyFingerprints,
  '005-cache-generations': cacheGenerations,
  '005-secret-attributes': secretAttributes,
  '006-backend-state': backendState,
  '007-pulled-usage': pulledUsage,
  '008-offering-rules': offeringRules,
  '009-organization-slugs': organizationSlugs,
  '010-module-registry': moduleRegistry,
  '011-provider-registry': providerRegistry,
  '012-terraform-states': terraformStates,
  '013-registry-logins': registryLogins,
  '014-terraform-run-tokens': terraformRunTokens,
  '015-order-plans-and-logs': orderPlansAndLogs,
  '016-terraform-runs-allowed': terraformRunsAllowed,
  '017-plan-limits-and-quotas': planLimitsAndQuotas,
  '018-plan-currency': planCurrency,
  '019-invoices': invoices,
  '020-plan-deletion': planDeletion,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; the same migrations run on SQLite and PostgreSQL. */
export async function migrateToLatest(db: AnyDb): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? error}`);
  }
}
