import type { Organization } from '@mercato/api';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../api/http';
import { formErrors, type FormErrors } from '../admin/field-errors';
import { useToken } from '../session/session';
import { TextField } from './TextField';

const NO_ERRORS: FormErrors = { message: '', fields: {} };

/** `POST /organizations` (staff, in the console): a name, and a slug derived from it unless given. */
export function CreateOrganizationForm({ onCreated }: { onCreated(organization: Organization): void }) {
  const token = useToken();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const slugInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const body = { name: name.trim(), ...(slug.trim() ? { slug: slug.trim() } : {}) };
      const organization = await request<Organization>(token, '/organizations', { method: 'POST', body });
      setName('');
      setSlug('');
      onCreated(organization);
    } catch (e) {
      const found = formErrors(e);
      setErrors(found);
      (found.fields.slug && !found.fields.name ? slugInput : nameInput).current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const formMessage = errors.fields.name || errors.fields.slug ? '' : errors.message;
  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-labelledby="create-org-heading" noValidate>
      <h2 id="create-org-heading">Create an organization</h2>
      <TextField
        id="org-name"
        label="Name"
        value={name}
        onChange={setName}
        error={errors.fields.name}
        ref={nameInput}
      />
      <TextField
        id="org-slug"
        label="Slug (optional)"
        value={slug}
        onChange={setSlug}
        error={errors.fields.slug}
        ref={slugInput}
        help="Its namespace in the registry; derived from the name when empty."
      />
      {formMessage && (
        <p className="error" role="alert">
          {formMessage}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Create organization
      </button>
    </form>
  );
}
