import type { PageQuery } from './pagination';
import { decodeCursor } from './pagination';

/** The page a list's query asks for: at most `limit` rows after the cursor's row id. */
export function page(query: PageQuery) {
  return { limit: query.limit ?? 50, after: decodeCursor(query.cursor) };
}

export const now = () => new Date().toISOString();

export const json = <T>(text: string, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);
