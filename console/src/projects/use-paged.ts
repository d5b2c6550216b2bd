import { useCallback, useEffect, useState } from 'react';
import { isAbort, request } from '../api/http';
import type { ListOf } from '../api/types';
import { useToken } from '../session/session';
import { problemText } from './problem-text';

/** The API's largest page (server/src/http/pagination.ts). */
const MAX_LIMIT = 500;

export interface Paged<T> {
  data: { items: T[]; more: boolean } | undefined;
  error: string;
  reload(): void;
  /** Shows the next page. */
  showMore(): void;
}

/**
 * A list the API pages (`limit`, `next_cursor`), shown `pageSize` more at a time. Each read (a
 * reload, a poll, "Show more") asks again for everything shown so far, following the cursors, so
 * what a poll brings stays in order with what was shown. `path` has a query (`/orders?x=y`).
 */
export function usePaged<T>(
  path: string | null,
  pageSize: number,
  poll?: { pollMs: number; while: (items: T[]) => boolean },
): Paged<T> {
  const token = useToken();
  const [data, setData] = useState<Paged<T>['data']>(undefined);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  const [pages, setPages] = useState(1);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const showMore = useCallback(() => setPages((n) => n + 1), []);
  const pollMs = poll?.pollMs;
  const keepPolling = poll?.while;

  useEffect(() => setPages(1), [path]);

  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wanted = pages * pageSize;
    const load = async () => {
      const items: T[] = [];
      let cursor: string | null | undefined;
      do {
        const limit = Math.min(MAX_LIMIT, wanted - items.length);
        const page = await request<ListOf<T>>(
          token,
          `${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { signal: controller.signal },
        );
        items.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && items.length < wanted);
      setData({ items, more: !!cursor });
      setError('');
      if (pollMs && keepPolling?.(items)) timer = setTimeout(() => void run(), pollMs);
    };
    const run = () =>
      load().catch((e: unknown) => {
        if (!isAbort(e)) setError(problemText(e));
      });
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [token, path, pages, pageSize, round, pollMs, keepPolling]);

  return { data, error, reload, showMore };
}
