import { useRef, useState, type FormEvent } from 'react';
import { request } from '../api/http';
import type { User } from '../api/types';
import { useToken } from '../session/session';
import { formErrors, type FormErrors } from './field-errors';

const NO_ERRORS: FormErrors = { message: '', fields: {} };

/** `POST /users` (staff): a username and an email, staff or not. */
export function CreateUserForm({ onCreated }: { onCreated(user: User): void }) {
  const token = useToken();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [staff, setStaff] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const user = await request<User>(token, '/users', {
        method: 'POST',
        body: { username: username.trim(), email: email.trim(), is_staff: staff },
      });
      setUsername('');
      setEmail('');
      setStaff(false);
      onCreated(user);
      // The button is disabled while busy, which drops focus to the body: back to the first field,
      // ready for the next user (the page's status says this one was created).
      usernameInput.current?.focus();
    } catch (e) {
      const found = formErrors(e);
      setErrors(found);
      // Focus the field the server refused, whose message describes it; else the form's alert speaks.
      if (found.fields.username) usernameInput.current?.focus();
      else if (found.fields.email) emailInput.current?.focus();
      else usernameInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  // A field's message is shown under it; the form's is for what no field here names (not said twice).
  const formMessage = errors.fields.username || errors.fields.email ? '' : errors.message;

  const describedBy = (field: string, help?: string) =>
    [errors.fields[field] ? `user-${field}-error` : '', help ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-labelledby="create-user-heading" noValidate>
      <h2 id="create-user-heading">Create a user</h2>
      <label htmlFor="user-username">Username</label>
      <input
        id="user-username"
        ref={usernameInput}
        required
        autoComplete="off"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        aria-invalid={errors.fields.username ? true : undefined}
        aria-describedby={describedBy('username', 'user-username-help')}
      />
      <p id="user-username-help" className="help">
        Letters, digits and <code>_ . @ -</code>, up to 100.
      </p>
      {errors.fields.username && (
        <p id="user-username-error" className="error" role="alert">
          {errors.fields.username}
        </p>
      )}
      <label htmlFor="user-email">Email</label>
      <input
        id="user-email"
        ref={emailInput}
        type="email"
        required
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        aria-invalid={errors.fields.email ? true : undefined}
        aria-describedby={describedBy('email')}
      />
      {errors.fields.email && (
        <p id="user-email-error" className="error" role="alert">
          {errors.fields.email}
        </p>
      )}
      <label>
        <input type="checkbox" checked={staff} onChange={(e) => setStaff(e.target.checked)} /> Staff (may do everything)
      </label>
      {formMessage && (
        <p className="error" role="alert">
          {formMessage}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Create user
      </button>
    </form>
  );
}
