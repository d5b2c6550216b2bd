import type { Kysely, Migration } from 'kysely';
import { binaryColumnType } from './binary-column';

/**
 * The provider registry (registry/providers/): Terraform providers published under an
 * organization's slug as namespace, their versions with the SHA256SUMS and its detached
 * signature, one zip per platform kept in the database (replicas share it), the OpenPGP keys
 * that sign them, and the secret that signs short-lived download URLs.
 */
export const providerRegistry: Migration = {
  async up(db: Kysely<any>) {
    const binary = binaryColumnType(db);
    await db.schema
      .createTable('provider_signing_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
      // Set only for the key Mercato generated for an organization: one per organization.
      .addColumn('generated_for', 'text', (c) => c.unique())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('ascii_armor', 'text', (c) => c.notNull())
      .addColumn('private_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('terraform_providers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('terraform_providers_address', ['organization_id', 'type'])
      .execute();
    await db.schema
      .createTable('terraform_provider_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('provider_id', 'text', (c) => c.notNull().references('terraform_providers.id').onDelete('cascade'))
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('protocols', 'text', (c) => c.notNull())
      .addColumn('shasums', 'text', (c) => c.notNull())
      .addColumn('shasums_signature', binary, (c) => c.notNull())
      .addColumn('signing_key_id', 'text', (c) => c.notNull().references('provider_signing_keys.id'))
      .addColumn('published_by', 'text')
      .addColumn('yanked_at', 'text')
      .addColumn('yank_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('terraform_provider_versions_version', ['provider_id', 'version'])
      .execute();
    await db.schema
      .createTable('terraform_provider_platforms')
      .addColumn('version_id', 'text', (c) =>
        c.notNull().references('terraform_provider_versions.id').onDelete('cascade'),
      )
      .addColumn('os', 'text', (c) => c.notNull())
      .addColumn('arch', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('shasum', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('archive', binary, (c) => c.notNull())
      .addPrimaryKeyConstraint('terraform_provider_platforms_pk', ['version_id', 'os', 'arch'])
      .execute();
    await db.schema
      .createTable('registry_url_secrets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
