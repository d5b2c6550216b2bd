import type { PluginOffering } from '../../plugin';
import { PostgresFailure } from './admin-connection';

/** JSON Schema of a `postgresql` offering's `plugin_options`; all optional. */
export const POSTGRESQL_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    host: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description:
        "Host name given to consumers in the `host` output, when they reach the server by another name than the admin URL's host. Default: the admin URL's host.",
    },
    port: {
      type: 'integer',
      minimum: 1,
      maximum: 65535,
      description: "Port given to consumers in the `port` output. Default: the admin URL's port, else 5432.",
    },
    database_prefix: {
      type: 'string',
      pattern: '^[a-z_][a-z0-9_]*$',
      maxLength: 30,
      description:
        'Start of the name of every database and role this offering makes, e.g. `shop_`. The rest is the resource name (lowercased, other characters than a-z, 0-9 and _ made _) and a unique suffix; 63 bytes at most.',
    },
    connection_limit_default: {
      type: 'integer',
      minimum: -1,
      description:
        'Connection limit of the database and its role when the order gives no `connection_limit` attribute. Default -1: no limit.',
    },
    database_name_attribute: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description:
        'A string attribute of the order (e.g. `database_name`) whose value names the database instead of the resource name; the unique suffix is still added.',
    },
  },
} as const;

/** JSON Schema of a `postgresql` offering's `secret_options`. */
/**
 * `admin_url` is not `required` here: an offering may be written before its provider has the URL
 * (the demo's, paused until MERCATO_DEMO_POSTGRES_URL is set); its orders err naming the field.
 */
export const POSTGRESQL_SECRET_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    admin_url: {
      type: 'string',
      pattern: '^postgres(ql)?://',
      maxLength: 2000,
      description:
        'Connection URL of a PostgreSQL role that may create databases and roles (a superuser, or a role with CREATEDB and CREATEROLE), e.g. `postgres://mercato:PASSWORD@db.example.com:5432/postgres`. Write-only.',
    },
  },
} as const;

/** A `postgresql` offering's options, checked and with their defaults. */
export interface PostgresSettings {
  adminUrl: string;
  /** What the `host` and `port` outputs say. */
  host: string;
  port: number;
  databasePrefix: string;
  connectionLimitDefault: number;
  databaseNameAttribute?: string;
}

/**
 * The settings of an offering, or a PostgresFailure naming the option at fault. Options are
 * validated when an offering is written; these checks cover offerings written before, or without
 * `secret_options`.
 */
export function settingsOf(offering: PluginOffering): PostgresSettings {
  const options = offering.plugin_options;
  const adminUrl = offering.secret_options.admin_url;
  if (typeof adminUrl !== 'string' || !/^postgres(ql)?:\/\//.test(adminUrl))
    throw new PostgresFailure(
      `offering ${offering.slug} has no secret_options.admin_url: its provider must set it to the connection URL of a PostgreSQL role that may create databases and roles (postgres://user:password@host:5432/postgres)`,
    );
  let url: URL;
  try {
    url = new URL(adminUrl);
  } catch {
    throw new PostgresFailure(`secret_options.admin_url of offering ${offering.slug} is not a valid URL`);
  }
  const host = typeof options.host === 'string' ? options.host : url.hostname;
  if (!host)
    throw new PostgresFailure(
      `secret_options.admin_url of offering ${offering.slug} names no host; set plugin_options.host to the host consumers connect to`,
    );
  return {
    adminUrl,
    host,
    port: typeof options.port === 'number' ? options.port : Number(url.port || 5432),
    databasePrefix: typeof options.database_prefix === 'string' ? options.database_prefix : '',
    connectionLimitDefault:
      typeof options.connection_limit_default === 'number' ? options.connection_limit_default : -1,
    databaseNameAttribute:
      typeof options.database_name_attribute === 'string' ? options.database_name_attribute : undefined,
  };
}

/**
 * The connection limit an order asks for: its `connection_limit` attribute (an integer, -1 for no
 * limit), else the offering's default.
 */
export function connectionLimitOf(attributes: Record<string, unknown>, settings: PostgresSettings): number {
  const asked = attributes.connection_limit;
  if (asked === undefined || asked === null) return settings.connectionLimitDefault;
  if (typeof asked !== 'number' || !Number.isInteger(asked) || asked < -1)
    throw new PostgresFailure('attributes.connection_limit must be an integer, -1 (no limit) or more');
  return asked;
}
