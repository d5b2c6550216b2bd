import type { PageQuery } from './pagination';
import { decodeCursor } from './pagination';

/** A page of a list: at most `limit` rows, after the row of id `after` (ids sort by creation). */
export interface Page {
  limit: number;
  after?: string;
}

/** The page a list's query asks for. */
export function page(query: PageQuery): Page {
  return { limit: query.limit ?? 50, after: decodeCursor(query.cursor) };
}

export const now = () => new Date().toISOString();

export const json = <T>(text: string, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);
