import { useEffect, useState } from 'react';
import { isAbort, messageOf, request } from '../api/http';
import { useToken } from '../session/session';

/**
 * One GET of the API as the signed-in user, asked again when `path` changes (a newer path cancels
 * the request in flight). `null` path: nothing to ask yet.
 */
export function useApi<T>(path: string | null) {
  const token = useToken();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setError('');
    request<T>(token, path, { signal: controller.signal }).then(setData, (e: unknown) => {
      if (!isAbort(e)) setError(messageOf(e));
    });
    return () => controller.abort();
  }, [token, path]);
  return { data, error };
}
