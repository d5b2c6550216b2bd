import { useCallback, useEffect, useState } from 'react';
import { isAbort, request } from '../api/http';
import { useToken } from '../session/session';
import { problemText } from './problem-text';

export interface Loaded<T> {
  data: T | undefined;
  error: string;
  /** Reads the path again (after an action changed what it answers). */
  reload(): void;
}

/**
 * GETs `path` (under /api/v1) with the user's token, again on reload(), and every `pollMs` while
 * `poll(data)` holds: pages follow orders that the worker or another person moves on.
 */
export function useLoad<T>(path: string | null, poll?: { pollMs: number; while: (data: T) => boolean }): Loaded<T> {
  const token = useToken();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const pollMs = poll?.pollMs;
  const keepPolling = poll?.while;

  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      request<T>(token, path, { signal: controller.signal }).then(
        (body) => {
          setData(body);
          setError('');
          if (pollMs && keepPolling?.(body)) timer = setTimeout(() => void load(), pollMs);
        },
        (e: unknown) => {
          if (!isAbort(e)) setError(problemText(e));
        },
      );
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [token, path, round, pollMs, keepPolling]);

  return { data, error, reload };
}
