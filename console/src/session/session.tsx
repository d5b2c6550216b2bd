/**
 * Who is signed in: the token (kept in sessionStorage, so it ends with the tab) and the user
 * `GET /api/v1/users/me` names. Pages read it with useSession(); RequireSession sends a visitor
 * without one to the sign-in page, remembering where they were going.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, request } from '../api/http';
import type { User } from '../api/types';

const TOKEN_KEY = 'mercato.token';

interface SessionValue {
  token: string | null;
  user: User | null;
  /** Checks the token with the server; throws ApiError when it is refused. */
  signIn(token: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [user, setUser] = useState<User | null>(null);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setUser(null);
  }, []);

  const signIn = useCallback(async (candidate: string) => {
    const me = await request<User>(candidate, '/users/me');
    sessionStorage.setItem(TOKEN_KEY, candidate);
    setToken(candidate);
    setUser(me);
  }, []);

  // A token kept from before a reload: read the user again (and forget a token no longer valid).
  useEffect(() => {
    if (!token || user) return;
    const controller = new AbortController();
    request<User>(token, '/users/me', { signal: controller.signal }).then(setUser, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) signOut();
    });
    return () => controller.abort();
  }, [token, user, signOut]);

  const value = useMemo(() => ({ token, user, signIn, signOut }), [token, user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user's token: for pages inside RequireSession. */
export function useToken(): string {
  const { token } = useSession();
  if (!token) throw new Error('useToken without a session');
  return token;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const location = useLocation();
  if (!token) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
