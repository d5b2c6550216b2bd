import { useId, useRef, useState, type FormEvent } from 'react';
import { request } from '../api/http';
import { formErrors, type FormErrors } from '../admin/field-errors';
import { useToken } from '../session/session';
import type { Collection, Member } from './member';
import { resolveUserId } from './resolve-user';

const NO_ERRORS: FormErrors = { message: '', fields: {} };

/** `POST /{collection}/{id}/members`: a user (by username, email or id) with a role; it replaces their current one. */
export function AddMemberForm(props: {
  collection: Collection;
  parentId: string;
  roles: readonly string[];
  onAdded(member: Member): void;
}) {
  const { collection, parentId, roles, onAdded } = props;
  const token = useToken();
  const [user, setUser] = useState('');
  const [role, setRole] = useState(roles[roles.length - 1] ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const userInput = useRef<HTMLInputElement>(null);
  const roleSelect = useRef<HTMLSelectElement>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const userId = await resolveUserId(token, user);
      const member = await request<Member>(token, `/${collection}/${parentId}/members`, {
        method: 'POST',
        body: { user_id: userId, role },
      });
      setUser('');
      onAdded(member);
    } catch (e) {
      const found = formErrors(e);
      // The API names `user_id`; the person typed it in the user field.
      const userMessage = found.fields.user ?? found.fields.user_id;
      setErrors({ message: found.message, fields: { ...found.fields, user: userMessage } });
      if (found.fields.role) roleSelect.current?.focus();
      else userInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const userError = errors.fields.user;
  const formMessage = userError || errors.fields.role ? '' : errors.message;
  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>Add a member</h3>
      <label htmlFor={`${id}-user`}>User</label>
      <input
        id={`${id}-user`}
        ref={userInput}
        autoComplete="off"
        value={user}
        onChange={(e) => setUser(e.target.value)}
        aria-invalid={userError ? true : undefined}
        aria-describedby={[userError ? `${id}-user-error` : '', `${id}-user-help`].filter(Boolean).join(' ')}
      />
      <p id={`${id}-user-help`} className="help">
        A username or email of a user you can see, or anyone&apos;s user id.
      </p>
      {userError && (
        <p id={`${id}-user-error`} className="error" role="alert">
          {userError}
        </p>
      )}
      <label htmlFor={`${id}-role`}>Role</label>
      <select
        id={`${id}-role`}
        ref={roleSelect}
        value={role}
        onChange={(e) => setRole(e.target.value)}
        aria-invalid={errors.fields.role ? true : undefined}
        aria-describedby={errors.fields.role ? `${id}-role-error` : undefined}
      >
        {roles.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      {errors.fields.role && (
        <p id={`${id}-role-error`} className="error" role="alert">
          {errors.fields.role}
        </p>
      )}
      {formMessage && (
        <p className="error" role="alert">
          {formMessage}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Add member
      </button>
    </form>
  );
}
