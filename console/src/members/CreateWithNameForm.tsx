import { useRef, useState, type FormEvent } from 'react';
import { formErrors, type FormErrors } from '../admin/field-errors';
import { TextField } from './TextField';

const NO_ERRORS: FormErrors = { message: '', fields: {} };

/** A second, optional text field beside the name, as the API names it (`slug`, `description`). */
interface OptionalField {
  field: string;
  id: string;
  label: string;
  help?: string;
}

interface Props<T> {
  headingId: string;
  heading: string;
  /** `h2` on a page of its own, `h3` inside a section. */
  headingLevel: 'h2' | 'h3';
  nameId: string;
  nameLabel: string;
  optional: OptionalField;
  submitLabel: string;
  /** Sends the trimmed values; throws the API's problem, whose fields the form shows. */
  create(name: string, optional: string): Promise<T>;
  onCreated(created: T): void;
}

/**
 * A create form of a name and one optional field: the API's errors under the field they name, focus
 * moved to that field, cleared after a success (the page's status says what was created).
 */
export function CreateWithNameForm<T>(props: Props<T>) {
  const { optional } = props;
  const [name, setName] = useState('');
  const [other, setOther] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const otherInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const created = await props.create(name.trim(), other.trim());
      setName('');
      setOther('');
      props.onCreated(created);
    } catch (e) {
      const found = formErrors(e);
      setErrors(found);
      (found.fields[optional.field] && !found.fields.name ? otherInput : nameInput).current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const formMessage = errors.fields.name || errors.fields[optional.field] ? '' : errors.message;
  const Heading = props.headingLevel;
  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-labelledby={props.headingId} noValidate>
      <Heading id={props.headingId}>{props.heading}</Heading>
      <TextField
        id={props.nameId}
        label={props.nameLabel}
        value={name}
        onChange={setName}
        error={errors.fields.name}
        ref={nameInput}
      />
      <TextField
        id={optional.id}
        label={optional.label}
        value={other}
        onChange={setOther}
        error={errors.fields[optional.field]}
        ref={otherInput}
        help={optional.help}
      />
      {formMessage && (
        <p className="error" role="alert">
          {formMessage}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}
