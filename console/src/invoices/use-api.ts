import { useEffect, useState } from 'react';
import { isAbort, request } from '../api/http';
import { useToken } from '../session/session';

export interface Answer<T> {
  /** The answer to the current path; undefined while it loads, or after an error. */
  data: T | undefined;
  /** The error itself (an ApiError keeps the status): a refusal reads differently from a failure. */
  error: unknown;
}

/** GETs `path` (under /api/v1) with the user's token, again whenever the path changes; null: nothing. */
export function useApi<T>(path: string | null): Answer<T> {
  const token = useToken();
  const [answer, setAnswer] = useState<Answer<T> & { path: string | null }>({
    path: null,
    data: undefined,
    error: undefined,
  });

  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    request<T>(token, path, { signal: controller.signal }).then(
      (data) => setAnswer({ path, data, error: undefined }),
      (error: unknown) => {
        if (!isAbort(error)) setAnswer({ path, data: undefined, error });
      },
    );
    return () => controller.abort();
  }, [token, path]);

  // An answer to an earlier path (another month) is never shown as this one's.
  return answer.path === path ? answer : { data: undefined, error: undefined };
}
