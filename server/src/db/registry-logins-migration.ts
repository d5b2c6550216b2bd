import type { Kysely, Migration } from 'kysely';

/**
 * Authorization codes of `terraform login` (registry/login/): kept in the database, not in one
 * process's memory, because the browser's POST and Terraform's token request may reach different
 * replicas. Only the code's SHA-256 is stored; a code is deleted when it is redeemed (single use).
 */
export const registryLogins: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('terraform_login_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('code_challenge', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
