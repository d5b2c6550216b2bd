import type { FastifyRequest } from 'fastify';
import type { PageQuery } from './pagination';
import { decodeCursor } from './pagination';

export interface IdParams {
  id: string;
}

export const params = (request: FastifyRequest) => request.params as IdParams;

export function page(request: FastifyRequest) {
  const query = request.query as PageQuery;
  return { limit: query.limit ?? 50, after: decodeCursor(query.cursor) };
}

export const now = () => new Date().toISOString();

export const json = <T>(text: string, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);
