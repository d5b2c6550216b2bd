import { useState, type FormEvent } from 'react';
import { request } from '../api/http';
import type { User } from '../api/types';
import { useToken } from '../session/session';
import { formErrors, type FormErrors } from './field-errors';
import type { IssuedToken } from './NewTokenNotice';

const NO_ERRORS: FormErrors = { message: '', fields: {} };

interface NewToken {
  token: string;
  name: string;
}

/** `POST /users/{id}/tokens`: a named token for a user; the answer holds its value, once. */
export function IssueTokenForm({
  users,
  userId,
  onUserChange,
  onIssued,
}: {
  users: User[];
  userId: string;
  onUserChange(id: string): void;
  onIssued(token: IssuedToken): void;
}) {
  const token = useToken();
  const [name, setName] = useState('console');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const user = users.find((u) => u.id === userId);
    if (!user) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const issued = await request<NewToken>(token, `/users/${user.id}/tokens`, {
        method: 'POST',
        body: { name: name.trim() },
      });
      onIssued({ token: issued.token, name: issued.name, username: user.username ?? '' });
    } catch (e) {
      setErrors(formErrors(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-labelledby="issue-token-heading">
      <h2 id="issue-token-heading">Hand out a token</h2>
      <label htmlFor="token-user">User</label>
      <select id="token-user" required value={userId} onChange={(e) => onUserChange(e.target.value)}>
        <option value="">Choose a user</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.username} ({u.email})
          </option>
        ))}
      </select>
      <label htmlFor="token-name">Token name</label>
      <input
        id="token-name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={errors.fields.name ? true : undefined}
        aria-describedby={errors.fields.name ? 'token-name-error token-name-help' : 'token-name-help'}
      />
      <p id="token-name-help" className="help">
        Says where it is used (e.g. laptop, CI); the user&apos;s tokens are listed and revoked by name.
      </p>
      {errors.fields.name && (
        <p id="token-name-error" className="error">
          {errors.fields.name}
        </p>
      )}
      {errors.message && (
        <p className="error" role="alert">
          {errors.message}
        </p>
      )}
      <button type="submit" disabled={busy || !userId || !name.trim()}>
        Issue token
      </button>
    </form>
  );
}
