import { badRequest } from './problem';

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export const PAGE_QUERY_PROPERTIES = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'Items per page.' },
  cursor: { type: 'string', description: 'The `next_cursor` of the previous page.' },
} as const;

function encodeCursor(lastId: string): string {
  return Buffer.from(lastId).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[0-9a-f-]{36}$/.test(id))
    throw badRequest('cursor: is not a cursor this server issued', [
      { field: 'cursor', message: 'is not a cursor this server issued' },
    ]);
  return id;
}

/** Cuts one extra row fetched beyond the limit into `next_cursor`. */
export function toPage<T extends { id: string }, R>(rows: T[], limit: number, present: (row: T) => R) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items: items.map(present), next_cursor: more ? encodeCursor(items[items.length - 1].id) : null };
}

export function listResponseSchema<const T extends object>(item: T) {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: item },
      next_cursor: { type: ['string', 'null'] },
    },
  } as const;
}
