import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db/database';
import { generateToken, hashToken } from './auth/tokens';
import { newId } from './ids';
import {
  findUserByUsername,
  hasAnyUser,
  hasTokenHash,
  hasTokenNamed,
  insertToken,
  insertUser,
} from './structure/users-repository';

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
  const firstStart = !(await hasAnyUser(db));
  let admin = await findUserByUsername(db, 'admin');
  const now = new Date().toISOString();
  if (!admin) {
    admin = { id: newId(), username: 'admin', email: 'admin@localhost', is_staff: 1, created_at: now };
    await insertUser(db, admin);
  }
  if (configured) {
    const hash = hashToken(configured);
    if (!(await hasTokenHash(db, hash)))
      await insertToken(db, {
        id: newId(),
        user_id: admin.id,
        name: 'MERCATO_ADMIN_TOKEN',
        token_hash: hash,
        created_at: now,
        expires_at: null,
      });
    return { token: configured, firstStart };
  }
  const file = path.join(dataDir, 'admin-token');
  if (await hasTokenNamed(db, admin.id, 'bootstrap'))
    return { token: fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined, firstStart };
  const token = generateToken();
  await insertToken(db, {
    id: newId(),
    user_id: admin.id,
    name: 'bootstrap',
    token_hash: hashToken(token),
    created_at: now,
    expires_at: null,
  });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, writtenTo: file, firstStart };
}
