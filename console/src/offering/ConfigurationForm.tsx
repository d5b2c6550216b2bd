import { forwardRef } from 'react';
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';

/**
 * Secret properties (writeOnly, or format password) as password inputs, at any depth of the
 * schema; `secretHelp` under each (an update says what an empty one means).
 */
function uiSchemaOf(schema: RJSFSchema, secretHelp?: string): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (typeof property !== 'object') continue;
    if (property.writeOnly || property.format === 'password')
      ui[name] = { 'ui:widget': 'password', ...(secretHelp ? { 'ui:help': secretHelp } : {}) };
    else if (property.type === 'object') ui[name] = uiSchemaOf(property, secretHelp);
  }
  return ui;
}

/**
 * The chosen version's configuration, as a form drawn from its JSON Schema by react-jsonschema-form:
 * each field is validated when it loses focus (the message under it), all of them before an order.
 */
export const ConfigurationForm = forwardRef<
  Form,
  {
    schema: RJSFSchema;
    value: Record<string, unknown>;
    onChange(value: Record<string, unknown>): void;
    secretHelp?: string;
  }
>(function ConfigurationForm({ schema, value, onChange, secretHelp }, ref) {
  return (
    <Form
      ref={ref}
      schema={schema}
      uiSchema={uiSchemaOf(schema, secretHelp)}
      validator={validator}
      formData={value}
      onChange={(event) => onChange((event.formData ?? {}) as Record<string, unknown>)}
      liveValidate="onBlur"
      showErrorList={false}
      noHtml5Validate
      idPrefix="config"
    />
  );
});
