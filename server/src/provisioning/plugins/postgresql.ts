import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type {
  PluginOffering,
  PluginResource,
  ProvisioningJob,
  ProvisioningOutcome,
  ProvisioningPlugin,
  PullResult,
} from '../plugin';
import { describeServer, masked, PostgresFailure, withAdminConnection } from './postgresql/admin-connection';
import {
  closeToOthers,
  createDatabase,
  createRole,
  databaseBytes,
  dropDatabase,
  dropRole,
  findDatabase,
  findRole,
  joinRole,
  resetRole,
  setConnectionLimit,
  setPaused,
  type DatabaseFacts,
} from './postgresql/cluster-objects';
import { backendName, ownerMark } from './postgresql/names';
import {
  connectionLimitOf,
  POSTGRESQL_OPTIONS_SCHEMA,
  POSTGRESQL_SECRET_OPTIONS_SCHEMA,
  settingsOf,
  type PostgresSettings,
} from './postgresql/settings';

/** Bytes in a GiB: usage `storage` is reported in GiB. */
const GIB = 1024 ** 3;

/**
 * A database and its own login role on the PostgreSQL server of `secret_options.admin_url`.
 * One name serves both (see postgresql/names.ts); the role's COMMENT marks it as the resource's,
 * and the database is the resource's when that role owns it: a create run again after a crash
 * takes over what the first run made, and nothing the plugin did not make is ever altered or
 * dropped.
 */
export const postgresqlPlugin: ProvisioningPlugin = {
  type: 'postgresql',
  description: [
    'Creates a PostgreSQL database and a login role that owns it, on the server of `secret_options.admin_url`',
    '(a role that may create databases and roles). Outputs `host`, `port`, `database` and `username`; secret output',
    '`password` (random, 32 characters). Names come from the resource name (or the attribute named by',
    '`plugin_options.database_name_attribute`) with a unique suffix. The order attribute `connection_limit` (integer,',
    '-1 = none) sets the limit of the database and role, at create and update. Pause refuses new connections and ends',
    'open sessions; resume allows them again. Terminate drops the database and the role. Pull reports whether both',
    'still exist, the connection limit, and usage `storage`: the database size in GiB. Only the owner (and superusers)',
    'may connect to a database.',
  ].join(' '),
  optionsSchema: POSTGRESQL_OPTIONS_SCHEMA,
  secretOptionsSchema: POSTGRESQL_SECRET_OPTIONS_SCHEMA,
  actions: ['pause', 'resume'],
  provision: async (job, signal) => {
    try {
      return await carryOut(job, settingsOf(job.offering), signal);
    } catch (error) {
      return { status: 'erred', reason: reasonOf(error, job.offering) };
    }
  },
  pull: ({ resource, offering }, signal) => pull(resource, offering, signal),
};

/**
 * An error as an order's reason. A PostgresFailure's message is written to be shown; any error is
 * masked of the admin URL all the same, in case one quotes it.
 */
function reasonOf(error: unknown, offering: PluginOffering): string {
  const message = error instanceof PostgresFailure ? error.message : `postgresql plugin: ${(error as Error)?.message}`;
  const adminUrl = offering.secret_options.admin_url;
  return typeof adminUrl === 'string' ? masked(message, adminUrl) : message;
}

function carryOut(job: ProvisioningJob, settings: PostgresSettings, signal: AbortSignal) {
  const { order, resource } = job;
  switch (order.type) {
    case 'create':
      return create(job, settings, signal);
    case 'update':
      return update(resource, connectionLimitOf(order.attributes, settings), settings, signal);
    case 'pause':
    case 'resume':
      return pauseOrResume(resource, order.type === 'pause', settings, signal);
    case 'terminate':
      return terminate(resource, settings, signal);
    default:
      throw new PostgresFailure(`the postgresql plugin does not carry out ${order.type} orders`);
  }
}

/** The name of a resource's database and role: as created (kept in its state), else as a create would make it. */
function nameOf(resource: PluginResource, attributes: Record<string, unknown>, settings: PostgresSettings) {
  const kept = resource.backend_state.database ?? resource.backend_id;
  if (typeof kept === 'string' && kept) return kept;
  const named = settings.databaseNameAttribute && attributes[settings.databaseNameAttribute];
  return backendName(settings.databasePrefix, typeof named === 'string' ? named : resource.name, resource.id);
}

const outputsOf = (name: string, settings: PostgresSettings) => ({
  host: settings.host,
  port: settings.port,
  database: name,
  username: name,
});

