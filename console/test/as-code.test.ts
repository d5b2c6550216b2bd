/**
 * The "As code" generator without a browser: nested objects, lists, secrets (nested ones too) as
 * sensitive variables in `secret_attributes`, strings HCL would read as templates or escapes.
 * console/test/as-code-terraform.test.ts applies what it writes with the real Terraform.
 */
import { secretEnvironmentName, toCdktf, toHcl, type OrderAsCode } from '../src/offering/as-code';
import { secretPathNames } from '../src/offering/secret-paths';

const order = (over: Partial<OrderAsCode> = {}): OrderAsCode => ({
  offeringSlug: 'postgresql',
  offeringId: 'o-1',
  planId: 'p-1',
  projectId: 'pr-1',
  version: '2.0.0',
  name: 'orders-db',
  attributes: {},
  secretPaths: [],
  limits: {},
  ...over,
});

test('the head of the resource, aligned as terraform fmt aligns it', () => {
  expect(toHcl(order({ limits: { storage: 50, cpu: 2 } }))).toBe(`terraform {
  required_providers {
    mercato = {
      source = "mercato/mercato"
    }
  }
}

resource "mercato_resource" "orders-db" {
  # postgresql
  project_id  = "pr-1"
  offering_id = "o-1"
  plan_id     = "p-1"
  version     = "2.0.0"
  name        = "orders-db"

  limits = {
    storage = 50
    cpu     = 2
  }
}
`);
});

test('nested objects and lists: runs of one-line attributes aligned, a multi-line value breaks the run', () => {
  const hcl = toHcl(
    order({
      attributes: {
        storage_gb: 50,
        high_availability: false,
        backup: { schedule: '0 3 * * *', retention_days: 14, empty: {} },
        extensions: ['pgcrypto', 'pg_stat_statements'],
        replicas: [{ zone: 'a', size: 1 }, { zone: 'b' }],
        nothing: null,
        skipped: undefined,
      },
    }),
  );
  expect(hcl).toContain(`  attributes = {
    storage_gb        = 50
    high_availability = false
    backup = {
      schedule       = "0 3 * * *"
      retention_days = 14
      empty          = {}
    }
    extensions = ["pgcrypto", "pg_stat_statements"]
    replicas = [
      {
        zone = "a"
        size = 1
      },
      {
        zone = "b"
      },
    ]
    nothing = null
  }`);
  expect(hcl).not.toContain('skipped');
});

test('strings: quotes, backslashes, newlines, control characters, ${ and %{ written literally', () => {
  const hcl = toHcl(order({ attributes: { text: 'say "hi"\\ \n\t${var.x} %{ if } $${y} 100% $ {} \b\f\u0001 ✓ 😀' } }));
  expect(hcl).toContain(
    'text = "say \\"hi\\"\\\\ \\n\\t$${var.x} %%{ if } $$${y} 100% $ {} \\u0008\\u000c\\u0001 ✓ 😀"',
  );
});

test('keys: quoted when not identifiers or when HCL would read them as keywords', () => {
  const hcl = toHcl(order({ attributes: { 'with space': 1, for: 2, 'a-b': 3, '1x': 4, null: 5 } }));
  expect(hcl).toContain('"with space" = 1');
  expect(hcl).toContain('"for"        = 2');
  expect(hcl).toContain('a-b          = 3');
  expect(hcl).toContain('"1x"         = 4');
  expect(hcl).toContain('"null"       = 5');
});

test('secrets: never their values; a sensitive variable each, at their path in secret_attributes', () => {
  const o = order({
    attributes: {
      database_name: 'orders',
      admin_password: 'hunter2',
      backup: { password: 's3cret', schedule: 'daily' },
      vault: { token: 'tok' },
      pin: 1234,
    },
    secretPaths: ['admin_password', 'backup.password', 'vault.token', 'pin', 'unset', '["odd key"]'],
  });
  const hcl = toHcl(o);
  for (const secret of ['hunter2', 's3cret', 'tok"', '1234']) expect(hcl).not.toContain(secret);
  expect(hcl).toContain(`variable "orders-db_admin_password" {
  type      = string
  sensitive = true
}`);
  expect(hcl).toContain(`variable "orders-db_pin" {
  type      = number
  sensitive = true
}`);
  expect(hcl).toContain(`  attributes = {
    database_name = "orders"
    backup = {
      schedule = "daily"
    }
  }`);
  // `vault` held only a secret: it is gone from attributes, not left as {}.
  expect(hcl).toContain(`  secret_attributes = {
    admin_password = var.orders-db_admin_password
    backup = {
      password = var.orders-db_backup_password
    }
    vault = {
      token = var.orders-db_vault_token
    }
    pin = var.orders-db_pin
  }`);
  expect(hcl).not.toContain('unset');

  const ts = toCdktf(o);
  for (const secret of ['hunter2', 's3cret', "'tok'", '1234']) expect(ts).not.toContain(secret);
  expect(ts).toContain('password: process.env.ORDERS_DB_BACKUP_PASSWORD,');
  expect(secretEnvironmentName('orders-db', ['admin_password'])).toBe('ORDERS_DB_ADMIN_PASSWORD');
});

test('secret paths as the API writes them', () => {
  expect(secretPathNames('a')).toEqual(['a']);
  expect(secretPathNames('a.b-c')).toEqual(['a', 'b-c']);
  expect(secretPathNames('["odd key"].x["q\\"uote"]')).toEqual(['odd key', 'x', 'q"uote']);
  expect(secretPathNames('a[0]')).toBeUndefined();
  expect(secretPathNames('')).toBeUndefined();
});

test('names: a display name becomes a Terraform name; CDKTF gets the same values as TypeScript', () => {
  expect(toHcl(order({ name: 'My DB!' }))).toContain('resource "mercato_resource" "my_db"');
  expect(toHcl(order({ name: '9 lives' }))).toContain('resource "mercato_resource" "r_9_lives"');
  const ts = toCdktf(order({ attributes: { a: { 'b c': [1, 'x'] } } }));
  expect(ts).toContain('class OrdersDbStack extends TerraformStack');
  expect(ts).toContain(`attributes: {
        a: {
          "b c": [1, "x"],
        },
      },`);
});
