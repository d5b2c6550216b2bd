import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { messageOf } from '../api/http';
import { usePageTitle } from '../layout/page-title';
import { useSession } from './session';

/** Sign in with an API token (`mercato` prints the admin's; staff hand out others). */
export function SignInPage() {
  usePageTitle('Sign in');
  const { token, signIn } = useSession();
  const [params] = useSearchParams();
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (token) return <Navigate to={target} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signIn(value.trim());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby={error ? 'token-error token-help' : 'token-help'}
          aria-invalid={error ? true : undefined}
        />
        <p id="token-help" className="help">
          The token is kept in this tab only, until you sign out or close it.
        </p>
        {error && (
          <p id="token-error" className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !value.trim()}>
          Sign in
        </button>
      </form>
    </section>
  );
}