async function create(
  { order, resource }: ProvisioningJob,
  settings: PostgresSettings,
  signal: AbortSignal,
): Promise<ProvisioningOutcome> {
  const name = nameOf(resource, order.attributes, settings);
  const limit = connectionLimitOf(order.attributes, settings);
  const password = randomBytes(24).toString('base64url');
  const mark = ownerMark(resource.id);
  await withAdminConnection(settings.adminUrl, signal, [password], async (client) => {
    const role = await findRole(client, name);
    if (role && role.mark !== mark) throw notOurs(settings, `a role named "${name}"`);
    if (role) await resetRole(client, name, password, limit);
    else await createRole(client, name, password, limit, mark);
    await joinRole(client, name);
    const existing = await findDatabase(client, name);
    if (!existing) await createDatabase(client, name, name, limit);
    const database = await findDatabase(client, name);
    if (!database || database.owner !== name) throw notOurs(settings, `a database named "${name}"`);
    if (existing) {
      // Made by a run that did not finish: made as this run would.
      await setConnectionLimit(client, name, limit);
      await setPaused(client, name, false);
    }
    await closeToOthers(client, name, mark);
  });
  return {
    status: 'done',
    backend_id: name,
    outputs: outputsOf(name, settings),
    secret_outputs: { password },
    state: { database: name, role: name, connection_limit: limit, paused: false },
  };
}

const notOurs = (settings: PostgresSettings, what: string) =>
  new PostgresFailure(
    `${what} exists on ${describeServer(settings.adminUrl)} and was not made for this resource; it is left alone`,
  );

/** Runs `work` when the resource's role and database are there and are its own; a failure saying which is gone otherwise. */
async function onOwnObjects(
  resource: PluginResource,
  settings: PostgresSettings,
  signal: AbortSignal,
  work: (client: Client, name: string) => Promise<void>,
): Promise<string> {
  const name = nameOf(resource, resource.attributes, settings);
  await withAdminConnection(settings.adminUrl, signal, [], async (client) => {
    const found = await ownObjects(client, name, resource.id, settings);
    if ('missing' in found) throw new PostgresFailure(found.missing);
    await work(client, name);
  });
  return name;
}

/** The resource's database when it and its role are there and its own, or why they are not. */
async function ownObjects(
  client: Client,
  name: string,
  resourceId: string,
  settings: PostgresSettings,
): Promise<{ database: DatabaseFacts } | { missing: string }> {
  const server = describeServer(settings.adminUrl);
  const role = await findRole(client, name);
  const database = await findDatabase(client, name);
  if (!database) return { missing: `database "${name}" no longer exists on ${server}` };
  if (!role) return { missing: `role "${name}" no longer exists on ${server}` };
  if (role.mark !== ownerMark(resourceId) || database.owner !== name)
    return { missing: `database "${name}" on ${server} is no longer this resource's (its owner or its role changed)` };
  return { database };
}

async function update(
  resource: PluginResource,
  limit: number,
  settings: PostgresSettings,
  signal: AbortSignal,
): Promise<ProvisioningOutcome> {
  const name = await onOwnObjects(resource, settings, signal, (client, own) => setConnectionLimit(client, own, limit));
  return { status: 'done', state: { ...resource.backend_state, database: name, role: name, connection_limit: limit } };
}

async function pauseOrResume(
  resource: PluginResource,
  paused: boolean,
  settings: PostgresSettings,
  signal: AbortSignal,
): Promise<ProvisioningOutcome> {
  const name = await onOwnObjects(resource, settings, signal, (client, own) => setPaused(client, own, paused));
  return { status: 'done', state: { ...resource.backend_state, database: name, role: name, paused } };
}

/** Drops the database and the role; what is already gone is fine, what is not the resource's is left. */
async function terminate(
  resource: PluginResource,
  settings: PostgresSettings,
  signal: AbortSignal,
): Promise<ProvisioningOutcome> {
  const name = nameOf(resource, resource.attributes, settings);
  const mark = ownerMark(resource.id);
  await withAdminConnection(settings.adminUrl, signal, [], async (client) => {
    const role = await findRole(client, name);
    const database = await findDatabase(client, name);
    if (role && role.mark !== mark) throw notOurs(settings, `a role named "${name}"`);
    if (database && database.owner !== name) throw notOurs(settings, `a database named "${name}"`);
    if (database) await dropDatabase(client, name);
    if (role) await dropRole(client, name);
  });
  // The password opens nothing any more: it is not kept.
  return { status: 'done', secret_outputs: {} };
}

/**
 * What the server has of the resource now. Missing when its database or its role is gone (or no
 * longer its own); else its outputs, state (`database`, `role`, `connection_limit`, `paused`) and
 * usage `storage` (the database size in GiB). Throws a PostgresFailure (masked) when the server
 * cannot be asked.
 */
async function pull(resource: PluginResource, offering: PluginOffering, signal: AbortSignal): Promise<PullResult> {
  const settings = settingsOf(offering);
  const name = nameOf(resource, resource.attributes, settings);
  return withAdminConnection(settings.adminUrl, signal, [], async (client): Promise<PullResult> => {
    const found = await ownObjects(client, name, resource.id, settings);
    if ('missing' in found) return { status: 'missing', reason: found.missing };
    const { database } = found;
    const bytes = await databaseBytes(client, name);
    return {
      status: 'present',
      outputs: outputsOf(name, settings),
      state: {
        ...resource.backend_state,
        database: name,
        role: name,
        connection_limit: database.connectionLimit,
        paused: !database.allowConnections,
      },
      usage: { storage: Number((bytes / GIB).toFixed(6)) },
    };
  });
}
