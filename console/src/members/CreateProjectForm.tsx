import type { Project } from '@mercato/api';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../api/http';
import { formErrors, type FormErrors } from '../admin/field-errors';
import { useToken } from '../session/session';
import { TextField } from './TextField';

const NO_ERRORS: FormErrors = { message: '', fields: {} };

/** `POST /projects` (the organization's owners and staff): a name and a description. */
export function CreateProjectForm(props: { organizationId: string; onCreated(project: Project): void }) {
  const { organizationId, onCreated } = props;
  const token = useToken();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const descriptionInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const body = { organization_id: organizationId, name: name.trim(), description: description.trim() };
      const project = await request<Project>(token, '/projects', { method: 'POST', body });
      setName('');
      setDescription('');
      onCreated(project);
    } catch (e) {
      const found = formErrors(e);
      setErrors(found);
      (found.fields.description && !found.fields.name ? descriptionInput : nameInput).current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const formMessage = errors.fields.name || errors.fields.description ? '' : errors.message;
  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-labelledby="create-project-heading" noValidate>
      <h3 id="create-project-heading">Create a project</h3>
      <TextField
        id="project-name"
        label="Project name"
        value={name}
        onChange={setName}
        error={errors.fields.name}
        ref={nameInput}
      />
      <TextField
        id="project-description"
        label="Description (optional)"
        value={description}
        onChange={setDescription}
        error={errors.fields.description}
        ref={descriptionInput}
      />
      {formMessage && (
        <p className="error" role="alert">
          {formMessage}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Create project
      </button>
    </form>
  );
}
