import type { Kysely, Migration } from 'kysely';

/**
 * Credentials of the `terraform` plugin's runs (provisioning/plugins/terraform/run-token.ts): one
 * per run, made when it starts and deleted when it ends, expiring in case the server dies in
 * between. Only the token's SHA-256 is stored. What it grants is in the row: installing one
 * module through the registry protocol and using one state of one project (auth/run-grants.ts).
 * Kept in the database, not in memory, because Terraform's requests may reach any replica.
 */
export const terraformRunTokens: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('terraform_run_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('order_id', 'text')
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('state_name', 'text', (c) => c.notNull())
      .addColumn('module_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('terraform_run_tokens_expiry')
      .on('terraform_run_tokens')
      .columns(['expires_at'])
      .execute();
  },
};
