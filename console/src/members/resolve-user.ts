import { queryString, request } from '../api/http';
import type { ListOf, User } from '../api/types';
import { fieldError } from './member';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user id for what the person typed. The members API takes a user id; `GET /users` finds a
 * username (or, scanning, an email) only among the users the caller may see: staff see all, an
 * owner the members of their organizations. Anyone else is added by the user id they give (the
 * Projects page shows each user theirs), which the server checks when granting.
 */
export async function resolveUserId(token: string, typed: string): Promise<string> {
  const ref = typed.trim();
  if (!ref) throw fieldError('user', 'give a username, an email or a user id');
  if (ID.test(ref)) return ref;
  const byName = await request<ListOf<User>>(token, `/users${queryString({ username: ref, limit: 1 })}`);
  if (byName.items[0]?.id) return byName.items[0].id;
  if (ref.includes('@')) {
    let cursor: string | undefined;
    do {
      const page = await request<ListOf<User>>(token, `/users${queryString({ limit: 200, cursor })}`);
      const found = page.items.find((u) => u.email?.toLowerCase() === ref.toLowerCase());
      if (found?.id) return found.id;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }
  throw fieldError(
    'user',
    `no user "${ref}" among those you can see; ask them for their user id (shown on their Projects page)`,
  );
}
