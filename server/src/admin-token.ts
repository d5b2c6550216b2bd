import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db/database';
import { generateToken, hashToken } from './auth/tokens';
import { newId } from './ids';

export interface AdminToken {
  token?: string;
  /** Set when the token was generated now: it is printed once and written here. */
  writtenTo?: string;
  firstStart: boolean;
}

/**
 * The bootstrap staff credential. MERCATO_ADMIN_TOKEN wins; otherwise one is generated on the
 * first start, printed once and written (mode 0600) to `<data dir>/admin-token`.
 */
export async function ensureAdminToken(db: Db, dataDir: string, configured?: string): Promise<AdminToken> {
  const firstStart = !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
  let admin = await db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirst();
  const now = new Date().toISOString();
  if (!admin) {
    admin = { id: newId(), username: 'admin', email: 'admin@localhost', is_staff: 1, created_at: now };
    await db.insertInto('users').values(admin).execute();
  }
  if (configured) {
    const hash = hashToken(configured);
    const known = await db.selectFrom('tokens').select('id').where('token_hash', '=', hash).executeTakeFirst();
    if (!known) await db.insertInto('tokens').values({ id: newId(), user_id: admin.id, name: 'MERCATO_ADMIN_TOKEN', token_hash: hash, created_at: now, expires_at: null }).execute();
    return { token: configured, firstStart };
  }
  const file = path.join(dataDir, 'admin-token');
  const bootstrap = await db.selectFrom('tokens').select('id').where('user_id', '=', admin.id).where('name', '=', 'bootstrap').executeTakeFirst();
  if (bootstrap) return { token: fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined, firstStart };
  const token = generateToken();
  await db.insertInto('tokens').values({ id: newId(), user_id: admin.id, name: 'bootstrap', token_hash: hashToken(token), created_at: now, expires_at: null }).execute();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, writtenTo: file, firstStart };
}
